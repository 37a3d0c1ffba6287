import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { DEFAULT_PRINT_SETTINGS, type PrintSettings } from '../../common/colour/print-settings';
import { designSchema, type Design } from '../../common/design/design-schema';
import type { AssetInfo } from '../../common/layout/layout-design';
import { contentHash } from '../../common/node/content-hash';
import { readAssetInfo } from '../../common/node/asset-info';
import type { FileStore } from '../../common/node/file-store';
import { withTimeout } from '../../common/node/with-timeout';
import type { PrintJobData } from '../../common/queue/print-job';
import { unchangedTemplateText, unchangedTextSummaries } from '../../common/templates/unchanged-template-text';
import { applyVariant, bilingualFieldProblems, fieldProblems } from '../../common/variants/apply-variant';
import { checkVariants } from '../../common/variants/check-variants';
import { VARIANT_LANGUAGE_NAMES, type VariantField, type VariantLanguage, type VariantRow } from '../../common/variants/variant-table';
import { plainFields, variantVersions, type VariantVersion } from '../../common/variants/variant-versions';
import type { AuditLog } from '../audit/audit-log';
import type { DesignStore } from '../designs/design-store';
import { AppError, formatPath } from '../http/app-error';
import { parseWith } from '../http/parse-with';
import { PRODUCER_TIMEOUT_MS, pdfHashOf, refuseSampleImprint } from '../print-jobs/submit-print-job';
import { randomId } from '../secrets/random-token';
import type { TemplateLocksDesk } from '../published-templates/template-locks-desk';
import type { VariantTableStore } from '../variants/variant-table-store';
import type { PrintRunFlow, RunChild } from './print-run-flow';
import type { PrintRunStore, StoredPrintRun, StoredRunVariant } from './print-run-store';
import type { RunAdmission } from './run-admission';

/** Longest label kept for a version, characters. */
const LABEL_MAX = 120;
/** Longest a run waits for the print queue (Redis) to take its flow, milliseconds: a run is one write, but a big one. */
const RUN_PRODUCER_TIMEOUT_MS = 5 * PRODUCER_TIMEOUT_MS;

/** The body of POST /api/designs/:id/runs (optional): what the campaigner has seen and wants printed all the same. */
export const startPrintRunSchema = z
  .strictObject({
    confirm: z
      .strictObject({
        lowResolutionImages: z.boolean({ error: 'must be true or false' }).optional(),
        unchangedTemplateText: z.boolean({ error: 'must be true or false' }).optional(),
      })
      .optional(),
  })
  .default({});

export interface StartPrintRunDeps {
  designs: DesignStore;
  tables: VariantTableStore;
  runs: PrintRunStore;
  flow: PrintRunFlow;
  admission: RunAdmission;
  store: FileStore;
  audit: AuditLog;
  now: () => number;
  print?: PrintSettings;
  /** Published templates' locks: each version of a design made from one carries them to the worker, as a single job does. */
  locks?: TemplateLocksDesk;
}

/** What the campaigner calls a version: its first value, on one line. */
export function labelOf(fields: readonly VariantField[], row: VariantRow, n: number, language: VariantLanguage | null = null): string {
  const first = fields[0] ? (row[fields[0].key] ?? '') : '';
  const line = first.replace(/\s+/g, ' ').trim();
  const label = line === '' ? `Version ${n + 1}` : line;
  // A bilingual row's two versions: the language said, so the ZIP's names and the list tell them apart.
  const said = language === null ? label : `${label} (${VARIANT_LANGUAGE_NAMES[language]})`;
  return said.length > LABEL_MAX ? `${said.slice(0, LABEL_MAX - 1)}…` : said;
}

/**
 * Everything POST /api/designs/:id/runs does before answering: the design's current version and its
 * saved variant table; every row laid out and checked (a row that cannot print refuses the whole run,
 * 422 naming the row and the field); admission by the number of variants; then one flow on the queue
 * (one child per distinct PDF: identical rows render once) and the run's record.
 */
