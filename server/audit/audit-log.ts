import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../database/schema';

/**
 * What happened. Entries name accounts by id only: no email address or name ever enters the log.
 * Queue actions: `queue.paused` / `queue.resumed` (printing for every worker; no target),
 * `job.retried` / `job.removed` (the target is the print job's id), `jobs.retried` (retry-all; no target).
 * `share-link.withdrawn`: an admin withdrew an organisation's share link (the target is the link's id).
 * `maintenance.on` / `.off` / `.auto`: an admin set the maintenance switch (no target; the switch's own
 * trail in Redis, shown in the status, also keeps the reason and message).
 * `organisation.imprint-set`: an account of the organisation, or an admin, set its imprint (the target is
 * the organisation's id; the imprint's details are never in the log).
 * `account.role-changed`: an admin made an account an agent or a campaigner (the target is the account).
 * `organisation.sign-off-required` / `.sign-off-optional`: an agent or admin set whether the organisation
 * requires sign-off (the target is the organisation).
 * `sign-off.submitted` / `.resubmitted` / `.approved` / `.returned` / `.superseded`: a move of a sign-off
 * request (the target is the request's id), written in the same transaction as the move's row in
 * `sign_off_transitions`, which keeps its from, to and comment (the comment never enters this log).
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
  | 'share-link.withdrawn'
  | 'maintenance.on'
  | 'maintenance.off'
  | 'maintenance.auto'
  | 'organisation.imprint-set'
  | 'account.role-changed'
  | 'organisation.sign-off-required'
  | 'organisation.sign-off-optional'
  | 'sign-off.submitted'
  | 'sign-off.resubmitted'
  | 'sign-off.approved'
  | 'sign-off.returned'
  | 'sign-off.superseded';

export interface AuditEntry {
  /** Milliseconds since the epoch. */
  at: number;
  action: AuditAction;
  /** The account that did it; null for the system (start-up, command line). */
  actorId: string | null;
  /** The account it was done to, the print job for `job.*` actions, the link for `share-link.*`, the organisation for `organisation.*`; null when there is none. */
  targetId: string | null;
}

/** The admin's audit log in PostgreSQL (table `audit_log`): append-only, every entry kept; read newest first. */
export class AuditLog {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number,
  ) {}

  async record(action: AuditAction, actorId: string | null, targetId: string | null): Promise<void> {
    await recordAudit(this.db, new Date(this.now()), action, actorId, targetId);
  }

  /** The newest entries, newest first. */
  async recent(limit = 200): Promise<AuditEntry[]> {
    const rows = await this.db
      .selectFrom('audit_log')
      .select(['at', 'action', 'actor_id', 'target_id'])
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(Math.max(1, Math.min(limit, 1000)))
      .execute();
    return rows.map((r) => ({ at: r.at.getTime(), action: r.action as AuditAction, actorId: r.actor_id, targetId: r.target_id }));
  }
}

/** Appends one entry, inside the caller's transaction when given one (so a change and its entry are written together). */
export async function recordAudit(db: Kysely<Database> | Transaction<Database>, at: Date, action: AuditAction, actorId: string | null, targetId: string | null): Promise<void> {
  await db.insertInto('audit_log').values({ at, action, actor_id: actorId, target_id: targetId }).execute();
}
