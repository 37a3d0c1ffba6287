import type { Kysely, Selectable } from 'kysely';
import type { Database, ShareLinksTable } from '../database/schema';
import type { ShareLink } from './share-link';
import { DEFAULT_SHARE_LINK_CACHE_ENTRIES } from '../../common/node/config';

/** How often a server asks PostgreSQL which links were made or withdrawn, milliseconds: a withdrawal reaches every server within about this. */
export const SHARE_LINK_POLL_MS = 500;
/**
 * How far back each poll looks past the newest change already seen, milliseconds: a transaction that
 * took its timestamp earlier but committed later is still picked up.
 */
const OVERLAP_MS = 5_000;

/**
 * Every live share link, in this server's memory, by the digest of its token: a volunteer's link is
 * answered without PostgreSQL (in microseconds), and keeps working while PostgreSQL is down. The cache
 * follows the table: it loads the live links once, then every SHARE_LINK_POLL_MS reads the rows changed
 * since (made, or withdrawn: `changed_at`), so a withdrawal on any server clears the link here within
 * a second; the server that withdraws it clears it at once. While PostgreSQL is away it keeps what it
 * has (nothing can be withdrawn meanwhile: writes fail) and catches up when it returns.
 *
 * It holds at most `maxEntries` links (SHARE_LINK_CACHE_ENTRIES in config.ts): past that, the least recently used
 * goes, and a link not held is read from PostgreSQL (share-link-store.ts) and held again. A withdrawal
 * clears a link whether or not it is held; while PostgreSQL is away only the links held keep working.
 */
export class ShareLinkCache {
  private readonly byDigest = new Map<string, ShareLink>();
  private timer: NodeJS.Timeout | null = null;
  /** Newest changed_at seen, milliseconds; null until the first full load has worked. */
  private cursor: number | null = null;
  private polling: Promise<void> | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly toLink: (row: Selectable<ShareLinksTable>) => ShareLink | null,
    private readonly now: () => number,
    private readonly pollMs = SHARE_LINK_POLL_MS,
    private readonly maxEntries = DEFAULT_SHARE_LINK_CACHE_ENTRIES,
  ) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError('the share-link cache must hold at least one link');
  }

  /** Links held now (at most maxEntries). */
  get size(): number {
    return this.byDigest.size;
  }

  /** Whether the cache has loaded the table once (before that, a miss says nothing). */
  get ready(): boolean {
    return this.cursor !== null;
  }

  /** Starts following the table (the first load at once). */
  start(): void {
    if (this.timer) return;
    void this.poll();
    this.timer = setInterval(() => void this.poll(), this.pollMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** The live link of this token digest, if the cache holds it; expired ones are dropped here. */
  get(digest: string): ShareLink | null {
    const link = this.byDigest.get(digest);
    if (!link) return null;
    if (link.expiresAt !== 0 && link.expiresAt <= this.now()) {
      this.byDigest.delete(digest);
      return null;
    }
    // The Map keeps insertion order: moved to the end, it is the most recently used.
    this.byDigest.delete(digest);
    this.byDigest.set(digest, link);
    return link;
  }

  /** Holds a link (as the most recently used), letting the least recently used go past maxEntries. */
  put(link: ShareLink): void {
    this.byDigest.delete(link.tokenDigest);
    this.byDigest.set(link.tokenDigest, link);
    while (this.byDigest.size > this.maxEntries) {
      const oldest = this.byDigest.keys().next().value as string;
      this.byDigest.delete(oldest);
    }
  }

  forget(digest: string): void {
    this.byDigest.delete(digest);
  }

  /** One read of what changed (everything live, the first time); resolves when applied. A failed read is tried again at the next tick. */
  poll(): Promise<void> {
    this.polling ??= this.read()
      .catch(() => undefined)
      .finally(() => {
        this.polling = null;
      });
    return this.polling;
  }

  private async read(): Promise<void> {
    const since = this.cursor;
    let query = this.db.selectFrom('share_links').selectAll();
    // The first load takes the newest live links, as many as it may hold; later reads every change.
    query =
      since === null
        ? query
            .where('withdrawn_at', 'is', null)
            .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', new Date(this.now()))]))
            .orderBy('changed_at', 'desc')
            .limit(this.maxEntries)
        : query.where('changed_at', '>', new Date(since - OVERLAP_MS)).orderBy('changed_at');
    const rows = await query.execute();
    let newest = since ?? 0;
    // Oldest first, so the newest end up the most recently used.
    for (const row of since === null ? rows.reverse() : rows) {
      newest = Math.max(newest, row.changed_at.getTime());
      const link = row.withdrawn_at === null ? this.toLink(row) : null;
      if (link) this.put(link);
      else this.byDigest.delete(row.token_digest);
    }
    // The cursor is on the database's clock (changed_at), never this server's (a test's may be moved).
    this.cursor = newest;
  }
}
