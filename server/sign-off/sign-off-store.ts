import type { Kysely, Selectable, Transaction } from 'kysely';
import { canMove, SIGN_OFF_ACTIONS, SIGN_OFF_STATUSES, type SignOffStatus } from '../../common/sign-off/sign-off-workflow';
import { recordAudit } from '../audit/audit-log';
import type { Database, SignOffRequestsTable } from '../database/schema';
import { isUniqueViolation } from '../database/sql-errors';
import { randomId } from '../secrets/random-token';

/** A sign-off request as stored. */
export interface SignOffRecord {
  id: string;
  orgId: string;
  designId: string;
  version: number;
  /** contentHash of the version's design document. */
  designHash: string;
  /**
   * A print run's sign-off: the variant table approved with the version (variantTableHash) and the run
   * sent as its proof; null for a version on its own.
   */
  run: { tableHash: string; runId: string } | null;
  status: SignOffStatus;
  submittedBy: string;
  proofJobId: string | null;
  /** Milliseconds since the epoch. */
  createdAt: number;
  updatedAt: number;
}

/** One move in a request's trail, with the role its account has now. */
export interface SignOffTransition {
  from: SignOffStatus | null;
  to: SignOffStatus;
  actorId: string;
  actorRole: string;
  /** Milliseconds since the epoch. */
  at: number;
  comment: string;
}

/** Thrown when a version was already sent; carries the request that has it. */
export class SignOffExistsError extends Error {
  constructor(readonly existing: SignOffRecord) {
    super('this version was already sent for sign-off');
    this.name = 'SignOffExistsError';
  }
}

/** Thrown when a move is not in SIGN_OFF_TRANSITIONS (the row's status is read under a lock, so two agents cannot both decide). */
export class IllegalTransitionError extends Error {
  constructor(
    readonly from: SignOffStatus,
    readonly to: SignOffStatus,
  ) {
    super(`a ${from} request cannot become ${to}`);
    this.name = 'IllegalTransitionError';
  }
}

const ID = /^[a-f0-9]{32}$/;

/**
 * Sign-off requests and their transitions in PostgreSQL (tables `sign_off_requests` and
 * `sign_off_transitions`). Every status change and its transition row are written in one transaction,
 * under a lock on the request, with its audit log entry; every read takes the organisation, so another one's request is not found.
 */
