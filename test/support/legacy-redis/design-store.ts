import type { Redis } from 'ioredis';
import type { Design } from '../../../common/design/design-schema';
import { organisationDesignsKey, savedDesignKey } from '../../../common/queue/names';
import { randomId } from '../../../server/secrets/random-token';
import { z } from 'zod';
import { designSchema } from '../../../common/design/design-schema';

/** A saved design as main's code (before PostgreSQL) kept it. */
type SavedDesign = { id: string; orgId: string; createdBy: string; title: string; design: Design; createdAt: number; updatedAt: number };
const storedDesignSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  createdBy: z.string(),
  design: z.string().transform((t) => JSON.parse(t) as unknown).pipe(designSchema),
  createdAt: z.coerce.number().int(),
  updatedAt: z.coerce.number().int(),
});

/** Most designs one organisation may keep on the server. */
export const MAX_DESIGNS_PER_ORGANISATION = 500;

/** Thrown when an organisation already keeps MAX_DESIGNS_PER_ORGANISATION designs. */
export class TooManyDesignsError extends Error {}

/**
 * Saved designs in Redis: a hash per design and a sorted set per organisation. Every read takes the
 * organisation: a design of another organisation is simply not found.
 */
export class DesignStore {
  constructor(
    private readonly redis: Redis,
    private readonly now: () => number,
  ) {}

  /** The organisation's designs, most recently changed first. */
  async list(orgId: string): Promise<SavedDesign[]> {
    const ids = await this.redis.zrevrange(organisationDesignsKey(orgId), 0, MAX_DESIGNS_PER_ORGANISATION - 1);
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.hgetall(savedDesignKey(id));
    const results = (await pipeline.exec()) ?? [];
    return results.map(([err, hash]) => (err ? null : parse(hash as Record<string, string>, orgId))).filter((d): d is SavedDesign => d !== null);
  }

  async get(orgId: string, id: string): Promise<SavedDesign | null> {
    if (!/^[a-f0-9]{32}$/.test(id)) return null;
    return parse(await this.redis.hgetall(savedDesignKey(id)), orgId);
  }

  async create(orgId: string, accountId: string, design: Design): Promise<SavedDesign> {
    if ((await this.redis.zcard(organisationDesignsKey(orgId))) >= MAX_DESIGNS_PER_ORGANISATION) throw new TooManyDesignsError();
    const now = this.now();
    const saved: SavedDesign = { id: randomId(), orgId, createdBy: accountId, title: design.title, design, createdAt: now, updatedAt: now };
    await this.redis.multi().hset(savedDesignKey(saved.id), toHash(saved)).zadd(organisationDesignsKey(orgId), now, saved.id).exec();
    return saved;
  }

  /** Replaces the design; null when the organisation has no design with this id. */
  async update(orgId: string, id: string, design: Design): Promise<SavedDesign | null> {
    const existing = await this.get(orgId, id);
    if (!existing) return null;
    const saved: SavedDesign = { ...existing, title: design.title, design, updatedAt: this.now() };
    await this.redis.multi().hset(savedDesignKey(id), toHash(saved)).zadd(organisationDesignsKey(orgId), saved.updatedAt, id).exec();
    return saved;
  }

  /** Deletes the design; false when the organisation has no design with this id. */
  async delete(orgId: string, id: string): Promise<boolean> {
    if (!(await this.get(orgId, id))) return false;
    await this.redis.multi().del(savedDesignKey(id)).zrem(organisationDesignsKey(orgId), id).exec();
    return true;
  }
}

function toHash(d: SavedDesign): Record<string, string> {
  return { id: d.id, orgId: d.orgId, createdBy: d.createdBy, design: JSON.stringify(d.design), createdAt: String(d.createdAt), updatedAt: String(d.updatedAt) };
}

function parse(hash: Record<string, string>, orgId: string): SavedDesign | null {
  if (hash.orgId !== orgId) return null;
  const parsed = storedDesignSchema.safeParse(hash);
  if (!parsed.success) return null;
  return { ...parsed.data, title: parsed.data.design.title };
}
