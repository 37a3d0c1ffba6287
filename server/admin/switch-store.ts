import type { Redis } from 'ioredis';
import { MAINTENANCE_SWITCH_CHANNEL, MAINTENANCE_SWITCH_KEY } from '../../common/queue/names';
import { switchFromHash, type MaintenanceSwitch } from './maintenance-switch';

/**
 * The admin's maintenance switch in Redis: a hash and a pub/sub announcement, which every server
 * follows (switch-follower.ts). Its trail (who switched what, when, why) is in PostgreSQL: switch-trail.ts.
 */
export class SwitchStore {
  constructor(private readonly redis: Redis) {}

  async read(): Promise<MaintenanceSwitch> {
    return switchFromHash(await this.redis.hgetall(MAINTENANCE_SWITCH_KEY));
  }

  /** Replaces the switch and tells every server process, in one transaction. */
  async write(next: MaintenanceSwitch & { setBy: string; setAt: string; reason: string }): Promise<void> {
    const fields: Record<string, string> = { mode: next.mode, reason: next.reason, setBy: next.setBy, setAt: next.setAt };
    if (next.message) fields.message = next.message;
    if (next.expectedBackAt) fields.expectedBackAt = next.expectedBackAt;
    const results = await this.redis
      .multi()
      .del(MAINTENANCE_SWITCH_KEY)
      .hset(MAINTENANCE_SWITCH_KEY, fields)
      .publish(MAINTENANCE_SWITCH_CHANNEL, String(Date.parse(next.setAt)))
      .exec();
    const failed = results?.find(([err]) => err);
    if (!results || failed) throw failed?.[0] ?? new Error('the switch transaction was discarded');
  }
}
