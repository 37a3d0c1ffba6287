import type { Redis } from 'ioredis';
import { sql, type Kysely } from 'kysely';
import { designSchema } from '../../common/design/design-schema';
import { ACCOUNTS_KEY, AUDIT_LOG_KEY, accountKey, inviteKey, MAINTENANCE_AUDIT_KEY, QUEUE_PREFIX } from '../../common/queue/names';
import { SWITCH_MODES } from '../admin/maintenance-switch';
import { storedAccountSchema } from '../accounts/account';
import { PRINT_RECORD_STATUSES, type PrintRecordStatus } from '../print-jobs/print-record-store';
import type { PrintQueue } from '../print-jobs/print-queue';
import { storedShareLinkSchema } from '../share-links/share-link';
import type { Database } from './schema';

/** How many of each record the import copied, and how many it skipped as broken or orphaned. */
export interface ImportCounts {
  organisations: number;
  accounts: number;
  invites: number;
  designs: number;
  printRecords: number;
  shareLinks: number;
  auditEntries: number;
  skipped: number;
}

/** Keys SCAN asks for at a time. */
const SCAN_BATCH = 500;
const ID = /^[a-f0-9]{32}$/;

/**
 * Copies the records an installation from before PostgreSQL kept in Redis (accounts and their password
 * hashes, organisations, pending invites, saved designs, share links, the audit log and the maintenance
 * switch's trail) and the print jobs
 * the queue still holds into PostgreSQL. Idempotent: every row keeps its Redis id and is inserted only
 * when absent (ON CONFLICT DO NOTHING; audit entries when no identical one exists), so it is safe to
 * run twice, or again after servers have written new rows. Redis is only read. Run it before the first
 * start of the new version: sessions stay in Redis and keep working.
 */
