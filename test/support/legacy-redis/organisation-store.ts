import type { Redis } from 'ioredis';
import { organisationByNameKey, organisationKey } from '../../../common/queue/names';
import { randomId } from '../../../server/secrets/random-token';
import { indexDigest } from '../../../server/secrets/token-digester';
import type { Organisation } from '../../../server/accounts/account';

/** Organisations in Redis, found by id or by name (case and spacing do not matter). */
export class OrganisationStore {
  constructor(private readonly redis: Redis) {}

  /** The organisation with this name, made if there is none yet (SET NX, so two requests make one). */
  async findOrCreate(name: string): Promise<Organisation> {
    const clean = name.trim().replace(/\s+/g, ' ');
    const indexKey = organisationByNameKey(indexDigest(clean.toLowerCase()));
    const id = randomId();
    if ((await this.redis.set(indexKey, id, 'NX')) === 'OK') {
      await this.redis.hset(organisationKey(id), { id, name: clean });
      return { id, name: clean };
    }
    const existing = await this.redis.get(indexKey);
    const org = existing ? await this.find(existing) : null;
    if (org) return org;
    // The index was claimed a moment ago and the hash is not written yet: it holds the name we want.
    return { id: existing!, name: clean };
  }

  async find(id: string): Promise<Organisation | null> {
    const hash = await this.redis.hgetall(organisationKey(id));
    return hash.id && hash.name ? { id: hash.id, name: hash.name } : null;
  }

  /** Names of several organisations at once, by id. */
  async names(ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const pipeline = this.redis.pipeline();
    for (const id of unique) pipeline.hget(organisationKey(id), 'name');
    const results = (await pipeline.exec()) ?? [];
    return new Map(unique.map((id, i) => [id, (results[i]?.[1] as string | null) ?? '']));
  }
}
