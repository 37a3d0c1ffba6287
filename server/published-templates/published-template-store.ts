import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { designSchema, type Design } from '../../common/design/design-schema';
import type { Database } from '../database/schema';
import { randomId } from '../secrets/random-token';

const ID = /^[a-f0-9]{32}$/;
const lockedIds = z.array(z.string());

/** One version of a published template, as stored. */
export interface PublishedTemplateVersion {
  id: string;
  /** The publishing organisation. */
  orgId: string;
  version: number;
  /** The newest version of this template (equal to `version` when this is the newest). */
  currentVersion: number;
  name: string;
  design: Design;
  /** Ids of the elements it locks. */
  locked: string[];
  sourceDesignId: string;
  sourceDesignVersion: number;
  /** Milliseconds since the epoch. */
  publishedAt: number;
}

/** One version of a template in its publisher's history: no document. */
export interface PublishedTemplateVersionEntry {
  version: number;
  name: string;
  /** Ids of the elements it locks. */
  locked: string[];
  /** The saved design's version it was published from. */
  sourceDesignVersion: number;
  /** Milliseconds since the epoch. */
  publishedAt: number;
}

/**
 * Published templates in PostgreSQL (`published_templates`, `published_template_versions`): publishing a
 * design adds a frozen version (the first makes the template); versions are never changed. Reads take
 * the organisations allowed to see them: a template of any other organisation is not found.
 */
export class PublishedTemplateStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number,
  ) {}

  /**
   * Publishes `design` (version `sourceVersion` of the organisation's saved design `sourceDesignId`) with
   * these locked element ids: a new template the first time, its next version after. One transaction,
   * the template's row locked, so two publishes at once get consecutive versions.
   */
  async publish(input: { orgId: string; accountId: string; sourceDesignId: string; sourceVersion: number; name: string; design: Design; locked: readonly string[] }): Promise<PublishedTemplateVersion> {
    const at = new Date(this.now());
    return this.db.transaction().execute(async (trx) => {
      // The first publish makes the template at version 1; a later one (the row exists) moves it on by one.
      const made = await trx
        .insertInto('published_templates')
        .values({ id: randomId(), org_id: input.orgId, source_design_id: input.sourceDesignId, current_version: 1, created_at: at })
        .onConflict((oc) => oc.column('source_design_id').doNothing())
        .returning(['id', 'current_version'])
        .executeTakeFirst();
      const row =
        made ??
        (await trx
          .updateTable('published_templates')
          .set((eb) => ({ current_version: eb('current_version', '+', 1) }))
          .where('source_design_id', '=', input.sourceDesignId)
          .where('org_id', '=', input.orgId)
          .returning(['id', 'current_version'])
          .executeTakeFirstOrThrow());
      await trx
        .insertInto('published_template_versions')
        .values({ template_id: row.id, version: row.current_version, name: input.name, design: JSON.stringify(input.design), locked: JSON.stringify(input.locked), source_design_version: input.sourceVersion, published_by: input.accountId, published_at: at })
        .execute();
      return { id: row.id, orgId: input.orgId, version: row.current_version, currentVersion: row.current_version, name: input.name, design: input.design, locked: [...input.locked], sourceDesignId: input.sourceDesignId, sourceDesignVersion: input.sourceVersion, publishedAt: at.getTime() };
    });
  }

  /** The newest version of every template published by one of `orgIds`, newest first. */
  async listCurrent(orgIds: readonly string[]): Promise<PublishedTemplateVersion[]> {
    const ids = orgIds.filter((id) => ID.test(id));
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('published_templates as t')
      .innerJoin('published_template_versions as v', (join) => join.onRef('v.template_id', '=', 't.id').onRef('v.version', '=', 't.current_version'))
      .select(['t.id', 't.org_id', 't.current_version', 't.source_design_id', 'v.version', 'v.name', 'v.design', 'v.locked', 'v.source_design_version', 'v.published_at'])
      .where('t.org_id', 'in', ids)
      .orderBy('v.published_at', 'desc')
      .orderBy('t.id')
      .limit(500)
      .execute();
    return rows.flatMap((r) => this.parse(r));
  }

  /**
   * One version (the newest when `version` is null) of a template published by one of `orgIds` (by
   * anyone when `orgIds` is null: the locks of a saved design); null otherwise.
   */
  async find(orgIds: readonly string[] | null, id: string, version: number | null): Promise<PublishedTemplateVersion | null> {
    const ids = orgIds?.filter((o) => ID.test(o)) ?? null;
    if (!ID.test(id) || ids?.length === 0) return null;
    const row = await this.db
      .selectFrom('published_templates as t')
      .innerJoin('published_template_versions as v', (join) => join.onRef('v.template_id', '=', 't.id').on('v.version', '=', version ?? sql<number>`t.current_version`))
      .select(['t.id', 't.org_id', 't.current_version', 't.source_design_id', 'v.version', 'v.name', 'v.design', 'v.locked', 'v.source_design_version', 'v.published_at'])
      .where('t.id', '=', id)
      .$if(ids !== null, (q) => q.where('t.org_id', 'in', ids!))
      .executeTakeFirst();
    return row ? (this.parse(row)[0] ?? null) : null;
  }

  /**
   * Every version of one template published by `orgId`, newest first, without their documents (the
   * publisher's history); null when that organisation published no template with this id.
   */
  async listVersions(orgId: string, id: string): Promise<PublishedTemplateVersionEntry[] | null> {
    if (!ID.test(id) || !ID.test(orgId)) return null;
    const rows = await this.db
      .selectFrom('published_templates as t')
      .innerJoin('published_template_versions as v', 'v.template_id', 't.id')
      .select(['v.version', 'v.name', 'v.locked', 'v.source_design_version', 'v.published_at'])
      .where('t.id', '=', id)
      .where('t.org_id', '=', orgId)
      .orderBy('v.version', 'desc')
      .execute();
    if (rows.length === 0) return null;
    return rows.map((r) => {
      const locked = lockedIds.safeParse(r.locked);
      return { version: r.version, name: r.name, locked: locked.success ? locked.data : [], sourceDesignVersion: r.source_design_version, publishedAt: r.published_at.getTime() };
    });
  }

  private parse(r: { id: string; org_id: string; current_version: number; source_design_id: string; version: number; name: string; design: unknown; locked: unknown; source_design_version: number; published_at: Date }): PublishedTemplateVersion[] {
    // Checked again on every read: a bad record is never trusted (and never offered).
    const design = designSchema.safeParse(r.design);
    const locked = lockedIds.safeParse(r.locked);
    if (!design.success || !locked.success) return [];
    return [{ id: r.id, orgId: r.org_id, version: r.version, currentVersion: r.current_version, name: r.name, design: design.data, locked: locked.data, sourceDesignId: r.source_design_id, sourceDesignVersion: r.source_design_version, publishedAt: r.published_at.getTime() }];
  }
}
