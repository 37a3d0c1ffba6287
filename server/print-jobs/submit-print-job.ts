import { z } from 'zod';
import { DEFAULT_PRINT_SETTINGS, type PrintSettings } from '../../common/colour/print-settings';
import { designSchema, type Design } from '../../common/design/design-schema';
import type { LayoutError } from '../../common/layout/draw-items';
import { layoutDesign, REFUSE_BELOW_DPI, type AssetInfo } from '../../common/layout/layout-design';
import { lowResolutionRefusals } from '../../common/layout/low-resolution-refusals';
import { contentHash } from '../../common/node/content-hash';
import { withTimeout } from '../../common/node/with-timeout';
import type { FileStore } from '../../common/node/file-store';
import { readAssetInfo } from '../../common/node/asset-info';
import { MAX_COPIES, PROOF_MARK, RENDERER_VERSION, type PrintJobData } from '../../common/queue/print-job';
import { sampleImprintProblems } from '../../common/templates/sample-imprint-problems';
import { unchangedTemplateText, unchangedTextSummaries } from '../../common/templates/unchanged-template-text';
import { AppError, formatPath } from '../http/app-error';
import { parseWith } from '../http/parse-with';
import type { DesignStore } from '../designs/design-store';
import type { TemplateLocksDesk } from '../published-templates/template-locks-desk';
import type { BrandRules } from '../brand-kits/brand-rules';
import type { PrintJobView, PrintQueue } from './print-queue';

/** Longest a submission waits for the print queue (Redis) before answering 503, milliseconds. */
export const PRODUCER_TIMEOUT_MS = 1000;

/** The body of POST /api/print-jobs. */
export const submitPrintJobSchema = z.object({
  design: designSchema,
  /**
   * Deprecated and ignored by the PDF: the quantity belongs to a print order, and the editor no longer
   * asks for it. Still accepted (and still part of the job id) so that scripts and drafts saved in
   * browsers before it went keep working; see docs/api.md.
   */
  /**
   * The organisation's saved design this was sent from (the editor's draft knows it). The job is
   * recorded against the version of that design whose document equals the printed one; when none does,
   * the printed document is saved as the design's new version first. An id of no design of the
   * organisation (deleted, another's) is not an error: the job prints, recorded without a design.
   */
  designId: z.string({ error: 'must be the id of a saved design' }).regex(/^[a-f0-9]{32}$/, 'must be the id of a saved design (32 hexadecimal characters)').optional(),
  copies: z.number({ error: 'must be a whole number of copies' }).int('must be a whole number').min(1, 'must be at least 1').max(MAX_COPIES, `must be at most ${MAX_COPIES}`).default(1),
  /**
   * What the campaigner has seen and wants printed all the same. lowResolutionImages: print images below
   * REFUSE_BELOW_DPI (otherwise refused with 422 image_resolution_too_low). unchangedTemplateText: print
   * headings and paragraphs still word for word as the template has them (otherwise refused with 422
   * template_text_unchanged). Not part of the job id: an unconfirmed request is refused before the queue
   * is asked, even when a confirmed job already exists.
   */
  /**
   * A proof (for the agent's sign-off, or to check before asking): marked "PROOF — NOT APPROVED" across
   * every page, with a PDF hash and job id of its own. Proofs can always be made; a proof cannot be shared.
   */
  proof: z.boolean({ error: 'must be true or false' }).default(false),
  confirm: z
    .strictObject(
      {
        lowResolutionImages: z.boolean({ error: 'must be true or false' }).optional(),
        unchangedTemplateText: z.boolean({ error: 'must be true or false' }).optional(),
      },
      {
        error: (issue) =>
          issue.code === 'unrecognized_keys' ? `only lowResolutionImages and unchangedTemplateText can be confirmed` : 'must be an object such as { "lowResolutionImages": true }',
      },
    )
    .optional(),
});

/** The API's error code for each kind of layout error (both answer 422). */
const LAYOUT_ERROR_CODES: Record<LayoutError['code'], string> = {
  'does-not-fit': 'design_does_not_fit',
  'unsupported-script': 'unsupported_script',
};

/** The hash a PDF is stored under: the design, how its colours become inks, and the renderer that draws it. */
export function pdfHashOf(design: Design, print: PrintSettings = DEFAULT_PRINT_SETTINGS, proof = false): string {
  // A final file's hash is as it always was; a proof's includes the mark, so the two never share a name.
  return contentHash(proof ? { design, print, renderer: RENDERER_VERSION, proof: PROOF_MARK } : { design, print, renderer: RENDERER_VERSION });
}

/**
 * The job id: the PDF, the number of copies and the organisation (the same leaflet ordered twice by one
 * organisation is one job; two organisations ordering the same leaflet have a job each, and neither
 * sees the other's, while the PDF is still rendered once).
 */
export function jobIdOf(design: Design, copies: number, orgId?: string, print: PrintSettings = DEFAULT_PRINT_SETTINGS, proof = false): string {
  const key = orgId === undefined ? { design, copies, print, renderer: RENDERER_VERSION } : { design, copies, print, renderer: RENDERER_VERSION, orgId };
  return contentHash(proof ? { ...key, proof: PROOF_MARK } : key).slice(0, 32);
}

