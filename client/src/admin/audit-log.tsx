import type { AdminStatus } from '../api/admin-console-api';
import { formatDateTime } from './format-figures';
import { personName } from './person-name';
import { switchLabel } from './switch-choices';

/** Who switched maintenance, when and why: the newest entries of the switch's audit log. */
export function AuditLog({ audit, people }: { audit: AdminStatus['audit']; people?: AdminStatus['people'] }) {
  return (
    <section className="console-section" aria-labelledby="audit-heading">
      <h2 id="audit-heading">Switch audit log</h2>
      {audit === null ? <p className="notice notice-wait">The audit log is kept in PostgreSQL, which cannot be read just now.</p> : null}
      {audit && audit.length === 0 ? <p>Nobody has switched maintenance yet.</p> : null}
      {audit && audit.length > 0 ? (
        <div className="table-scroll">
          <table className="console-table stacks">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Change</th>
                <th scope="col">Reason</th>
                <th scope="col">Message and expected return</th>
              </tr>
            </thead>
            <tbody>
              {audit.map((entry) => (
                <tr key={`${entry.at}-${entry.who}-${entry.to}`}>
                  <td data-label="When">{formatDateTime(entry.at)}</td>
                  <td data-label="Who">{personName(entry.who, people)}</td>
                  <td data-label="Change">
                    {switchLabel(entry.from)} → <strong>{switchLabel(entry.to)}</strong>
                  </td>
                  <td data-label="Reason">{entry.reason}</td>
                  <td data-label="Message and expected return">
                    {entry.message ?? ''}
                    {entry.expectedBackAt ? ` (back ${formatDateTime(entry.expectedBackAt)})` : ''}
                    {!entry.message && !entry.expectedBackAt ? '–' : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
