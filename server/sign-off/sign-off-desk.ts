import type { PrintSettings } from '../../common/colour/print-settings';
import type { Design } from '../../common/design/design-schema';
import { contentHash } from '../../common/node/content-hash';
import type { FileStore } from '../../common/node/file-store';
import { diffDesigns, type DesignDiff } from '../../common/sign-off/design-diff';
import { SIGN_OFF_ACTOR, type SignOffStatus } from '../../common/sign-off/sign-off-workflow';
import type { Account } from '../accounts/account';
import type { DesignStore } from '../designs/design-store';
import type { PrintRunStore, StoredPrintRun } from '../print-runs/print-run-store';
import { combinedHashOf, runIsDone } from '../print-runs/print-run-view';
import { AppError } from '../http/app-error';
import type { PrintQueue } from '../print-jobs/print-queue';
import { submitPrintJob } from '../print-jobs/submit-print-job';
import type { SignOffNotices } from './sign-off-notices';
import { IllegalTransitionError, SignOffExistsError, type SignOffRecord, type SignOffStore, type SignOffTransition } from './sign-off-store';

/** The hash a design document is matched by: a print job of exactly this document is a print of this version. */
export const designHashOf = (design: Design): string => contentHash(design);

export interface SignOffDeskDeps {
  signOffs: SignOffStore;
  designs: DesignStore;
  queue: PrintQueue;
  store: FileStore;
  now: () => number;
  print?: PrintSettings;
  /** The emails of a request and its decisions; none are sent when absent. */
  notices?: SignOffNotices;
  /** Print runs, for a run's sign-off (the version with its variant table); runs cannot be sent when absent. */
  runs?: PrintRunStore;
}

/** The run a run's sign-off was sent from, as the agent sees it: its versions and the combined PDF to check. */
export interface SignOffRunCase {
  run: StoredPrintRun;
  /** The combined PDF's download path. */
  combinedUrl: string;
}

/** A request with what the agent needs to decide: the version's document, the last approved version and the difference. */
export interface SignOffCase {
  request: SignOffRecord;
  design: Design;
  approvedVersion: number | null;
  diff: DesignDiff | null;
  history: SignOffTransition[];
  /** A run's sign-off: the run sent as its proof; null for a version alone (or a run no longer found). */
  run: SignOffRunCase | null;
}

/** Words for a status, in refusals. */
const STATUS_WORDS: Record<SignOffStatus, string> = { pending: 'waiting for the agent', approved: 'approved', returned: 'returned', superseded: 'superseded by a newer version' };

/**
 * The sign-off workflow's rules about people, on top of the store's table of transitions: campaigners
 * send frozen versions (each with a proof queued for the agent), only an agent of the organisation
 * approves or returns, never their own request, and a return says why.
 */
export class SignOffDesk {
  constructor(private readonly deps: SignOffDeskDeps) {}

  /**
   * Sends a saved version for sign-off. A returned version sent again goes back to the agent; a newer
   * version supersedes the design's open request. The proof is queued first: a design that cannot print
   * (a sample imprint, text that does not fit) is refused here as it would be at print time.
   */
  async submit(actor: Account, input: { designId: string; version: number; note: string }): Promise<{ request: SignOffRecord; created: boolean }> {
    const saved = await this.deps.designs.getVersion(actor.orgId, input.designId, input.version);
    if (!saved) throw AppError.notFound('this version of the design');
    const proof = await submitPrintJob({ design: saved.design, proof: true, confirm: { lowResolutionImages: true, unchangedTemplateText: true } }, actor.orgId, this.deps, actor.id);
    try {
      const { request } = await this.deps.signOffs.create({ orgId: actor.orgId, designId: saved.id, version: saved.version, designHash: designHashOf(saved.design), accountId: actor.id, note: input.note });
      await this.deps.signOffs.setProofJob(request.id, proof.id);
      await this.deps.notices?.requested(request, saved.design.title, actor.id);
      return { request: { ...request, proofJobId: proof.id }, created: true };
    } catch (err) {
      if (!(err instanceof SignOffExistsError)) throw err;
      if (err.existing.status !== 'returned') throw new AppError(409, 'already_sent', `version ${input.version} of this design was sent for sign-off already and is ${STATUS_WORDS[err.existing.status]}; edit and save it to send a new version`);
      const request = await this.move(actor, err.existing.id, 'pending', input.note);
      await this.deps.notices?.requested(request, saved.design.title, actor.id);
      return { request, created: false };
    }
  }

