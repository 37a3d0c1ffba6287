import type { Redis } from 'ioredis';
import { MAINTENANCE_AUDIT_KEY, MAINTENANCE_SWITCH_CHANNEL, MAINTENANCE_SWITCH_KEY } from '../../../common/queue/names';
import type { SwitchAuditEntry } from '../../../common/api/admin-status';
import { switchFromHash, type MaintenanceSwitch, type SwitchMode } from '../../../server/admin/maintenance-switch';

/** Audit entries kept; older ones fall off the end. */
export const SWITCH_AUDIT_LENGTH = 200;

/** One change of the switch: who, when, why (the shape is part of the status contract). */
export type { SwitchAuditEntry } from '../../../common/api/admin-status';

/** The admin's maintenance switch in Redis: a hash, a pub/sub announcement, and a capped audit list. */
export class SwitchStore {
  constructor(private readonly redis: Redis) {}

  async read(): Promise<MaintenanceSwitch> {
    return switchFromHash(await this.redis.hgetall(MAINTENANCE_SWITCH_KEY));
  }

  /** Replaces the switch, records who did it, and tells every server process, in one transaction. */
  async write(next: MaintenanceSwitch & { setBy: string; setAt: string; reason: string }, previous: SwitchMode): Promise<void> {
    const fields: Record<string, string> = { mode: next.mode, reason: next.reason, setBy: next.setBy, setAt: next.setAt };
    if (next.message) fields.message = next.message;
    if (next.expectedBackAt) fields.expectedBackAt = next.expectedBackAt;
    const entry: SwitchAuditEntry = { at: next.setAt, who: next.setBy, from: previous, to: next.mode, reason: next.reason, message: next.message, expectedBackAt: next.expectedBackAt };
    const results = await this.redis
      .multi()
      .del(MAINTENANCE_SWITCH_KEY)
      .hset(MAINTENANCE_SWITCH_KEY, fields)
      .lpush(MAINTENANCE_AUDIT_KEY, JSON.stringify(entry))
      .ltrim(MAINTENANCE_AUDIT_KEY, 0, SWITCH_AUDIT_LENGTH - 1)
      .publish(MAINTENANCE_SWITCH_CHANNEL, String(Date.parse(next.setAt)))
      .exec();
    const failed = results?.find(([err]) => err);
    if (!results || failed) throw failed?.[0] ?? new Error('the switch transaction was discarded');
  }

  /** The newest audit entries, newest first. */
  async recentAudit(limit = 20): Promise<SwitchAuditEntry[]> {
    const raw = await this.redis.lrange(MAINTENANCE_AUDIT_KEY, 0, Math.max(0, limit - 1));
    return raw.flatMap((line) => {
      try {
        return [JSON.parse(line) as SwitchAuditEntry];
      } catch {
        return [];
      }
    });
  }
}
