import type { Kysely } from 'kysely';
import type { Database } from '../database/schema';
import { randomId } from '../secrets/random-token';
import type { Organisation } from './account';

const ID = /^[a-f0-9]{32}$/;

/** Organisations in PostgreSQL (table `organisations`), found by id or by name (case and spacing do not matter). */
export class OrganisationStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The organisation with this name, made if there is none yet (one statement on a unique key, so two requests make one). */
  async findOrCreate(name: string): Promise<Organisation> {
    const clean = name.trim().replace(/\s+/g, ' ');
    const row = await this.db
      .insertInto('organisations')
      .values({ id: randomId(), name: clean, name_key: clean.toLowerCase(), created_at: new Date(this.now()) })
      // A no-op update, so the existing row is answered too.
      .onConflict((oc) => oc.column('name_key').doUpdateSet((eb) => ({ name_key: eb.ref('excluded.name_key') })))
      .returning(['id', 'name'])
      .executeTakeFirstOrThrow();
    return { id: row.id, name: row.name };
  }

  async find(id: string): Promise<Organisation | null> {
    if (!ID.test(id)) return null;
    const row = await this.db.selectFrom('organisations').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
    return row ? { id: row.id, name: row.name } : null;
  }

  /** Names of several organisations at once, by id ('' for an unknown one). */
  async names(ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)].filter((id) => ID.test(id));
    const rows = unique.length === 0 ? [] : await this.db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', unique).execute();
    const found = new Map(rows.map((r) => [r.id, r.name]));
    return new Map([...new Set(ids)].map((id) => [id, found.get(id) ?? '']));
  }
}