  /**
   * Sends a done print run for sign-off: the agent approves its design version and its variant table
   * together (the version's content hash and the table's), the run's combined PDF being the proof. A
   * returned one sent again goes back to the agent; another run of the design (another version or table)
   * supersedes the design's open run request.
   */
  async submitRun(actor: Account, runId: string, note: string): Promise<{ request: SignOffRecord; created: boolean }> {
    const run = this.deps.runs ? await this.deps.runs.get(actor.orgId, runId) : null;
    if (!run) throw AppError.notFound('this print run');
    if (run.tableHash === null) throw new AppError(409, 'run_without_table_version', 'this run was made before Rosette kept which version of the table it printed: print every version again, then send the new run', [{ path: 'run', message: 'does not say which table it printed' }]);
    if (!(await runIsDone(run, this.deps.store))) throw new AppError(409, 'run_not_done', 'the agent checks the combined PDF: send the run for sign-off once every version has rendered', [{ path: 'run', message: 'is not done yet' }]);
    const saved = await this.deps.designs.getVersion(actor.orgId, run.designId, run.designVersion);
    if (!saved) throw AppError.notFound('this print run');
    const tables = { tableHash: run.tableHash, runId: run.id };
    try {
      const { request } = await this.deps.signOffs.create({ orgId: actor.orgId, designId: saved.id, version: saved.version, designHash: designHashOf(saved.design), run: tables, accountId: actor.id, note });
      await this.deps.notices?.requested(request, saved.design.title, actor.id);
      return { request, created: true };
    } catch (err) {
      if (!(err instanceof SignOffExistsError)) throw err;
      if (err.existing.status !== 'returned') throw new AppError(409, 'already_sent', `version ${run.designVersion} of this design with this variant table was sent for sign-off already and is ${STATUS_WORDS[err.existing.status]}`);
      const request = await this.move(actor, err.existing.id, 'pending', note);
      await this.deps.notices?.requested(request, saved.design.title, actor.id);
      return { request, created: false };
    }
  }

  /** The run's sign-off: the request for its design version with its table, or null when none was sent (or the run predates table versions). */
  async ofRun(run: StoredPrintRun): Promise<SignOffRecord | null> {
    if (run.tableHash === null) return null;
    return this.deps.signOffs.ofRun(run.orgId, run.designId, run.designVersion, run.tableHash);
  }

  /** An agent's decision: approve (a comment is optional) or return (a comment saying why is required). */
  async decide(actor: Account, id: string, to: 'approved' | 'returned', comment: string): Promise<SignOffRecord> {
    if (actor.role !== 'agent') throw new AppError(403, 'agent_only', "only your organisation's agent can approve or return a design");
    if (to === 'returned' && comment.trim() === '') throw AppError.validation([{ path: 'comment', message: 'say what needs to change before the design can be approved' }]);
    const decided = await this.move(actor, id, to, comment);
    await this.deps.notices?.decided(decided, await this.titleOf(decided), comment.trim());
    return decided;
  }

  /** Sends a returned version back to the agent as it is (with a note, such as why nothing needed changing). */
  async resubmit(actor: Account, id: string, note: string): Promise<SignOffRecord> {
    const request = await this.move(actor, id, 'pending', note);
    await this.deps.notices?.requested(request, await this.titleOf(request), actor.id);
    return request;
  }

  /** The title of the version a request is about (what its emails call it). */
  private async titleOf(request: SignOffRecord): Promise<string> {
    return (await this.deps.designs.getVersion(request.orgId, request.designId, request.version))?.design.title ?? 'your design';
  }

  /** The request with its document, the difference from the last approved version and its trail. */
  async open(actor: Account, id: string): Promise<SignOffCase> {
    const request = await this.deps.signOffs.find(actor.orgId, id);
    if (!request) throw notFound();
    const saved = await this.deps.designs.getVersion(actor.orgId, request.designId, request.version);
    if (!saved) throw notFound();
    const approvedVersion = await this.deps.signOffs.approvedBefore(actor.orgId, request.designId, request.version);
    const approved = approvedVersion === null ? null : await this.deps.designs.getVersion(actor.orgId, request.designId, approvedVersion);
    const run = request.run && this.deps.runs ? await this.deps.runs.get(actor.orgId, request.run.runId) : null;
    return {
      request,
      design: saved.design,
      approvedVersion: approved ? approvedVersion : null,
      diff: approved ? diffDesigns(approved.design, saved.design) : null,
      history: await this.deps.signOffs.history(request.id),
      run: run ? { run, combinedUrl: `/downloads/${combinedHashOf(run)}.pdf` } : null,
    };
  }

  private async move(actor: Account, id: string, to: SignOffStatus, comment: string): Promise<SignOffRecord> {
    try {
      const moved = await this.deps.signOffs.move(actor.orgId, id, to, actor.id, comment.trim(), (request) => {
        if (SIGN_OFF_ACTOR[to] === 'agent' && request.submittedBy === actor.id) throw new AppError(403, 'own_request', 'you sent this design for sign-off: another agent of your organisation must decide on it');
      });
      if (!moved) throw notFound();
      return moved;
    } catch (err) {
      if (err instanceof IllegalTransitionError) throw new AppError(409, 'illegal_transition', `this request is ${STATUS_WORDS[err.from]}: it cannot be ${to === 'pending' ? 'sent again' : to} now`);
      throw err;
    }
  }
}

const notFound = () => AppError.notFound('this sign-off request');
