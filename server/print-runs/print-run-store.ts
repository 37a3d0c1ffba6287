import { sql, type Kysely } from 'kysely';
import type { Database } from '../database/schema';

/** One variant of a run as stored: its row, its name, and the print job that renders it. */
export interface StoredRunVariant {
  /** The row's place in the variant table, 0 = the first. */
  position: number;
  /** What the campaigner calls the variant: the row's first value (a ward, a candidate), at most 120 characters. */
  label: string;
  /** The print job rendering it (one per distinct PDF in the run). */
  jobId: string;
  pdfHash: string;
}

/** A print run as stored. */
export interface StoredPrintRun {
  id: string;
  orgId: string;
  designId: string;
  designVersion: number;
  /** The variant table it printed (variantTableHash); null for runs made before tables were hashed. */
  tableHash: string | null;
  createdBy: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** In row order. */
  variants: StoredRunVariant[];
}

/** A run as the print history lists it: no labels (a row's names stay on the Versions screen). */
export interface RunHistoryRow {
  id: string;
  designId: string;
  designVersion: number;
  /** The design's title as the run printed it. */
  title: string;
  createdBy: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** The design was deleted since: its Versions screen cannot be opened. */
  designDeleted: boolean;
  /** Each version's PDF, in row order: the combined PDF's name is derived from them. */
  pdfHashes: string[];
  /** The run's distinct print jobs (identical versions share one). */
  renders: number;
  /** Of them, those whose print record says done. */
  rendered: number;
  /** Of them, those whose print record says failed. */
  failed: number;
}

/** Most runs one history page shows. */
export const RUN_HISTORY_LIMIT = 50;

const ID = /^[a-f0-9]{32}$/;
/** Rows written per INSERT: 500 variants are 2,500 parameters, well under PostgreSQL's 65,535. */
const INSERT_CHUNK = 500;

/**
 * Print runs in PostgreSQL (tables `print_runs`, `print_run_variants`): written once, with their
 * variants, in one transaction; read only by the organisation that made them.
 */
export class PrintRunStore {
  constructor(private readonly db: Kysely<Database>) {}

  async create(run: StoredPrintRun): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('print_runs')
        .values({ id: run.id, org_id: run.orgId, design_id: run.designId, design_version: run.designVersion, table_hash: run.tableHash, variant_count: run.variants.length, created_by: run.createdBy, created_at: new Date(run.createdAt) })
        .execute();
      for (let i = 0; i < run.variants.length; i += INSERT_CHUNK) {
        const chunk = run.variants.slice(i, i + INSERT_CHUNK);
        await tx
          .insertInto('print_run_variants')
          .values(chunk.map((v) => ({ run_id: run.id, position: v.position, label: v.label, job_id: v.jobId, pdf_hash: v.pdfHash })))
          .execute();
      }
    });
  }

  /** The organisation's run; null when there is none of that id (or it is another organisation's). */
  async get(orgId: string, runId: string): Promise<StoredPrintRun | null> {
    if (!ID.test(orgId) || !ID.test(runId)) return null;
    const run = await this.db.selectFrom('print_runs').selectAll().where('id', '=', runId).where('org_id', '=', orgId).executeTakeFirst();
    if (!run) return null;
    const variants = await this.db.selectFrom('print_run_variants').select(['position', 'label', 'job_id', 'pdf_hash']).where('run_id', '=', runId).orderBy('position').execute();
    return {
      id: run.id,
      orgId: run.org_id,
      designId: run.design_id,
      designVersion: run.design_version,
      tableHash: run.table_hash,
      createdBy: run.created_by,
      createdAt: run.created_at.getTime(),
      variants: variants.map((v) => ({ position: v.position, label: v.label, jobId: v.job_id, pdfHash: v.pdf_hash })),
    };
  }

  /** The organisation's runs, newest first, as the print history lists them. */
  async listForOrganisation(orgId: string, limit = RUN_HISTORY_LIMIT): Promise<RunHistoryRow[]> {
    if (!ID.test(orgId)) return [];
    const rows = await this.db
      .selectFrom('print_runs as r')
      .innerJoin('designs as d', 'd.id', 'r.design_id')
      .leftJoin('design_versions as dv', (join) => join.onRef('dv.design_id', '=', 'r.design_id').onRef('dv.version', '=', 'r.design_version'))
      .select(['r.id', 'r.design_id', 'r.design_version', 'r.created_by', 'r.created_at'])
      .select(sql<string>`coalesce(dv.design->>'title', d.title)`.as('title'))
      .select(sql<boolean>`d.deleted_at is not null`.as('design_deleted'))
      .select(sql<string[]>`(select array_agg(v.pdf_hash::text order by v.position) from print_run_variants v where v.run_id = r.id)`.as('pdf_hashes'))
      .select(sql<number>`(select count(distinct v.job_id)::int from print_run_variants v where v.run_id = r.id)`.as('renders'))
      .select(sql<number>`(select count(distinct p.id)::int from print_run_variants v join print_jobs p on p.id = v.job_id where v.run_id = r.id and p.status = 'done')`.as('rendered'))
      .select(sql<number>`(select count(distinct p.id)::int from print_run_variants v join print_jobs p on p.id = v.job_id where v.run_id = r.id and p.status = 'failed')`.as('failed'))
      .where('r.org_id', '=', orgId)
      .orderBy('r.created_at', 'desc')
      .orderBy('r.id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      designId: r.design_id,
      designVersion: r.design_version,
      title: r.title,
      createdBy: r.created_by,
      createdAt: r.created_at.getTime(),
      designDeleted: r.design_deleted,
      pdfHashes: r.pdf_hashes ?? [],
      renders: r.renders,
      rendered: r.rendered,
      failed: r.failed,
    }));
  }
}
