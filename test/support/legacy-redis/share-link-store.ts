import type { Redis } from 'ioredis';
import { jobShareLinksKey, organisationShareLinksKey, SHARE_LINK_KEY_PATTERN, shareLinkKey, shareTokenKey } from '../../../common/queue/names';
import { randomId, randomToken, TOKEN_PATTERN } from '../../../server/secrets/random-token';
import type { TokenDigester } from '../../../server/secrets/token-digester';
import type { FrontPage } from '../../../server/share-links/front-page';
import { MAX_LINKS_PER_JOB, storedShareLinkSchema, type ShareLink } from '../../../server/share-links/share-link';

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
/** Keys the start-up indexing pass asks SCAN for at a time. */
const SCAN_BATCH = 500;

/** A link's score in the job and organisation sets: its expiry, never-expiring links last. */
const scoreOf = (expiresAt: number) => (expiresAt === 0 ? Number.MAX_SAFE_INTEGER : expiresAt);

/**
 * Share links in Redis: a hash per link (by its public id) holding everything about it (organisation,
 * job, PDF, title, when made and by whom, expiry), an index from the keyed digest of the token to the
 * id, and two sorted sets of ids, per job and per organisation. Nothing here reads the print job, so a
 * link can be listed and withdrawn after BullMQ has dropped its job. Expiring links expire in Redis
 * too, and are checked against the clock on every read.
 */
export class ShareLinkStore {
  constructor(
    private readonly redis: Redis,
    private readonly digester: TokenDigester,
    private readonly now: () => number,
  ) {}

  /** A new link; the token is answered once and never stored. */
  async create(job: ShareableJob, expiresAt: number | null, createdBy: string): Promise<{ link: ShareLink; token: string }> {
    const listKey = jobShareLinksKey(job.jobId);
    const now = this.now();
    await this.redis.zremrangebyscore(listKey, 0, now); // forget expired ones (scored by expiry)
    if ((await this.redis.zcard(listKey)) >= MAX_LINKS_PER_JOB) throw new TooManyShareLinksError();
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
    const multi = this.redis.multi().hset(shareLinkKey(link.id), toHash(link)).set(shareTokenKey(link.tokenDigest), link.id);
    if (expiresAt !== null) multi.pexpireat(shareLinkKey(link.id), expiresAt).pexpireat(shareTokenKey(link.tokenDigest), expiresAt);
    const score = scoreOf(link.expiresAt);
    await multi.zadd(listKey, score, link.id).zadd(organisationShareLinksKey(job.orgId), score, link.id).exec();
    return { link, token };
  }

  /** The job's live links, oldest first. */
  async list(jobId: string, orgId: string): Promise<ShareLink[]> {
    const links = await this.live(jobShareLinksKey(jobId));
    return links.filter((l) => l.orgId === orgId && l.jobId === jobId);
  }

  /** The organisation's live links, of every job (whether or not the queue still has it), oldest first. */
  async listForOrganisation(orgId: string): Promise<ShareLink[]> {
    const key = organisationShareLinksKey(orgId);
    await this.redis.zremrangebyscore(key, 0, this.now());
    const links = await this.live(key);
    return links.filter((l) => l.orgId === orgId);
  }

  /** Makes a link of this job stop working at once; false when the job has no such link. */
  async revoke(jobId: string, orgId: string, linkId: string): Promise<boolean> {
    const link = LINK_ID.test(linkId) ? await this.get(linkId) : null;
    if (!link || link.jobId !== jobId || link.orgId !== orgId) return false;
    await this.remove(link);
    return true;
  }

  /** Makes a link of this organisation stop working at once, whatever its job; false when it has no such link. */
  async withdraw(orgId: string, linkId: string): Promise<ShareLink | null> {
    const link = LINK_ID.test(linkId) ? await this.get(linkId) : null;
    if (!link || link.orgId !== orgId) return null;
    await this.remove(link);
    return link;
  }

  /** The live link a token opens, or null (unknown, revoked or expired: all look the same). */
  async findByToken(token: string): Promise<ShareLink | null> {
    if (!TOKEN_PATTERN.test(token)) return null;
    const digest = this.digester.digest('share', token);
    const id = await this.redis.get(shareTokenKey(digest));
    const link = id ? await this.get(id) : null;
    return link && link.tokenDigest === digest ? link : null;
  }

  /**
   * Puts every stored link in its organisation's set. Links made before that set existed are only in
   * their job's, which the organisation cannot list once the job is gone; the server runs this at
   * every start (idempotent: ZADD of what is there), so a link made by an older server during a
   * rolling deploy is picked up at the next start. One SCAN over the keyspace, in batches.
   * @returns How many links it indexed.
   */
  async indexExistingLinks(): Promise<number> {
    let cursor = '0';
    let indexed = 0;
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', SHARE_LINK_KEY_PATTERN, 'COUNT', SCAN_BATCH);
      cursor = next;
      if (keys.length === 0) continue;
      const pipeline = this.redis.pipeline();
      for (const key of keys) pipeline.hmget(key, 'id', 'orgId', 'expiresAt');
      const rows = (await pipeline.exec()) ?? [];
      const multi = this.redis.multi();
      let added = 0;
      for (const [err, row] of rows) {
        const [id, orgId, expiresAt] = (err ? [] : (row as Array<string | null>)) as Array<string | null | undefined>;
        if (!id || !orgId || !LINK_ID.test(id) || !LINK_ID.test(orgId)) continue;
        multi.zadd(organisationShareLinksKey(orgId), scoreOf(Number(expiresAt ?? 0) || 0), id);
        added += 1;
      }
      if (added > 0) await multi.exec();
      else multi.discard();
      indexed += added;
    } while (cursor !== '0');
    return indexed;
  }

  private async remove(link: ShareLink): Promise<void> {
    await this.redis
      .multi()
      .del(shareLinkKey(link.id))
      .del(shareTokenKey(link.tokenDigest))
      .zrem(jobShareLinksKey(link.jobId), link.id)
      .zrem(organisationShareLinksKey(link.orgId), link.id)
      .exec();
  }

  /** The live links whose ids a sorted set holds, oldest first; ids whose link is gone are dropped from the set. */
  private async live(setKey: string): Promise<ShareLink[]> {
    const ids = await this.redis.zrangebyscore(setKey, this.now(), '+inf');
    const links = await Promise.all(ids.map((id) => this.get(id)));
    const gone = ids.filter((_, i) => links[i] === null);
    if (gone.length > 0) await this.redis.zrem(setKey, ...gone);
    return links.filter((l): l is ShareLink => l !== null).sort((a, b) => a.createdAt - b.createdAt);
  }

  private async get(id: string): Promise<ShareLink | null> {
    const hash = await this.redis.hgetall(shareLinkKey(id));
    if (Object.keys(hash).length === 0) return null;
    const parsed = storedShareLinkSchema.safeParse(hash);
    if (!parsed.success) return null;
    const link = parsed.data;
    return link.expiresAt !== 0 && link.expiresAt <= this.now() ? null : link;
  }
}

function toHash(link: ShareLink): Record<string, string> {
  return Object.fromEntries(Object.entries(link).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])));
}
