import { z } from 'zod';
import { designSchema, type Design } from '../../common/design/design-schema';
import type { LayoutError } from '../../common/layout/draw-items';
import { layoutDesign, type AssetInfo } from '../../common/layout/layout-design';
import { contentHash } from '../../common/node/content-hash';
import type { FileStore } from '../../common/node/file-store';
import { readAssetInfo } from '../../common/node/asset-info';
import { MAX_COPIES, RENDERER_VERSION, type PrintJobData } from '../../common/queue/print-job';
import { AppError, formatPath } from '../http/app-error';
import { parseWith } from '../http/parse-with';
import type { PrintJobView, PrintQueue } from './print-queue';

/** The body of POST /api/print-jobs. */
export const submitPrintJobSchema = z.object({
  design: designSchema,
  copies: z.number({ error: 'must be a whole number of copies' }).int('must be a whole number').min(1, 'must be at least 1').max(MAX_COPIES, `must be at most ${MAX_COPIES}`).default(1),
});

/** The API's error code for each kind of layout error (both answer 422). */
const LAYOUT_ERROR_CODES: Record<LayoutError['code'], string> = {
  'does-not-fit': 'design_does_not_fit',
  'unsupported-script': 'unsupported_script',
};

/** The hash a PDF is stored under: the design and the renderer that draws it. */
export function pdfHashOf(design: Design): string {
  return contentHash({ design, renderer: RENDERER_VERSION });
}

/**
 * The job id: the PDF, the number of copies and the organisation (the same leaflet ordered twice by one
 * organisation is one job; two organisations ordering the same leaflet have a job each, and neither
 * sees the other's, while the PDF is still rendered once).
 */
export function jobIdOf(design: Design, copies: number, orgId?: string): string {
  return contentHash(orgId === undefined ? { design, copies, renderer: RENDERER_VERSION } : { design, copies, renderer: RENDERER_VERSION, orgId }).slice(0, 32);
}

/** Everything POST /api/print-jobs does before answering: validate, check assets and fit, enqueue for the organisation. */
export async function submitPrintJob(body: unknown, orgId: string, deps: { queue: PrintQueue; store: FileStore; now: () => number }): Promise<PrintJobView> {
  const { design, copies } = parseWith(submitPrintJobSchema, body);
  const assets = await loadAssetInfos(design, deps.store);
  const layout = layoutDesign(design, assets);
  // Right-to-left text first: shortening it would not make it printable.
  for (const code of ['unsupported-script', 'does-not-fit'] as const) {
    const errors = layout.errors.filter((e) => e.code === code);
    if (errors.length === 0) continue;
    const fields = errors.map((e) => ({ path: formatPath(['design', ...e.path]), message: e.message }));
    throw new AppError(422, LAYOUT_ERROR_CODES[code], fields[0]!.message, fields);
  }
  const data: PrintJobData = { design, copies, pdfHash: pdfHashOf(design), acceptedAt: deps.now(), orgId };
  return deps.queue.enqueue(jobIdOf(design, copies, orgId), data);
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
