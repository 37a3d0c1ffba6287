import { sql, type Kysely } from 'kysely';
import type { Database } from '../database/schema';

/**
 * A print record's states: the queue's, as the organisation's history keeps them, and `unknown`: the
 * queue no longer holds the job and no event said how it ended (print-record-catch-up.ts).
 */
export const PRINT_RECORD_STATUSES = ['waiting', 'active', 'done', 'failed', 'unknown'] as const;
export type PrintRecordStatus = (typeof PRINT_RECORD_STATUSES)[number];

/** What the organisation's print history keeps of one print job. */
export interface PrintRecord {
  /** The print job's id (the queue's). */
  id: string;
  orgId: string;
  /** The account that sent it; null when not recorded (never shown to other accounts). */
  accountId: string | null;
  title: string;
  /** The organisation's saved design and the version of it printed; null when it was not sent from one. */
  design: { id: string; version: number } | null;
  status: PrintRecordStatus;
  pages: number | null;
  /** Size of the PDF, bytes; null until done (and for records kept before sizes were). */
  bytes: number | null;
  /** sha256 of the PDF (its file store name): the one it makes, known when it is queued; the file exists once done. */
  pdfHash: string | null;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** Milliseconds since the epoch; null until done or failed. */
  finishedAt: number | null;
}

const ID = /^[a-f0-9]{32}$/;
/** Most records one history page shows. */
export const PRINT_HISTORY_LIMIT = 500;

/**
 * Print records in PostgreSQL (table `print_jobs`): who sent which job, when, and how it ended,
 * written from the queue's events (print-record-mirror.ts) so the history outlives the queue's clean-up.
 */
export class PrintRecordStore {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Writes what the queue says of a job. Idempotent, and a done record never changes again (events
   * of several servers arrive in any order); a failed job an admin retries goes back to waiting.
   */
  async save(record: PrintRecord): Promise<void> {
    await this.db
      .insertInto('print_jobs')
      .values({
        id: record.id,
        org_id: record.orgId,
        account_id: record.accountId,
        design_id: record.design?.id ?? null,
        design_version: record.design?.version ?? null,
        title: record.title,
        status: record.status,
        pages: record.pages,
        bytes: record.bytes,
        pdf_hash: record.pdfHash,
        created_at: new Date(record.createdAt),
        finished_at: record.finishedAt === null ? null : new Date(record.finishedAt),
      })
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet({
            status: sql`excluded.status`,
            pages: sql`coalesce(excluded.pages, print_jobs.pages)`,
            bytes: sql`coalesce(excluded.bytes, print_jobs.bytes)`,
            pdf_hash: sql`coalesce(excluded.pdf_hash, print_jobs.pdf_hash)`,
            finished_at: sql`excluded.finished_at`,
            account_id: sql`coalesce(print_jobs.account_id, excluded.account_id)`,
            // The link, once made, stays (the two columns together: they name one version).
            design_id: sql`coalesce(print_jobs.design_id, excluded.design_id)`,
            design_version: sql`case when print_jobs.design_id is null then excluded.design_version else print_jobs.design_version end`,
          })
          .where(sql<boolean>`print_jobs.status <> 'done'`),
      )
      .execute();
  }

  /**
   * Records not yet finished (waiting or active), oldest first, after `after` (keyset paging): what the
   * catch-up checks against the queue.
   */
  async unfinished(limit: number, after?: { createdAt: number; id: string }): Promise<Array<{ id: string; status: PrintRecordStatus; createdAt: number }>> {
    let query = this.db
      .selectFrom('print_jobs')
      .select(['id', 'status', 'created_at'])
      .where('status', 'in', ['waiting', 'active'])
      .orderBy('created_at')
      .orderBy('id')
      .limit(limit);
    if (after) query = query.where((eb) => eb.or([eb('created_at', '>', new Date(after.createdAt)), eb.and([eb('created_at', '=', new Date(after.createdAt)), eb('id', '>', after.id)])]));
    const rows = await query.execute();
    return rows.map((r) => ({ id: r.id, status: r.status as PrintRecordStatus, createdAt: r.created_at.getTime() }));
  }

  /** Which of these job ids have no print record (ids that are not job ids are left out). */
  async withoutRecord(ids: readonly string[]): Promise<string[]> {
    const wanted = [...new Set(ids)].filter((id) => ID.test(id));
    if (wanted.length === 0) return [];
    const found = new Set((await this.db.selectFrom('print_jobs').select('id').where('id', 'in', wanted).execute()).map((r) => r.id));
    return wanted.filter((id) => !found.has(id));
  }

  /** Says a record's job is no longer in the queue, unless an event finished the record meanwhile. @returns whether it changed. */
  async markUnknown(id: string): Promise<boolean> {
    const result = await this.db.updateTable('print_jobs').set({ status: 'unknown' }).where('id', '=', id).where('status', 'in', ['waiting', 'active']).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /**
   * The organisation's print records, newest first, each saying whether its saved design is still in
   * the organisation's list (a deleted design keeps its versions, but cannot be opened again). The
   * versions of a print run are left out: the history lists the run (PrintRunStore.listForOrganisation).
   */
  async listForOrganisation(orgId: string, limit = PRINT_HISTORY_LIMIT): Promise<Array<PrintRecord & { designDeleted: boolean }>> {
    if (!ID.test(orgId)) return [];
    const rows = await this.db
      .selectFrom('print_jobs as p')
      .leftJoin('designs as d', 'd.id', 'p.design_id')
      .selectAll('p')
      .select(sql<boolean>`d.deleted_at is not null`.as('design_deleted'))
      .where('p.org_id', '=', orgId)
      // A print run's versions are listed once, as the run (print-run-history.ts).
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('print_run_variants as v').select('v.job_id').whereRef('v.job_id', '=', 'p.id'))))
      .orderBy('p.created_at', 'desc')
      .orderBy('p.id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      orgId: r.org_id,
      accountId: r.account_id,
      title: r.title,
      design: r.design_id !== null && r.design_version !== null ? { id: r.design_id, version: r.design_version } : null,
      designDeleted: r.design_id !== null && r.design_deleted,
      status: r.status as PrintRecordStatus,
      pages: r.pages,
      bytes: r.bytes,
      pdfHash: r.pdf_hash,
      createdAt: r.created_at.getTime(),
      finishedAt: r.finished_at?.getTime() ?? null,
    }));
  }

  /**
   * The title of the design a PDF was drawn from, for its file name; null when no record has it. The
   * PDF's hash covers the whole design, title included, so every record with this hash has the same
   * title, whichever organisation sent it: the answer tells nobody anything the PDF does not.
   */
  async titleOfPdf(pdfHash: string): Promise<string | null> {
    if (!/^[a-f0-9]{64}$/.test(pdfHash)) return null;
    const row = await this.db.selectFrom('print_jobs').select('title').where('pdf_hash', '=', pdfHash).limit(1).executeTakeFirst();
    return row?.title ?? null;
  }
}
