import { UnrecoverableError } from 'bullmq';
import { layoutDesign, type AssetInfo } from '../common/layout/layout-design';
import { readAssetInfo } from '../common/node/asset-info';
import type { FileStore } from '../common/node/file-store';
import { assetKey, pdfKey } from '../common/queue/names';
import { DESIGN_ERROR_PREFIX, printJobDataSchema, type PrintJobResult } from '../common/queue/print-job';
import type { FontCache } from './pdf/font-cache';
import { renderPdf } from './pdf/render-pdf';

export interface RenderJobDeps {
  store: FileStore;
  fonts: FontCache;
  /** Monotonic milliseconds, for timing. */
  clock: () => number;
}

/** The part of a BullMQ job the processor uses (so tests can call it without a queue). */
export interface RenderableJob {
  data: unknown;
  updateProgress(progress: number): Promise<void>;
}

/**
 * Renders one print job: parse the data again (never trust the queue), skip the work if the PDF is
 * already in the file store, lay out, draw, store atomically. Errors that are the design's fault are
 * unrecoverable (retrying cannot help); anything else is thrown for BullMQ to retry with backoff.
 */
export async function renderJob(job: RenderableJob, deps: RenderJobDeps): Promise<PrintJobResult> {
  const parsed = printJobDataSchema.safeParse(job.data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new UnrecoverableError(`${DESIGN_ERROR_PREFIX}the design is not valid (${first?.path.join('.')}: ${first?.message})`);
  }
  const { design, pdfHash } = parsed.data;
  const started = deps.clock();
  const infos = new Map<string, AssetInfo>();
  const images = new Map<string, Buffer>();
  for (const page of design.pages) {
    for (const el of page.elements) {
      if (el.kind !== 'image' || infos.has(el.assetId)) continue;
      const info = await readAssetInfo(deps.store, el.assetId);
      const data = info && (await deps.store.read(assetKey(el.assetId, info.type === 'png' ? 'png' : 'jpg')));
      // A missing image may be a storage hiccup (a network file system, object storage): retry.
      if (!info || !data) throw new Error(`image ${el.assetId} is not in the file store`);
      infos.set(el.assetId, { width: info.width, height: info.height });
      images.set(el.assetId, data);
    }
  }
  const layout = layoutDesign(design, infos);
  if (layout.errors.length > 0) throw new UnrecoverableError(`${DESIGN_ERROR_PREFIX}${layout.errors[0]!.message}`);
  await job.updateProgress(10);

  const existing = await deps.store.stat(pdfKey(pdfHash));
  if (existing) {
    await job.updateProgress(100);
    return { pdfHash, pages: layout.pages.length, bytes: existing.size, warnings: layout.warnings, renderMs: 0 };
  }
  const pdf = await renderPdf({ layout, title: design.title, images, fonts: deps.fonts, onProgress: (p) => job.updateProgress(10 + Math.round(p * 0.8)) });
  await deps.store.put(pdfKey(pdfHash), pdf.data);
  await job.updateProgress(100);
  return { pdfHash, pages: pdf.pages, bytes: pdf.data.length, warnings: layout.warnings, renderMs: Math.round(deps.clock() - started) };
}