export class SignOffStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number,
  ) {}

  /**
   * Records a frozen version as sent (pending), superseding the design's requests still pending or
   * returned; answers the new request and those it superseded.
   */
  async create(input: { orgId: string; designId: string; version: number; designHash: string; run?: { tableHash: string; runId: string }; accountId: string; note: string }): Promise<{ request: SignOffRecord; superseded: SignOffRecord[] }> {
    const at = new Date(this.now());
    const run = input.run ?? null;
    try {
      return await this.db.transaction().execute(async (trx) => {
        // A version alone supersedes the design's other versions sent alone; a run's sign-off, the design's
        // other runs' (another version or another table): the two kinds are decided independently.
        let opened = trx.selectFrom('sign_off_requests').selectAll().where('design_id', '=', input.designId).where('org_id', '=', input.orgId).where('status', 'in', ['pending', 'returned']);
        opened = run
          ? opened.where('table_hash', 'is not', null).where((eb) => eb.or([eb('design_version', '<>', input.version), eb('table_hash', '<>', run.tableHash)]))
          : opened.where('table_hash', 'is', null).where('design_version', '<>', input.version);
        const open = await opened.forUpdate().execute();
        const superseded: SignOffRecord[] = [];
        for (const row of open) superseded.push(await this.write(trx, toRecord(row), 'superseded', input.accountId, '', at));
        const request: SignOffRecord = { id: randomId(), orgId: input.orgId, designId: input.designId, version: input.version, designHash: input.designHash, run, status: 'pending', submittedBy: input.accountId, proofJobId: null, createdAt: at.getTime(), updatedAt: at.getTime() };
        await trx
          .insertInto('sign_off_requests')
          .values({ id: request.id, org_id: request.orgId, design_id: request.designId, design_version: request.version, design_hash: request.designHash, table_hash: run?.tableHash ?? null, run_id: run?.runId ?? null, status: 'pending', submitted_by: request.submittedBy, proof_job_id: null, created_at: at, updated_at: at })
          .execute();
        await trx.insertInto('sign_off_transitions').values({ request_id: request.id, from_status: null, to_status: 'pending', actor_id: input.accountId, at, comment: input.note }).execute();
        await recordAudit(trx, at, 'sign-off.submitted', input.accountId, request.id, { from: null, to: 'pending' });
        return { request, superseded };
      });
    } catch (err) {
      if (isUniqueViolation(err, run ? 'sign_off_requests_run_key' : 'sign_off_requests_version_key')) {
        const same = this.db.selectFrom('sign_off_requests').selectAll().where('design_id', '=', input.designId).where('design_version', '=', input.version);
        const existing = await (run ? same.where('table_hash', '=', run.tableHash).where('status', '<>', 'superseded') : same.where('table_hash', 'is', null)).executeTakeFirst();
        if (existing) throw new SignOffExistsError(toRecord(existing));
      }
      throw err;
    }
  }

  /** Notes the proof print job queued for the request. */
  async setProofJob(id: string, jobId: string): Promise<void> {
    await this.db.updateTable('sign_off_requests').set({ proof_job_id: jobId }).where('id', '=', id).execute();
  }

  async find(orgId: string, id: string): Promise<SignOffRecord | null> {
    if (!ID.test(id) || !ID.test(orgId)) return null;
    const row = await this.db.selectFrom('sign_off_requests').selectAll().where('id', '=', id).where('org_id', '=', orgId).executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  /** The organisation's requests, newest move first, optionally of one status or one design. */
  async list(orgId: string, filter: { status?: SignOffStatus; designId?: string } = {}, limit = 500): Promise<SignOffRecord[]> {
    if (!ID.test(orgId)) return [];
    let query = this.db.selectFrom('sign_off_requests').selectAll().where('org_id', '=', orgId);
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.designId) query = query.where('design_id', '=', filter.designId);
    // A new version and the request it supersedes move at the same moment: the newer version comes first.
    const rows = await query.orderBy('updated_at', 'desc').orderBy('design_version', 'desc').orderBy('id').limit(limit).execute();
    return rows.map(toRecord);
  }

  /**
   * Moves a request to another status, if SIGN_OFF_TRANSITIONS allows it and `check` (who may) passes
   * on the request as locked; answers it as it now is, or null when the organisation has no such request.
   */
  async move(orgId: string, id: string, to: SignOffStatus, actorId: string, comment: string, check: (request: SignOffRecord) => void = () => undefined): Promise<SignOffRecord | null> {
    if (!ID.test(id) || !ID.test(orgId)) return null;
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('sign_off_requests').selectAll().where('id', '=', id).where('org_id', '=', orgId).forUpdate().executeTakeFirst();
      if (!row) return null;
      const request = toRecord(row);
      check(request);
      return this.write(trx, request, to, actorId, comment, new Date(this.now()));
    });
  }

  /** The request's transitions, oldest first. */
  async history(id: string): Promise<SignOffTransition[]> {
    if (!ID.test(id)) return [];
    const rows = await this.db
      .selectFrom('sign_off_transitions as t')
      .innerJoin('accounts as a', 'a.id', 't.actor_id')
      .select(['t.from_status', 't.to_status', 't.actor_id', 'a.role', 't.at', 't.comment'])
      .where('t.request_id', '=', id)
      .orderBy('t.id')
      .execute();
    return rows.map((r) => ({ from: r.from_status === null ? null : status(r.from_status), to: status(r.to_status), actorId: r.actor_id, actorRole: r.role, at: r.at.getTime(), comment: r.comment }));
  }

  /** The newest approved version of the design older than `version`, or null. */
  async approvedBefore(orgId: string, designId: string, version: number): Promise<number | null> {
    const row = await this.db
      .selectFrom('sign_off_requests')
      .select('design_version')
      .where('org_id', '=', orgId)
      .where('design_id', '=', designId)
      .where('status', '=', 'approved')
      .where('design_version', '<', version)
      .orderBy('design_version', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.design_version ?? null;
  }

  /**
   * Whether an agent of the organisation approved, on its own, a version whose design document has this
   * hash (a run's sign-off approves the version with its table, not the master printed alone).
   */
  async isApproved(orgId: string, designHash: string): Promise<boolean> {
    const row = await this.db.selectFrom('sign_off_requests').select('id').where('org_id', '=', orgId).where('design_hash', '=', designHash).where('table_hash', 'is', null).where('status', '=', 'approved').limit(1).executeTakeFirst();
    return row !== undefined;
  }

  /** Whether an agent of the organisation approved a version with this design hash together with the variant table of this hash. */
  async isRunApproved(orgId: string, designHash: string, tableHash: string): Promise<boolean> {
    const row = await this.db.selectFrom('sign_off_requests').select('id').where('org_id', '=', orgId).where('design_hash', '=', designHash).where('table_hash', '=', tableHash).where('status', '=', 'approved').limit(1).executeTakeFirst();
    return row !== undefined;
  }

  /**
   * The sign-off of a design version with a variant table: the request still deciding it or that decided
   * it (pending, approved or returned; not one superseded), or null when none was sent.
   */
  async ofRun(orgId: string, designId: string, version: number, tableHash: string): Promise<SignOffRecord | null> {
    if (!ID.test(orgId) || !ID.test(designId)) return null;
    const row = await this.db
      .selectFrom('sign_off_requests')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('design_id', '=', designId)
      .where('design_version', '=', version)
      .where('table_hash', '=', tableHash)
      .where('status', '<>', 'superseded')
      .executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  private async write(trx: Transaction<Database>, request: SignOffRecord, to: SignOffStatus, actorId: string, comment: string, at: Date): Promise<SignOffRecord> {
    if (!canMove(request.status, to)) throw new IllegalTransitionError(request.status, to);
    await trx.updateTable('sign_off_requests').set({ status: to, updated_at: at }).where('id', '=', request.id).execute();
    await trx.insertInto('sign_off_transitions').values({ request_id: request.id, from_status: request.status, to_status: to, actor_id: actorId, at, comment }).execute();
    await recordAudit(trx, at, `sign-off.${SIGN_OFF_ACTIONS[to]}`, actorId, request.id, { from: request.status, to });
    return { ...request, status: to, updatedAt: at.getTime() };
  }
}

function status(value: string): SignOffStatus {
  if (!(SIGN_OFF_STATUSES as readonly string[]).includes(value)) throw new Error('a sign-off record has an unknown status');
  return value as SignOffStatus;
}

function toRecord(row: Selectable<SignOffRequestsTable>): SignOffRecord {
  return {
    id: row.id,
    orgId: row.org_id,
    designId: row.design_id,
    version: row.design_version,
    designHash: row.design_hash,
    run: row.table_hash !== null && row.run_id !== null ? { tableHash: row.table_hash, runId: row.run_id } : null,
    status: status(row.status),
    submittedBy: row.submitted_by,
    proofJobId: row.proof_job_id,
    createdAt: row.created_at.getTime(),
    updatedAt: row.updated_at.getTime(),
  };
}
