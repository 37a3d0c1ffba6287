import { UnrecoverableError } from 'bullmq';
import { layoutDesign, type AssetInfo } from '../common/layout/layout-design';
import { readAssetInfo } from '../common/node/asset-info';
import type { FileStore } from '../common/node/file-store';
import { StoreUnavailableError } from '../common/node/store-unavailable-error';
import { assetKey, pdfKey } from '../common/queue/names';
import { DESIGN_ERROR_PREFIX, printJobDataSchema, type PrintJobResult } from '../common/queue/print-job';
import type { Design } from '../common/design/design-schema';
import { sampleImprintProblems } from '../common/templates/sample-imprint-problems';
import { lockViolations } from '../common/templates/template-locks';
import type { PdfRenderer } from './pdf/pdf-renderer';
import { convertedImageFileKey } from './pdf/converted-image-file';
import { preparePrintImages } from './pdf/prepare-print-images';
import { convertedFiles, type ConvertedImageFile } from './pdf/render-pdf';
import { RENDER_TIMEOUT_REASON, RenderTimeoutError } from './render-pool/render-timeout-error';

/** Least time between two progress updates of a render, milliseconds. */
export const PROGRESS_INTERVAL_MS = 500;

export interface RenderJobDeps {
  store: FileStore;
  /** Draws the PDF: a render pool in the worker process, in-process in tests. */
  render: PdfRenderer;
  /** Monotonic milliseconds, for timing. */
  clock: () => number;
}

/** The part of a BullMQ job the processor uses (so tests can call it without a queue). */
export interface RenderableJob {
  data: unknown;
  /** Why the previous attempt failed (BullMQ keeps it across retries); absent on a first attempt. */
  failedReason?: string;
  updateProgress(progress: number): Promise<void>;
}

/**
 * Renders one print job: parse the data again (never trust the queue), skip the work if the PDF is
 * already in the file store, lay out, draw, store atomically. Errors that are the design's fault are
 * unrecoverable (retrying cannot help); a file store that cannot be read or written throws
 * StoreUnavailableError (the job waits for it: print-processor.ts); anything else is thrown for BullMQ to
 * retry with backoff.
 * A render that times out is retried once: a busy machine can make any render slow, but a design
 * that times out twice in a row is too heavy to print, which is the design's fault.
 */
export async function renderJob(job: RenderableJob, deps: RenderJobDeps): Promise<PrintJobResult> {
  const parsed = printJobDataSchema.safeParse(job.data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new UnrecoverableError(`${DESIGN_ERROR_PREFIX}the design is not valid (${first?.path.join('.')}: ${first?.message})`);
  }
  const { design, pdfHash, print, proof, templateLocks, partOfRun = false } = parsed.data;
  // The server refuses these (422 element_locked); a job whose design breaks its template's locks is never drawn.
  const broken = templateLocks ? lockViolations(design, templateLocks.locked, templateLocks.organisationName) : [];
  if (broken.length > 0) throw new UnrecoverableError(`${DESIGN_ERROR_PREFIX}${broken[0]!.message}`);
  // The server refuses these (422 sample_imprint); a job queued before it did, or by anything else, is refused here.
  const sample = sampleImprintProblems(design.imprint);
  if (sample.length > 0) throw new UnrecoverableError(`${DESIGN_ERROR_PREFIX}the imprint still has sample details (${sample.map((p) => p.path.join('.')).join(', ')}); fill in the real promoter and printer`);
  const started = deps.clock();
  const { infos, images } = await loadDesignImages(design, deps.store);
  const layout = layoutDesign(design, infos, { print });
  if (layout.errors.length > 0) throw new UnrecoverableError(`${DESIGN_ERROR_PREFIX}${layout.errors[0]!.message}`);
  // Not awaited: a progress report must not cost the render a Redis round trip.
  void job.updateProgress(10).catch(() => undefined);

  // No progress 100 at the end, here or below: completing the job says it, without another round trip.
  const existing = await StoreUnavailableError.guard('stat', () => deps.store.stat(pdfKey(pdfHash)));
  if (existing) {
    // The pictures' ink is only known once they are converted; a repeated job reports it as the first did.
    const { prepared, warnings } = await preparePrintImages(layout, images);
    if (partOfRun) await keepConverted(convertedFiles(prepared.values()), deps.store);
    return { pdfHash, pages: layout.pages.length, bytes: existing.size, warnings: [...layout.warnings, ...warnings], renderMs: 0 };
  }
  // Progress is a courtesy: at most one update per PROGRESS_INTERVAL_MS (a leaflet that draws in
  // milliseconds needs none), and a failed one (Redis away for a moment) must not fail the render.
  let lastProgressAt = deps.clock();
  const onProgress = (p: number) => {
    if (deps.clock() - lastProgressAt < PROGRESS_INTERVAL_MS) return;
    lastProgressAt = deps.clock();
    void job.updateProgress(10 + Math.round(p * 0.8)).catch(() => undefined);
  };
  const pdf = await deps.render({ layout, title: design.title, images, ...(proof && { proof: true }), ...(partOfRun && { keepConverted: true }) }, onProgress).catch((err: unknown) => {
    if (err instanceof RenderTimeoutError && job.failedReason?.startsWith(RENDER_TIMEOUT_REASON)) {
      const seconds = Math.round(err.timeoutMs / 100) / 10;
      throw new UnrecoverableError(`${DESIGN_ERROR_PREFIX}this design took longer than ${seconds} s to draw, twice; use fewer or smaller images, or less text`);
    }
    throw err;
  });
  await StoreUnavailableError.guard('write', () => deps.store.put(pdfKey(pdfHash), pdf.data));
  if (pdf.converted) await keepConverted(pdf.converted, deps.store);
  return { pdfHash, pages: pdf.pages, bytes: pdf.data.length, warnings: [...layout.warnings, ...pdf.warnings], renderMs: Math.round(deps.clock() - started) };
}

/**
 * Keeps a run version's converted pictures in the file store for the run's combined PDF (run-processor.ts),
 * each once. Only a saving of time: the run step converts a picture again when its file is missing, so a
 * store that fails here fails nothing (the PDF itself was written first).
 */
async function keepConverted(files: readonly ConvertedImageFile[], store: FileStore): Promise<void> {
  for (const { key, file } of files) {
    const storeKey = convertedImageFileKey(key);
    try {
      if (!(await store.stat(storeKey))) await store.put(storeKey, file);
    } catch {
      return;
    }
  }
}

/**
 * Every image a design places: pixel sizes and bytes, by asset id. A store that cannot be read throws
 * StoreUnavailableError; a missing image is an ordinary error (retried with the job's attempts).
 */
export async function loadDesignImages(design: Design, store: FileStore): Promise<{ infos: Map<string, AssetInfo>; images: Map<string, Buffer> }> {
  const infos = new Map<string, AssetInfo>();
  const images = new Map<string, Buffer>();
  for (const page of design.pages) {
    for (const el of page.elements) {
      if (el.kind !== 'image' || infos.has(el.assetId)) continue;
      const info = await StoreUnavailableError.guard('read', () => readAssetInfo(store, el.assetId));
      const data = info && (await StoreUnavailableError.guard('read', () => store.read(assetKey(el.assetId, info.type === 'png' ? 'png' : 'jpg'))));
      // A missing image may be a storage hiccup (a network file system, object storage): retry, with the
      // job's attempts (a store that answers, but without the file, is not an outage to wait out).
      if (!info || !data) throw new Error(`image ${el.assetId} is not in the file store`);
      infos.set(el.assetId, { width: info.width, height: info.height });
      images.set(el.assetId, data);
    }
  }
  return { infos, images };
}