export async function startPrintRun(req: IncomingMessage, body: unknown, who: { orgId: string; accountId: string }, designId: string, deps: StartPrintRunDeps): Promise<StoredPrintRun> {
  const { confirm } = parseWith(startPrintRunSchema, body ?? {});
  const saved = await deps.designs.get(who.orgId, designId);
  if (!saved) throw AppError.notFound('this design');
  const table = await deps.tables.get(who.orgId, designId);
  if (!table) throw new AppError(422, 'no_variant_table', 'this design has no variant table yet; add its versions on the Versions screen first');
  const master = saved.design;
  const fields = plainFields(table.fields);
  const problems = table.kind === 'bilingual' ? bilingualFieldProblems(master, table.fields) : fieldProblems(master, fields);
  if (problems.length > 0) {
    const fields = problems.map((p) => ({ path: formatPath(p.path), message: p.message }));
    throw new AppError(422, 'field_not_in_design', `the design has changed since its versions were saved: ${fields[0]!.path}: ${fields[0]!.message}`, fields);
  }
  refuseSampleImprint(master);
  const unchanged = unchangedTemplateText(master);
  if (unchanged.length > 0 && confirm?.unchangedTemplateText !== true) {
    const summaries = unchangedTextSummaries(unchanged, master.pages.length);
    const fields = summaries.map((s) => ({ path: formatPath(['design', ...s.path]), message: s.message }));
    throw new AppError(422, 'template_text_unchanged', `${summaries.map((s) => s.message).join('; ')}: replace the template's words, or send confirm.unchangedTemplateText: true to print them as they are`, fields);
  }
  const print = deps.print ?? DEFAULT_PRINT_SETTINGS;
  // A plain table's row is one version; a bilingual row two (English, then Welsh).
  const versions = variantVersions(table);
  const assets = await assetInfosOf(master, fields, versions, deps.store);
  const sharedKeys = new Set(table.kind === 'bilingual' ? table.fields.filter((f) => f.shared === true).map((f) => f.key) : []);
  refuseUnprintableVersions(master, fields, versions, sharedKeys, assets, print, confirm?.lowResolutionImages === true);
  const link = deps.locks ? await deps.designs.templateOf(who.orgId, designId) : null;
  const locks = link ? await deps.locks!.locksOf(link) : null;
  const designs = versions.map((version) => {
    const design: Design = designSchema.parse(applyVariant(master, fields, version.values, { language: version.language }));
    // The master kept its locks when it was saved, and a locked element is never a field; checked again, as a single job is,
    // and before admission, so that a refused run costs nothing of the rate limit.
    if (locks) deps.locks!.refuseBrokenLocks(design, locks, ['rows', version.row]);
    return design;
  });

  await deps.admission.admit(req, versions.length);

  const runId = randomId();
  const acceptedAt = deps.now();
  const children = new Map<string, RunChild>();
  const templateLocks = locks ? { templateLocks: { templateId: locks.templateId, version: locks.version, organisationName: locks.organisationName, locked: locks.locked } } : {};
  const variants: StoredRunVariant[] = versions.map((version, n) => {
    const design = designs[n]!;
    const pdfHash = pdfHashOf(design, print);
    // One child per distinct PDF of this run; a PDF already in the file store (an earlier run, a single job) is not drawn again by the worker.
    const jobId = contentHash({ run: runId, pdfHash }).slice(0, 32);
    if (!children.has(jobId)) {
      const data: PrintJobData = { design, copies: 1, print, pdfHash, acceptedAt, orgId: who.orgId, accountId: who.accountId, partOfRun: true, ...templateLocks };
      children.set(jobId, { jobId, data });
    }
    return { position: n, label: labelOf(fields, version.values, n, version.language), jobId, pdfHash };
  });
  await withTimeout(
    deps.flow.add({ runId, orgId: who.orgId, variants: variants.length, acceptedAt, jobIds: variants.map((v) => v.jobId), labels: variants.map((v) => v.label), title: master.title }, [...children.values()]),
    RUN_PRODUCER_TIMEOUT_MS,
    `Command timed out: the print queue did not take the run within ${RUN_PRODUCER_TIMEOUT_MS} ms`,
  );
  const run: StoredPrintRun = { id: runId, orgId: who.orgId, designId, designVersion: saved.version, createdBy: who.accountId, createdAt: acceptedAt, variants };
  await deps.runs.create(run);
  // Counts only: a row's values (names, wards) never reach the audit log.
  await deps.audit.record('print-run.started', who.accountId, runId, { designId, variants: variants.length, renders: children.size });
  return run;
}