/** Everything POST /api/print-jobs does before answering: validate, check assets and fit, enqueue for the organisation. */
export async function submitPrintJob(
  body: unknown,
  orgId: string,
  deps: { queue: PrintQueue; store: FileStore; now: () => number; print?: PrintSettings; designs?: DesignStore; locks?: TemplateLocksDesk; brandRules?: BrandRules },
  accountId?: string,
): Promise<PrintJobView> {
  const { design, copies, confirm, designId, proof } = parseWith(submitPrintJobSchema, body);
  // A design made from a published template keeps its locked elements (422 element_locked, before anything else is checked).
  const link = designId && deps.designs && deps.locks ? await deps.designs.templateOf(orgId, designId) : null;
  const locks = link ? await deps.locks!.locksOf(link) : null;
  if (locks) deps.locks!.refuseBrokenLocks(design, locks);
  await deps.brandRules?.refuseBrokenRules(orgId, design);
  refuseSampleImprint(design);
  const print = deps.print ?? DEFAULT_PRINT_SETTINGS;
  const assets = await loadAssetInfos(design, deps.store);
  const layout = layoutDesign(design, assets, { print });
  // Right-to-left text first: shortening it would not make it printable.
  for (const code of ['unsupported-script', 'does-not-fit'] as const) {
    const errors = layout.errors.filter((e) => e.code === code);
    if (errors.length === 0) continue;
    const fields = errors.map((e) => ({ path: formatPath(['design', ...e.path]), message: e.message }));
    throw new AppError(422, LAYOUT_ERROR_CODES[code], fields[0]!.message, fields);
  }
  const refusals = lowResolutionRefusals(design, layout.warnings);
  if (refusals.length > 0 && confirm?.lowResolutionImages !== true) {
    const fields = refusals.map((r) => ({ path: formatPath(['design', ...r.path]), message: r.message }));
    const [first] = refusals;
    const message =
      refusals.length === 1
        ? `image "${first!.elementId}" prints at ${first!.ppi} ppi, below the ${REFUSE_BELOW_DPI} ppi minimum; use a larger image, or send confirm.lowResolutionImages: true to print it anyway`
        : `${refusals.length} images print below the ${REFUSE_BELOW_DPI} ppi minimum; use larger images, or send confirm.lowResolutionImages: true to print them anyway`;
    throw new AppError(422, 'image_resolution_too_low', message, fields);
  }
  const unchanged = unchangedTemplateText(design);
  if (unchanged.length > 0 && confirm?.unchangedTemplateText !== true) {
    const summaries = unchangedTextSummaries(unchanged, design.pages.length);
    const fields = summaries.map((s) => ({ path: formatPath(['design', ...s.path]), message: s.message }));
    const message = `${summaries.map((s) => s.message).join('; ')}: replace the template's words, or send confirm.unchangedTemplateText: true to print them as they are`;
    throw new AppError(422, 'template_text_unchanged', message, fields);
  }
  // Only a design that passed every check is linked (and, when it differs, saved as a new version). A proof is not a print of the design: it is never linked.
  const savedDesign = designId && !proof && deps.designs && accountId ? await deps.designs.versionPrinted(orgId, designId, design, accountId) : null;
  const data: PrintJobData = { design, copies, print, pdfHash: pdfHashOf(design, print, proof), acceptedAt: deps.now(), orgId, ...(accountId !== undefined && { accountId }), ...(savedDesign && { savedDesign }), ...(proof && { proof }), ...(locks && { templateLocks: { templateId: locks.templateId, version: locks.version, organisationName: locks.organisationName, locked: locks.locked } }) };
  // A frozen Redis (SIGSTOP, a long fork) answers nothing: give up after PRODUCER_TIMEOUT_MS with 503
  // (error-middleware maps "Command timed out"). Should the add still land later, the same job id makes
  // the campaigner's retry find it rather than add a second one.
  return withTimeout(deps.queue.enqueue(jobIdOf(design, copies, orgId, print, proof), data), PRODUCER_TIMEOUT_MS, `Command timed out: the print queue did not answer within ${PRODUCER_TIMEOUT_MS} ms`);
}

/**
 * Refuses (422 sample_imprint, one field per detail, such as design.imprint.promoter.name) a design whose
 * legal imprint still carries a template's sample or a placeholder: printing a false imprint is an offence,
 * and no confirmation can make it right.
 */
export function refuseSampleImprint(design: Design): void {
  const problems = sampleImprintProblems(design.imprint);
  if (problems.length === 0) return;
  const fields = problems.map((p) => ({ path: formatPath(['design', ...p.path]), message: p.message }));
  const message = `the imprint still has sample details (${problems.map((p) => p.path.slice(1).join('.')).join(', ')}): fill in the real promoter and printer, with their addresses, before printing`;
  throw new AppError(422, 'sample_imprint', message, fields);
}

/** Pixel sizes of every image the design uses; an unknown asset id is the campaigner's error. */
export async function loadAssetInfos(design: Design, store: FileStore): Promise<Map<string, AssetInfo>> {
  const infos = new Map<string, AssetInfo>();
  const missing: Array<{ path: string; message: string }> = [];
  for (const [p, page] of design.pages.entries()) {
    for (const [e, el] of page.elements.entries()) {
      if (el.kind !== 'image' || infos.has(el.assetId)) continue;
      const info = await readAssetInfo(store, el.assetId);
      if (info) infos.set(el.assetId, { width: info.width, height: info.height });
      else missing.push({ path: formatPath(['design', 'pages', p, 'elements', e, 'assetId']), message: 'no uploaded image has this id; upload it with POST /api/assets first' });
    }
  }
  if (missing.length > 0) throw AppError.validation(missing);
  return infos;
}
