import type { Redis } from 'ioredis';
import { jobShareLinksKey, shareLinkKey, shareTokenKey } from '../../common/queue/names';
import { randomId, randomToken, TOKEN_PATTERN } from '../secrets/random-token';
import type { TokenDigester } from '../secrets/token-digester';
import type { FrontPage } from './front-page';
import { MAX_LINKS_PER_JOB, storedShareLinkSchema, type ShareLink } from './share-link';

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

/**
 * Share links in Redis: a hash per link (by its public id), an index from the keyed digest of the
 * token to the id, and a sorted set per job. Expiring links expire in Redis too, and are checked
 * against the clock on every read.
 */
export class ShareLinkStore {
  constructor(
    private readonly redis: Redis,
    private readonly digester: TokenDigester,
    private readonly now: () => number,
  ) {}

  /** A new link; the token is answered once and never stored. */
  async create(job: ShareableJob, expiresAt: number | null): Promise<{ link: ShareLink; token: string }> {
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
    };
    const multi = this.redis.multi().hset(shareLinkKey(link.id), toHash(link)).set(shareTokenKey(link.tokenDigest), link.id);
    if (expiresAt !== null) multi.pexpireat(shareLinkKey(link.id), expiresAt).pexpireat(shareTokenKey(link.tokenDigest), expiresAt);
    // Scored by expiry (never-expiring links sort last), so expired ones are easy to drop.
    await multi.zadd(listKey, expiresAt ?? Number.MAX_SAFE_INTEGER, link.id).exec();
    return { link, token };
  }

  /** The job's live links, oldest first. */
  async list(jobId: string, orgId: string): Promise<ShareLink[]> {
    const ids = await this.redis.zrangebyscore(jobShareLinksKey(jobId), this.now(), '+inf');
    const links = await Promise.all(ids.map((id) => this.get(id)));
    return links.filter((l): l is ShareLink => l !== null && l.orgId === orgId && l.jobId === jobId).sort((a, b) => a.createdAt - b.createdAt);
  }

  /** Makes a link stop working at once; false when the job has no such link. */
  async revoke(jobId: string, orgId: string, linkId: string): Promise<boolean> {
    const link = /^[a-f0-9]{32}$/.test(linkId) ? await this.get(linkId) : null;
    if (!link || link.jobId !== jobId || link.orgId !== orgId) return false;
    await this.redis.multi().del(shareLinkKey(link.id)).del(shareTokenKey(link.tokenDigest)).zrem(jobShareLinksKey(jobId), link.id).exec();
    return true;
  }

  /** The live link a token opens, or null (unknown, revoked or expired: all look the same). */
  async findByToken(token: string): Promise<ShareLink | null> {
    if (!TOKEN_PATTERN.test(token)) return null;
    const digest = this.digester.digest('share', token);
    const id = await this.redis.get(shareTokenKey(digest));
    const link = id ? await this.get(id) : null;
    return link && link.tokenDigest === digest ? link : null;
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
  return Object.fromEntries(Object.entries(link).map(([k, v]) => [k, String(v)]));
}
