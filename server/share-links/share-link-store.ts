import { sql, type Kysely, type Selectable, type SelectQueryBuilder } from 'kysely';
import type { Database, ShareLinksTable } from '../database/schema';
import { randomId, randomToken, TOKEN_PATTERN } from '../secrets/random-token';
import type { TokenDigester } from '../secrets/token-digester';
import type { FrontPage } from './front-page';
import { MAX_LINKS_PER_JOB, storedShareLinkSchema, type ShareLink } from './share-link';
import { ShareLinkCache } from './share-link-cache';

/** Thrown when a job already has MAX_LINKS_PER_JOB links. */
export class TooManyShareLinksError extends Error {}

/** What a share link is made from: the finished job's PDF and what the volunteer's page shows. */
export interface ShareableJob {
  jobId: string;
  orgId: string;
  pdfHash: string;
  title: string;
  pages: number;
  bytes: number;
  front: FrontPage;
}

const LINK_ID = /^[a-f0-9]{32}$/;

/**
 * Share links in PostgreSQL (table `share_links`): everything about a link (organisation, job, PDF,
 * title, when made and by whom, expiry, withdrawal) with a life of its own: nothing here reads the
 * queue, so a link is listed and withdrawn after BullMQ has dropped its job, and a withdrawn link's
 * record stays. Its job's print record must exist (a foreign key): making a link makes sure of it.
 * Tokens are resolved from a cache of the live links (share-link-cache.ts) that follows the table.
 */
