import { useEffect, useState } from 'react';
import { SignedInHeader } from '../session/signed-in-header';
import { useSession } from '../session/session-context';
import { AuditLog } from './audit-log';
import { formatClock, formatDateTime } from './format-figures';
import { ModeSummary } from './mode-summary';
import { ProcessList } from './process-list';
import { QueuePanel } from './queue-panel';
import { SwitchForm } from './switch-form';
import { TelemetryCharts } from './telemetry-charts';
import { POLL_MS, useConsoleData, type ConsoleData } from './use-console-data';
import './admin.css';
import './console.css';

/** Where the console lives: a real path, which the server keeps open in maintenance and never sheds. */
export const CONSOLE_PATH = '/admin';
/** The accounts page under the console's path (so it too opens in maintenance). */
export const ACCOUNTS_PATH = '/admin/accounts';

/**
 * The admin console (admins only): the mode and why, the maintenance switch, live charts of every
 * server and worker, the print queue, the processes and the switch's audit log. It reads the server
 * every few seconds while the tab is visible, and keeps showing the last figures when a read fails.
 */
export function ConsolePage() {
  const { account } = useSession();
  useEffect(() => {
    const before = document.title;
    document.title = 'Admin console · Rosette';
    return () => {
      document.title = before;
    };
  }, []);
  return (
    <>
      <SignedInHeader title="Admin console" home="/" />
      {account.role === 'admin' ? (
        <AdminConsole />
      ) : (
        <main id="main" tabIndex={-1} className="admin-page">
          <h1>Admin console</h1>
          <p className="notice notice-error">This console is for admins only. Your account is a campaigner's.</p>
          <p>
            <a href="/">Back to your leaflets</a>
          </p>
        </main>
      )}
    </>
  );
}

function AdminConsole() {
  const data = useConsoleData();
  const { status, telemetry } = data;
  return (
    <main id="main" tabIndex={-1} className="admin-page console-page">
      <div className="console-title">
        <h1>Admin console</h1>
        <nav aria-label="Admin pages" className="console-nav">
          <a href={ACCOUNTS_PATH}>Accounts: invite, disable, reset</a>
          <a href="/admin/organisations">Organisations: the party tree</a>
          <a href="/">Leaflets</a>
        </nav>
      </div>
      <Freshness data={data} />
      {status ? (
        <div className="console-top">
          <ModeSummary status={status} />
          <SwitchForm current={status.switch} people={status.people} onSwitched={(next) => (data.adoptStatus(next), data.refresh())} />
        </div>
      ) : data.statusProblem ? null : (
        <p role="status">Loading the status…</p>
      )}
      {data.telemetryProblem ? (
        <p className="notice notice-wait" role="status">
          Live figures unavailable: {data.telemetryProblem}.{status ? ' The status above still comes from the server.' : ''}
        </p>
      ) : null}
      {telemetry ? <TelemetryCharts history={telemetry} /> : data.telemetryProblem ? null : <p role="status">Loading the live figures…</p>}
      <QueuePanel />
      {telemetry ? <ProcessList processes={telemetry.processes} now={telemetry.now} /> : null}
      {status ? <AuditLog audit={status.audit} people={status.people} /> : null}
      {status && status.changes.length > 0 ? <ModeChanges changes={status.changes} /> : null}
    </main>
  );
}

/** When the figures were last read, or since when the server cannot be reached. */
function Freshness({ data }: { data: ConsoleData }) {
  const [, tick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, []);
  if (data.failingSince !== null) {
    return (
      <p className="notice notice-error console-freshness" role="alert">
        Cannot reach the server since {formatClock(data.failingSince)} ({data.statusProblem ?? data.telemetryProblem}).
        {data.updatedAt ? ` Showing the figures from ${formatClock(data.updatedAt)}.` : ''} Trying again every {POLL_MS / 1000} s.
      </p>
    );
  }
  if (data.paused) return <p className="console-freshness">Paused while this tab is hidden.</p>;
  if (data.updatedAt === null) return null;
  return (
    <p className="console-freshness">
      <span className="live-dot" aria-hidden="true" /> Live: updated at {formatClock(data.updatedAt)}, every {POLL_MS / 1000} s.
      {data.statusProblem ? ` The status could not be read: ${data.statusProblem}.` : ''}
    </p>
  );
}

function ModeChanges({ changes }: { changes: NonNullable<ConsoleData['status']>['changes'] }) {
  return (
    <section className="console-section" aria-labelledby="changes-heading">
      <h2 id="changes-heading">Recent mode changes (the answering server)</h2>
      <div className="table-scroll">
        <table className="console-table stacks">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Change</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {changes.slice(0, 10).map((c) => (
              <tr key={`${c.at}-${c.to}`}>
                <td data-label="When">{formatDateTime(c.at)}</td>
                <td data-label="Change">
                  {c.from} → <strong>{c.to}</strong>
                </td>
                <td data-label="Reason">{c.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
