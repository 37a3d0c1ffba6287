import type { Redis } from 'ioredis';
import { AUDIT_LOG_KEY } from '../../../common/queue/names';

/** Entries kept; older ones fall off the end. */
export const AUDIT_LOG_LENGTH = 1000;

/**
 * What happened. Entries name accounts by id only: no email address or name ever enters the log.
 * Queue actions: `queue.paused` / `queue.resumed` (printing for every worker; no target),
 * `job.retried` / `job.removed` (the target is the print job's id), `jobs.retried` (retry-all; no target).
 * `share-link.withdrawn`: an admin withdrew an organisation's share link (the target is the link's id).
 */
export type AuditAction =
  | 'account.invited'
  | 'account.activated'
  | 'account.disabled'
  | 'account.access-reset'
  | 'account.first-admin-created'
  | 'account.admin-created-by-command'
  | 'queue.paused'
  | 'queue.resumed'
  | 'job.retried'
  | 'job.removed'
  | 'jobs.retried'
  | 'share-link.withdrawn';

export interface AuditEntry {
  /** Milliseconds since the epoch. */
  at: number;
  action: AuditAction;
  /** The account that did it; null for the system (start-up, command line). */
  actorId: string | null;
  /** The account it was done to, the print job for `job.*` actions, the link for `share-link.*`; null when there is none. */
  targetId: string | null;
}

/** The admin's audit log: a capped list in Redis, newest first. */
export class AuditLog {
  constructor(
    private readonly redis: Redis,
    private readonly now: () => number,
  ) {}

  async record(action: AuditAction, actorId: string | null, targetId: string | null): Promise<void> {
    const entry: AuditEntry = { at: this.now(), action, actorId, targetId };
    await this.redis.multi().lpush(AUDIT_LOG_KEY, JSON.stringify(entry)).ltrim(AUDIT_LOG_KEY, 0, AUDIT_LOG_LENGTH - 1).exec();
  }

  /** The newest entries, newest first. */
  async recent(limit = 200): Promise<AuditEntry[]> {
    const raw = await this.redis.lrange(AUDIT_LOG_KEY, 0, Math.max(0, limit - 1));
    return raw.flatMap((line) => {
      try {
        return [JSON.parse(line) as AuditEntry];
      } catch {
        return [];
      }
    });
  }
}