export class ShareLinkStore {
  readonly cache: ShareLinkCache;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly digester: TokenDigester,
    private readonly now: () => number,
    /** pollMs: between the cache's reads of changes; cacheEntries: most links it holds (SHARE_LINK_CACHE_ENTRIES). */
    options: { pollMs?: number; cacheEntries?: number } = {},
  ) {
    this.cache = new ShareLinkCache(db, toLink, now, options.pollMs, options.cacheEntries);
  }

  /** A new link; the token is answered once and never stored. */
  async create(job: ShareableJob, expiresAt: number | null, createdBy: string): Promise<{ link: ShareLink; token: string }> {
    const now = this.now();
    const token = randomToken();
    const link: ShareLink = {
      id: randomId(),
      jobId: job.jobId,
      orgId: job.orgId,
      tokenDigest: this.digester.digest('share', token),
      pdfHash: job.pdfHash,
      title: job.title,
      pages: job.pages,
      bytes: job.bytes,
      front: JSON.stringify(job.front),
      createdAt: now,
      expiresAt: expiresAt ?? 0,
      createdBy,
    };
    await this.db.transaction().execute(async (trx) => {
      // The job's print record, finished (the queue says so: only a done job is shared); locked, so
      // two requests cannot both take the last of its MAX_LINKS_PER_JOB places.
      await trx
        .insertInto('print_jobs')
        .values({ id: job.jobId, org_id: job.orgId, account_id: null, design_id: null, design_version: null, title: job.title, status: 'done', pages: job.pages, pdf_hash: job.pdfHash, created_at: new Date(now), finished_at: new Date(now) })
        .onConflict((oc) => oc.column('id').doUpdateSet({ status: 'done', pages: job.pages, pdf_hash: job.pdfHash, finished_at: sql`coalesce(print_jobs.finished_at, excluded.finished_at)` }))
        .execute();
      const { n } = await trx
        .selectFrom('share_links')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('job_id', '=', job.jobId)
        .where('withdrawn_at', 'is', null)
        .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', new Date(now))]))
        .executeTakeFirstOrThrow();
      if (Number(n) >= MAX_LINKS_PER_JOB) throw new TooManyShareLinksError();
      await trx
        .insertInto('share_links')
        .values({ id: link.id, token_digest: link.tokenDigest, job_id: link.jobId, org_id: link.orgId, pdf_hash: link.pdfHash, title: link.title, pages: link.pages, bytes: link.bytes, front: link.front, created_by: createdBy, created_at: new Date(now), expires_at: expiresAt === null ? null : new Date(expiresAt), withdrawn_at: null })
        .execute();
    });
    this.cache.put(link);
    return { link, token };
  }

  /** The job's live links, oldest first. */
  async list(jobId: string, orgId: string): Promise<ShareLink[]> {
    if (!LINK_ID.test(jobId) || !LINK_ID.test(orgId)) return [];
    return this.live((q) => q.where('job_id', '=', jobId).where('org_id', '=', orgId));
  }

  /** The organisation's live links, of every job (whether or not the queue still has it), oldest first. */
  async listForOrganisation(orgId: string): Promise<ShareLink[]> {
    if (!LINK_ID.test(orgId)) return [];
    return this.live((q) => q.where('org_id', '=', orgId));
  }

  /** Makes a link of this job stop working at once; false when the job has no such link. */
  async revoke(jobId: string, orgId: string, linkId: string): Promise<boolean> {
    if (!LINK_ID.test(jobId)) return false;
    return (await this.withdrawWhere(orgId, linkId, jobId)) !== null;
  }

  /** Makes a link of this organisation stop working at once, whatever its job; null when it has no such link. */
  async withdraw(orgId: string, linkId: string): Promise<ShareLink | null> {
    return this.withdrawWhere(orgId, linkId, null);
  }

  /**
   * The live link a token opens, or null (unknown, withdrawn or expired: all look the same). From the
   * cache when it holds the link (PostgreSQL not asked); otherwise from the table (a link another server
   * made since the cache last looked).
   */
  async findByToken(token: string): Promise<ShareLink | null> {
    if (!TOKEN_PATTERN.test(token)) return null;
    const digest = this.digester.digest('share', token);
    const cached = this.cache.get(digest);
    if (cached) return cached;
    const row = await this.db.selectFrom('share_links').selectAll().where('token_digest', '=', digest).where('withdrawn_at', 'is', null).executeTakeFirst();
    const link = row ? toLink(row) : null;
    if (!link || (link.expiresAt !== 0 && link.expiresAt <= this.now())) return null;
    this.cache.put(link);
    return link;
  }

  private async withdrawWhere(orgId: string, linkId: string, jobId: string | null): Promise<ShareLink | null> {
    if (!LINK_ID.test(linkId) || !LINK_ID.test(orgId)) return null;
    let query = this.db
      .updateTable('share_links')
      .set({ withdrawn_at: new Date(this.now()), changed_at: sql`clock_timestamp()` })
      .where('id', '=', linkId)
      .where('org_id', '=', orgId)
      .where('withdrawn_at', 'is', null)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', new Date(this.now()))]));
    if (jobId !== null) query = query.where('job_id', '=', jobId);
    const row = await query.returningAll().executeTakeFirst();
    if (!row) return null;
    this.cache.forget(row.token_digest);
    return toLink(row);
  }

  private async live(filter: (q: LinkQuery) => LinkQuery): Promise<ShareLink[]> {
    const now = new Date(this.now());
    const base: LinkQuery = this.db
      .selectFrom('share_links')
      .selectAll()
      .where('withdrawn_at', 'is', null)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]));
    const rows = await filter(base).orderBy('created_at').orderBy('id').execute();
    return rows.map(toLink).filter((l): l is ShareLink => l !== null);
  }
}

type LinkQuery = SelectQueryBuilder<Database, 'share_links', Selectable<ShareLinksTable>>;

/** A row as a ShareLink, checked again (a bad record is never trusted). */
export function toLink(row: Selectable<ShareLinksTable>): ShareLink | null {
  const parsed = storedShareLinkSchema.safeParse({
    id: row.id,
    jobId: row.job_id,
    orgId: row.org_id,
    tokenDigest: row.token_digest,
    pdfHash: row.pdf_hash,
    title: row.title,
    pages: row.pages,
    bytes: row.bytes,
    front: row.front,
    createdAt: row.created_at.getTime(),
    expiresAt: row.expires_at?.getTime() ?? 0,
    createdBy: row.created_by ?? undefined,
  });
  return parsed.success ? parsed.data : null;
}
