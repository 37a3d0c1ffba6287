import type { TelemetryProcess } from '../../../common/api/admin-telemetry';
import { formatAgo, megabytes } from './format-figures';

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Every server and worker process that reported in the window, and whether it still does. */
export function ProcessList({ processes, now }: { processes: readonly TelemetryProcess[]; now: number }) {
  const live = processes.filter((p) => p.live);
  return (
    <section className="console-section" aria-labelledby="processes-heading">
      <h2 id="processes-heading">Processes</h2>
      <p>
        {plural(live.filter((p) => p.kind === 'server').length, 'server')} and {plural(live.filter((p) => p.kind === 'worker').length, 'worker')} live.
      </p>
      {processes.length > 0 ? (
        <div className="table-scroll">
          <table className="console-table">
            <thead>
              <tr>
                <th scope="col">Process</th>
                <th scope="col">Kind</th>
                <th scope="col">Mode</th>
                <th scope="col">Memory</th>
                <th scope="col">Last report</th>
              </tr>
            </thead>
            <tbody>
              {processes.map((p) => (
                <tr key={p.id} className={p.live ? undefined : 'process-gone'}>
                  <td>
                    {p.hostname} · pid {p.pid}
                  </td>
                  <td>{p.kind}</td>
                  <td>{p.mode ?? '–'}</td>
                  <td>{megabytes(p.rssBytes)}</td>
                  <td>{p.live ? formatAgo(now - p.lastAt) : `gone (${formatAgo(now - p.lastAt)})`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