export async function importFromRedis(redis: Redis, db: Kysely<Database>, deps: { now: () => number; queue?: PrintQueue }): Promise<ImportCounts> {
  const counts: ImportCounts = { organisations: 0, accounts: 0, invites: 0, designs: 0, printRecords: 0, shareLinks: 0, auditEntries: 0, skipped: 0 };
  const inserted = (result: { numInsertedOrUpdatedRows?: bigint } | undefined) => Number(result?.numInsertedOrUpdatedRows ?? 0n);

  // Organisations: a hash each ({ id, name }).
  for await (const key of scanKeys(redis, `${QUEUE_PREFIX}:org:*`)) {
    const { id, name } = await redis.hgetall(key);
    if (!id || !ID.test(id) || !name) {
      counts.skipped += 1;
      continue;
    }
    const clean = name.trim().replace(/\s+/g, ' ');
    const result = await db.insertInto('organisations').values({ id, name: clean, name_key: clean.toLowerCase(), created_at: new Date(deps.now()) }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    counts.organisations += inserted(result);
  }

  // Accounts: the set of ids, a hash each.
  const accountIds = new Set<string>();
  for (const id of await redis.smembers(ACCOUNTS_KEY)) {
    const parsed = storedAccountSchema.safeParse(await redis.hgetall(accountKey(id)));
    if (!parsed.success) {
      counts.skipped += 1;
      continue;
    }
    const a = parsed.data;
    try {
      const result = await db
        .insertInto('accounts')
        .values({ id: a.id, email: a.email, role: a.role, org_id: a.orgId, status: a.status, password_hash: a.passwordHash, invite_digest: a.inviteDigest, created_at: new Date(a.createdAt) })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      counts.accounts += inserted(result);
      accountIds.add(a.id);
    } catch (err) {
      // An account whose organisation is gone, or that breaks a rule: reported, not copied.
      if (!isRuleViolation(err)) throw err;
      counts.skipped += 1;
    }
  }
  const known = async (id: string | null | undefined): Promise<string | null> => {
    if (!id || !ID.test(id)) return null;
    if (accountIds.has(id)) return id;
    const row = await db.selectFrom('accounts').select('id').where('id', '=', id).executeTakeFirst();
    return row ? id : null;
  };

  // Pending invites: the account's current one only (older digests were revoked), with its time left.
  for await (const key of scanKeys(redis, `${QUEUE_PREFIX}:invite:*`)) {
    const digest = key.slice(inviteKey('').length);
    const [accountId, ttl] = await Promise.all([redis.get(key), redis.pttl(key)]);
    const account = accountId && ID.test(accountId) ? await db.selectFrom('accounts').select(['id', 'invite_digest']).where('id', '=', accountId).executeTakeFirst() : undefined;
    if (!account || account.invite_digest !== digest || ttl <= 0) {
      counts.skipped += 1;
      continue;
    }
    const result = await db.insertInto('invites').values({ digest, account_id: account.id, expires_at: new Date(deps.now() + ttl) }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    counts.invites += inserted(result);
  }

  // Saved designs: a hash each; the design as it stands becomes version 1.
  for await (const key of scanKeys(redis, `${QUEUE_PREFIX}:design:*`)) {
    const hash = await redis.hgetall(key);
    const design = designSchema.safeParse(safeJson(hash.design));
    const createdBy = await known(hash.createdBy);
    if (!hash.id || !ID.test(hash.id) || !hash.orgId || !design.success || !createdBy) {
      counts.skipped += 1;
      continue;
    }
    const d = design.data;
    const createdAt = new Date(Number(hash.createdAt) || deps.now());
    const updatedAt = new Date(Number(hash.updatedAt) || deps.now());
    try {
      const copied = await db.transaction().execute(async (trx) => {
        const result = await trx
          .insertInto('designs')
          .values({ id: hash.id!, org_id: hash.orgId!, created_by: createdBy, title: d.title, format_size: d.format.size, orientation: d.format.orientation ?? 'portrait', page_count: d.pages.length, current_version: 1, created_at: createdAt, updated_at: updatedAt, deleted_at: null })
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        if (inserted(result) === 0) return 0;
        await trx.insertInto('design_versions').values({ design_id: hash.id!, version: 1, design: JSON.stringify(d), saved_by: createdBy, saved_at: updatedAt }).execute();
        return 1;
      });
      counts.designs += copied;
    } catch (err) {
      if (!isRuleViolation(err)) throw err;
      counts.skipped += 1;
    }
  }

  // Print jobs the queue still holds: their records (who sent them is not known for older jobs).
  if (deps.queue) {
    const states = { completed: 'done', failed: 'failed', active: 'active', waiting: 'waiting', delayed: 'waiting', prioritized: 'waiting' } as const;
    for (const [state, status] of Object.entries(states) as Array<[keyof typeof states, PrintRecordStatus]>) {
      for (let start = 0; ; start += SCAN_BATCH) {
        const jobs = await deps.queue.queue.getJobs([state], start, start + SCAN_BATCH - 1, true);
        if (jobs.length === 0) break;
        for (const job of jobs) {
          const orgId = job?.data?.orgId;
          if (!job?.id || !ID.test(job.id) || !orgId || !PRINT_RECORD_STATUSES.includes(status)) continue;
          const result = status === 'done' ? (job.returnvalue as { pages?: number; pdfHash?: string } | null) : null;
          if (status === 'done' && (!result?.pages || !result.pdfHash)) continue;
          try {
            const r = await db
              .insertInto('print_jobs')
              .values({ id: job.id, org_id: orgId, account_id: await known(job.data.accountId), design_id: null, design_version: null, title: job.data.design?.title ?? '', status, pages: result?.pages ?? null, pdf_hash: result?.pdfHash ?? null, created_at: new Date(job.data.acceptedAt || job.timestamp), finished_at: job.finishedOn ? new Date(job.finishedOn) : null })
              .onConflict((oc) => oc.doNothing())
              .executeTakeFirst();
            counts.printRecords += inserted(r);
          } catch (err) {
            if (!isRuleViolation(err)) throw err;
            counts.skipped += 1;
          }
        }
      }
    }
  }

  // Share links: a hash each; their job's print record is made from the link when the queue has dropped the job.
  for await (const key of scanKeys(redis, `${QUEUE_PREFIX}:share:*`)) {
    const parsed = storedShareLinkSchema.safeParse(await redis.hgetall(key));
    if (!parsed.success || (parsed.data.expiresAt !== 0 && parsed.data.expiresAt <= deps.now())) {
      counts.skipped += 1;
      continue;
    }
    const l = parsed.data;
    try {
      const copied = await db.transaction().execute(async (trx) => {
        const job = await trx
          .insertInto('print_jobs')
          .values({ id: l.jobId, org_id: l.orgId, account_id: null, design_id: null, design_version: null, title: l.title, status: 'done', pages: l.pages, pdf_hash: l.pdfHash, created_at: new Date(l.createdAt), finished_at: new Date(l.createdAt) })
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        counts.printRecords += inserted(job);
        const result = await trx
          .insertInto('share_links')
          .values({ id: l.id, token_digest: l.tokenDigest, job_id: l.jobId, org_id: l.orgId, pdf_hash: l.pdfHash, title: l.title, pages: l.pages, bytes: l.bytes, front: l.front, created_by: await known(l.createdBy), created_at: new Date(l.createdAt), expires_at: l.expiresAt === 0 ? null : new Date(l.expiresAt), withdrawn_at: null })
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        return inserted(result);
      });
      counts.shareLinks += copied;
    } catch (err) {
      if (!isRuleViolation(err)) throw err;
      counts.skipped += 1;
    }
  }

  // The audit log: a list, newest first; copied oldest first, each entry once.
  const lines = await redis.lrange(AUDIT_LOG_KEY, 0, -1);
  for (const line of lines.reverse()) {
    const entry = safeJson(line) as { at?: unknown; action?: unknown; actorId?: unknown; targetId?: unknown } | null;
    if (!entry || typeof entry.at !== 'number' || typeof entry.action !== 'string') {
      counts.skipped += 1;
      continue;
    }
    const actor = await known(typeof entry.actorId === 'string' ? entry.actorId : null);
    const target = typeof entry.targetId === 'string' ? entry.targetId : null;
    const at = new Date(entry.at);
    const result = await sql`
      insert into audit_log (at, action, actor_id, target_id)
      select ${at}, ${entry.action}, ${actor}, ${target}
      where not exists (
        select 1 from audit_log
        where at = ${at} and action = ${entry.action} and actor_id is not distinct from ${actor} and target_id is not distinct from ${target}
      )`.execute(db);
    counts.auditEntries += Number(result.numAffectedRows ?? 0n);
  }

  // The maintenance switch's trail: a capped list, newest first, of { at, who, from, to, reason, message, expectedBackAt }.
  const modes: readonly string[] = SWITCH_MODES;
  for (const line of (await redis.lrange(MAINTENANCE_AUDIT_KEY, 0, -1)).reverse()) {
    const e = safeJson(line) as Record<string, unknown> | null;
    const at = e && typeof e.at === 'string' ? new Date(e.at) : null;
    if (!e || !at || Number.isNaN(at.getTime()) || !modes.includes(String(e.to)) || !modes.includes(String(e.from)) || typeof e.who !== 'string') {
      counts.skipped += 1;
      continue;
    }
    const accountId = /^account:([a-f0-9]{32})$/.exec(e.who)?.[1] ?? null;
    const actor = await known(accountId);
    const text = (v: unknown) => (typeof v === 'string' && v ? v : null);
    // The admin token's label (never a person) is kept as `who` when the switch was not set by an account.
    const details = JSON.stringify({ from: String(e.from), reason: text(e.reason), message: text(e.message), expectedBackAt: text(e.expectedBackAt), ...(actor ? {} : { who: e.who.startsWith('account:') ? 'account' : e.who }) });
    const action = `maintenance.${String(e.to)}`;
    const result = await sql`
      insert into audit_log (at, action, actor_id, target_id, details)
      select ${at}, ${action}, ${actor}, null, ${details}::jsonb
      where not exists (
        select 1 from audit_log where at = ${at} and action = ${action} and actor_id is not distinct from ${actor} and target_id is null
      )`.execute(db);
    counts.auditEntries += Number(result.numAffectedRows ?? 0n);
  }
  return counts;
}

async function* scanKeys(redis: Redis, pattern: string): AsyncGenerator<string> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', SCAN_BATCH);
    cursor = next;
    yield* keys;
  } while (cursor !== '0');
}

function safeJson(text: string | undefined): unknown {
  if (text === undefined) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** A row PostgreSQL refused by a rule (foreign key, check, unique, not null): SQLSTATE class 23. */
function isRuleViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('23');
}