/** Pixel sizes of every image the master and the versions use; an image no version can find refuses the run (422 naming the row). */
async function assetInfosOf(master: Design, fields: readonly VariantField[], versions: readonly VariantVersion[], store: FileStore): Promise<Map<string, AssetInfo>> {
  const ids = new Set<string>();
  for (const page of master.pages) for (const el of page.elements) if (el.kind === 'image') ids.add(el.assetId);
  const imageKeys = fields.filter((f) => master.pages[f.page]?.elements.find((e) => e.id === f.elementId)?.kind === 'image').map((f) => f.key);
  for (const { values } of versions) for (const key of imageKeys) if (values[key]) ids.add(values[key]!.trim());
  const infos = new Map<string, AssetInfo>();
  for (const id of ids) {
    const info = await readAssetInfo(store, id);
    if (info) infos.set(id, { width: info.width, height: info.height });
  }
  const missing = versions.flatMap(({ row, values }) => imageKeys.filter((key) => values[key] !== undefined && !infos.has(values[key]!.trim())).map((key) => ({ path: formatPath(['rows', row, key]), message: `row ${row + 1}: no uploaded image has this id; upload it with POST /api/assets first` })));
  if (missing.length > 0) throw new AppError(422, 'variant_not_printable', missing[0]!.message, uniqueByPath(missing).slice(0, 20));
  return infos;
}

/** The first of each path: a photo shared by a bilingual row's two versions is one field to correct. */
function uniqueByPath<T extends { path: string }>(fields: readonly T[]): T[] {
  const seen = new Set<string>();
  return fields.filter((f) => !seen.has(f.path) && seen.add(f.path));
}

/**
 * Refuses the run (422 variant_not_printable) when any version has an error: every such row and field
 * named (with the language, for a bilingual table's version), the first in the message; by number and
 * column only, since a row's values may be people's names.
 */
function refuseUnprintableVersions(master: Design, fields: readonly VariantField[], versions: readonly VariantVersion[], sharedKeys: ReadonlySet<string>, assets: ReadonlyMap<string, AssetInfo>, print: PrintSettings, lowResolutionConfirmed: boolean): void {
  const checks = checkVariants(master, fields, versions.map((v) => v.values), assets, { print });
  const errors = checks.flatMap((check) => {
    const { row, language } = versions[check.row]!;
    const said = language === null ? '' : ` (${VARIANT_LANGUAGE_NAMES[language]})`;
    return check.problems
      .filter((p) => p.severity === 'error' && !(lowResolutionConfirmed && p.code === 'low-resolution-image'))
      .map((p) => {
        // A words field of a bilingual table is a pair: the path names the language's half.
        const isPair = language !== null && p.field !== null && !sharedKeys.has(p.field);
        const path = p.field === null ? ['rows', row] : isPair ? ['rows', row, p.field, language!] : ['rows', row, p.field];
        return { path: formatPath(path), message: `row ${row + 1}${said}${p.field ? `, ${p.field}` : ''}: ${p.message}` };
      });
  });
  if (errors.length === 0) return;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
  throw new AppError(422, 'variant_not_printable', `${errors[0]!.message}${more}; correct the table on the Versions screen, then print again`, uniqueByPath(errors).slice(0, 50));
}
