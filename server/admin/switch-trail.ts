import type { SwitchAuditEntry } from '../../common/api/admin-status';
import type { AuditAction, AuditDetails, AuditLog } from '../audit/audit-log';
import { SWITCH_MODES, type MaintenanceSwitch, type SwitchMode } from './maintenance-switch';

/** The audit actions of the maintenance switch, one per mode it was set to. */
export const SWITCH_ACTIONS = SWITCH_MODES.map((mode) => `maintenance.${mode}` as const) satisfies readonly AuditAction[];

const isMode = (value: unknown): value is SwitchMode => (SWITCH_MODES as readonly unknown[]).includes(value);
const textOrNull = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

/**
 * The maintenance switch's trail (who switched what, when and why) in the audit log in PostgreSQL, so it
 * outlives a loss of Redis; the live switch itself stays in Redis (switch-store.ts), where every server
 * follows it.
 */
export class SwitchTrail {
  constructor(private readonly audit: AuditLog) {}

  /** Records one change made by an admin account. */
  record(actorId: string, next: MaintenanceSwitch & { reason: string }, from: SwitchMode): Promise<void> {
    const details: AuditDetails = { from, reason: next.reason, message: next.message, expectedBackAt: next.expectedBackAt };
    return this.audit.record(`maintenance.${next.mode}`, actorId, null, details);
  }

  /** The newest changes, newest first, as the status answers them. */
  async recent(limit = 20): Promise<SwitchAuditEntry[]> {
    const entries = await this.audit.recent(limit, SWITCH_ACTIONS);
    return entries.map((e) => {
      const to = e.action.slice('maintenance.'.length);
      const d = e.details ?? {};
      return {
        at: new Date(e.at).toISOString(),
        // An entry copied from an older installation may name the admin token's label instead of an account.
        who: e.actorId ? `account:${e.actorId}` : (textOrNull(d.who) ?? 'system'),
        from: isMode(d.from) ? d.from : 'auto',
        to: isMode(to) ? to : 'auto',
        // Entries written before the details were kept (migration 0008) have no reason to show.
        reason: textOrNull(d.reason) ?? '(not recorded)',
        message: textOrNull(d.message),
        expectedBackAt: textOrNull(d.expectedBackAt),
      };
    });
  }
}
