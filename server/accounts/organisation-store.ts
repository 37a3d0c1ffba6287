import type { Kysely } from 'kysely';
import type { Database } from '../database/schema';
import { randomId } from '../secrets/random-token';
import { imprintSchema, type Imprint } from '../../common/design/design-schema';
import type { Organisation } from './account';
import { sql } from 'kysely';

/** Why the tree refused a new parent (migration 0050's trigger). */
export class OrganisationTreeError extends Error {
  constructor(readonly reason: 'cycle' | 'depth') {
    super(reason === 'cycle' ? 'the organisation would be its own ancestor' : 'the organisation tree would be too deep');
  }
}

/** An organisation with its place in the tree. */
export interface OrganisationNode extends Organisation {
  /** The organisation above it; null at the top. */
  parentId: string | null;
}

/** An organisation's own legal imprint, as stored. */
export interface OrganisationImprint {
  imprint: Imprint;
  /** The account that set it last. */
  updatedBy: string;
  /** Milliseconds since the epoch. */
  updatedAt: number;
}

const ID = /^[a-f0-9]{32}$/;

/**
 * Organisations in PostgreSQL (tables `organisations` and `organisation_imprints`), found by id or by
 * name (case and spacing do not matter), each with its own legal imprint once one is set.
 */
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

  /**
   * The organisation's own imprint, or null when none is set (or the stored one no longer passes the
   * design schema: it is then as good as unset, and the organisation is asked for it again).
   */
  async imprint(orgId: string): Promise<OrganisationImprint | null> {
    if (!ID.test(orgId)) return null;
    const row = await this.db.selectFrom('organisation_imprints').select(['imprint', 'updated_by', 'updated_at']).where('org_id', '=', orgId).executeTakeFirst();
    if (!row) return null;
    const parsed = imprintSchema.safeParse(row.imprint);
    return parsed.success ? { imprint: parsed.data, updatedBy: row.updated_by, updatedAt: row.updated_at.getTime() } : null;
  }

  /** Sets (or replaces) the organisation's imprint, already checked by the caller; null when there is no such organisation. */
  async setImprint(orgId: string, imprint: Imprint, accountId: string): Promise<OrganisationImprint | null> {
    if (!ID.test(orgId) || !(await this.find(orgId))) return null;
    const at = new Date(this.now());
    const json = JSON.stringify(imprint);
    await this.db
      .insertInto('organisation_imprints')
      .values({ org_id: orgId, imprint: json, updated_by: accountId, updated_at: at })
      .onConflict((oc) => oc.column('org_id').doUpdateSet({ imprint: json, updated_by: accountId, updated_at: at }))
      .execute();
    return { imprint, updatedBy: accountId, updatedAt: at.getTime() };
  }

  /** Every organisation with its parent, by name (the admin's list; a few hundred at most). */
  async listTree(): Promise<OrganisationNode[]> {
    const rows = await this.db.selectFrom('organisations').select(['id', 'name', 'parent_id']).orderBy('name').execute();
    return rows.map((r) => ({ id: r.id, name: r.name, parentId: r.parent_id }));
  }

  /** The organisation and its parent; null when there is no such organisation. */
  async node(id: string): Promise<OrganisationNode | null> {
    if (!ID.test(id)) return null;
    const row = await this.db.selectFrom('organisations').select(['id', 'name', 'parent_id']).where('id', '=', id).executeTakeFirst();
    return row ? { id: row.id, name: row.name, parentId: row.parent_id } : null;
  }

  /**
   * Sets (or with null, clears) the organisation's parent. Throws OrganisationTreeError when the tree
   * would get a cycle or grow deeper than ORGANISATION_TREE_MAX_DEPTH (the database's trigger decides, so
   * no writer can get round it); false when there is no such organisation.
   */
  async setParent(id: string, parentId: string | null): Promise<boolean> {
    if (!ID.test(id)) return false;
    try {
      const result = await this.db.updateTable('organisations').set({ parent_id: parentId }).where('id', '=', id).executeTakeFirst();
      return result.numUpdatedRows > 0n;
    } catch (err) {
      const constraint = (err as { constraint?: unknown }).constraint;
      if (constraint === 'organisation_tree_cycle' || constraint === 'organisation_not_own_parent') throw new OrganisationTreeError('cycle');
      if (constraint === 'organisation_tree_depth') throw new OrganisationTreeError('depth');
      throw err;
    }
  }

  /** The organisation's ancestors, nearest first (its parent, the parent's parent ...); empty at the top or for an unknown id. */
  async ancestors(id: string): Promise<Organisation[]> {
    if (!ID.test(id)) return [];
    const result = await sql<{ id: string; name: string; n: number }>`
      with recursive up(id, name, parent_id, n) as (
        select p.id, p.name, p.parent_id, 1 from organisations o join organisations p on p.id = o.parent_id where o.id = ${id}
        union all
        select p.id, p.name, p.parent_id, up.n + 1 from organisations p join up on p.id = up.parent_id where up.n < 10
      ) select id, name, n from up order by n`.execute(this.db);
    return result.rows.map((r) => ({ id: r.id, name: r.name }));
  }

  /** Whether the organisation requires its agent's sign-off before a print is shared; null when there is no such organisation. */
  async signOffRequired(orgId: string): Promise<boolean | null> {
    if (!ID.test(orgId)) return null;
    const row = await this.db.selectFrom('organisations').select('sign_off_required').where('id', '=', orgId).executeTakeFirst();
    return row ? row.sign_off_required : null;
  }

  /** Sets whether sign-off is required; false when there is no such organisation. */
  async setSignOffRequired(orgId: string, required: boolean): Promise<boolean> {
    if (!ID.test(orgId)) return false;
    const result = await this.db.updateTable('organisations').set({ sign_off_required: required }).where('id', '=', orgId).executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}
