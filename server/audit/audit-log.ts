import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../database/schema';

/**
 * What happened. Entries name accounts by id only: no email address or name ever enters the log.
 * Queue actions: `queue.paused` / `queue.resumed` (printing for every worker; no target),
 * `job.retried` / `job.removed` (the target is the print job's id), `jobs.retried` (retry-all; no target).
 * `share-link.withdrawn`: an admin withdrew an organisation's share link (the target is the link's id).
 * `maintenance.on` / `.off` / `.auto`: an admin set the maintenance switch (no target; the details keep
 * `from`, `reason`, `message` and `expectedBackAt`: the console's switch trail is read from here, see
 * server/admin/switch-trail.ts).
 * `organisation.imprint-set`: an account of the organisation, or an admin, set its imprint (the target is
 * the organisation's id; the imprint's details are never in the log).
 * `account.role-changed`: an admin made an account an agent or a campaigner (the target is the account).
 * `organisation.sign-off-required` / `.sign-off-optional`: an agent or admin set whether the organisation
 * requires sign-off (the target is the organisation).
 * `sign-off.submitted` / `.resubmitted` / `.approved` / `.returned` / `.superseded`: a move of a sign-off
 * request (the target is the request's id; the details keep `from` and `to`, the statuses), written in
 * the same transaction as the move's row in `sign_off_transitions`, which also keeps the comment (a
 * person's own words, which never enter this log). `account.role-changed` keeps `from` and `to` too.
 * `design.renamed` / `.duplicated` / `.deleted`: a member renamed, copied or deleted one of their
 * organisation's saved designs (the target is the design; for a copy, the new one).
 * `election.created` / `.candidate-added` / `.limit-set`: an agent or admin added an election or a
 * candidate, or set a candidate's spending limit (the target is the election or candidate; a limit's
 * details keep `from` and `to` in pence, null for none). `spending.recorded`: an entry was added to the
 * ledger (the target is the entry; details keep `amountPence`, `election` and `printOrder` when it
 * records an order). `spending.corrected`: an entry was reversed and perhaps replaced (the target is the
 * corrected entry; details keep `reversal` and `replacement`, entry ids). `spending.invoice-attached`:
 * an invoice was attached to an entry (the target). Suppliers, items and names never enter the log.
 * `design.variants-saved` / `.variants-removed`: its variant table was replaced (details: its kind, how many rows
 * and fields, never their values) or removed.
 * `printer.added` / `.changed` / `.removed`: an agent or admin changed the organisation's printers (the
 * target is the printer; its name, address and email are never in the log).
 * `print-order.created` / `.place` / `.printed` / `.delivered` / `.cancel`: a move of a print order (the
 * target is the order; the details keep `from` and `to`), written in the same transaction as its row in
 * `print_order_transitions`. `print-order.invoice-attached`: its invoice was uploaded (details: `bytes`).
 * `organisation.parent-set` / `.parent-cleared`: an admin moved an organisation in the tree (the target is
 * the organisation; details `from` and `to`, organisation ids or null). `template.published`: an organisation
 * published a version of a template (the target is the template; details `version` and `locked`, a count).
 * `organisation.brand-kit-set`: an agent or admin set the organisation's brand kit (details: how many colours,
 * logos and typefaces).
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
  | 'sign-off.superseded'
  | 'design.renamed'
  | 'design.duplicated'
  | 'design.deleted'
  | 'election.created'
  | 'election.candidate-added'
  | 'election.limit-set'
  | 'spending.recorded'
  | 'spending.corrected'
  | 'spending.invoice-attached'
  | 'design.variants-saved'
  | 'design.variants-removed'
  | 'print-run.started'
  | 'printer.added'
  | 'printer.changed'
  | 'printer.removed'
  | 'print-order.created'
  | 'print-order.place'
  | 'print-order.printed'
  | 'print-order.delivered'
  | 'print-order.cancel'
  | 'print-order.invoice-attached'
  | 'organisation.parent-set'
  | 'organisation.parent-cleared'
  | 'template.published'
  | 'organisation.brand-kit-set';

export interface AuditEntry {
  /** Milliseconds since the epoch. */
  at: number;
  action: AuditAction;
  /** The account that did it; null for the system (start-up, command line). */
  actorId: string | null;
  /** The account it was done to, the print job for `job.*` actions, the link for `share-link.*`, the organisation for `organisation.*`, the design for `design.*`; null when there is none. */
  targetId: string | null;
  /** The entry's particulars (the switch's reason and message ...); null when there are none. */
  details: AuditDetails | null;
}

/** Particulars of an entry: flat text and numbers, never an e-mail address or a name (accounts go by id). */
export type AuditDetails = Record<string, string | number | null>;

/** The admin's audit log in PostgreSQL (table `audit_log`): append-only, every entry kept; read newest first. */
export class AuditLog {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number,
  ) {}

  async record(action: AuditAction, actorId: string | null, targetId: string | null, details?: AuditDetails): Promise<void> {
    await recordAudit(this.db, new Date(this.now()), action, actorId, targetId, details);
  }

  /** The newest entries, newest first; only those of `actions` when given. */
  async recent(limit = 200, actions?: readonly AuditAction[]): Promise<AuditEntry[]> {
    let query = this.db
      .selectFrom('audit_log')
      .select(['at', 'action', 'actor_id', 'target_id', 'details'])
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(Math.max(1, Math.min(limit, 1000)));
    if (actions) query = query.where('action', 'in', actions.length > 0 ? [...actions] : ['']);
    const rows = await query.execute();
    return rows.map((r) => ({ at: r.at.getTime(), action: r.action as AuditAction, actorId: r.actor_id, targetId: r.target_id, details: (r.details as AuditDetails | null) ?? null }));
  }
}

/** Appends one entry, inside the caller's transaction when given one (so a change and its entry are written together). */
export async function recordAudit(db: Kysely<Database> | Transaction<Database>, at: Date, action: AuditAction, actorId: string | null, targetId: string | null, details?: AuditDetails): Promise<void> {
  await db.insertInto('audit_log').values({ at, action, actor_id: actorId, target_id: targetId, details: details ? JSON.stringify(details) : null }).execute();
}
