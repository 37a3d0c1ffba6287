import { UnrecoverableError } from 'bullmq';
import { layoutDesign } from '../common/layout/layout-design';
import { combinedPdfHash } from '../common/node/combined-pdf-hash';
import type { FileStore } from '../common/node/file-store';
import { StoreUnavailableError } from '../common/node/store-unavailable-error';
import { pdfKey, runZipKey } from '../common/queue/names';
import { printJobDataSchema, printJobResultSchema, type PrintJobData } from '../common/queue/print-job';
import { printRunJobDataSchema, type PrintRunJobResult } from '../common/queue/print-run-job';
import type { FontCache } from './pdf/font-cache';
import { renderCombinedPdf, type CombinedPart } from './pdf/render-combined-pdf';
import { assetInfosOf, convertedFileKeysOf, loadStoredAssets, runPrintImages } from './run-print-images';
import { zipEntryName, zipOfPdfs } from './run-zip';

/** What the run step needs of its BullMQ job (the parent of a run's renders). */
export interface RunJob {
  data: unknown;
  /** Every child's result, by child job key (BullMQ keeps them on the parent, even after the children are removed). */
  getChildrenValues(): Promise<Record<string, unknown>>;
  updateProgress(progress: number): Promise<void>;
}

export interface RunProcessorDeps {
  store: FileStore;
  /** Fonts parsed once per process. */
  fonts: FontCache;
  /** A render job's data by its id (the run's children), or null when the queue no longer has it. */
  readJobData(jobId: string): Promise<unknown>;
}

/**
 * A print run's own step, run once every variant's render has completed (BullMQ moves the parent to
 * the wait list only then): checks that each child left a PDF, then draws the combined PDF for the
 * printer (every version's pages in row order, shared pictures and fonts embedded once) and a ZIP of
 * each version's PDF into the file store, unless a run of the same versions already did.
 */
export async function processRun(job: RunJob, deps: RunProcessorDeps): Promise<PrintRunJobResult> {
  const parsed = printRunJobDataSchema.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`the print run's data is not valid (${parsed.error.issues[0]?.path.join('.')})`);
  const run = parsed.data;
  const values = Object.values(await job.getChildrenValues());
  let renderedPages = 0;
  for (const value of values) {
    const result = printJobResultSchema.safeParse(value);
    if (!result.success) throw new UnrecoverableError('a render of this run left no PDF');
    renderedPages += result.data.pages;
  }
  // Each distinct child once; the versions in row order refer to them.
  const children = new Map<string, PrintJobData>();
  for (const id of new Set(run.jobIds)) {
    const data = printJobDataSchema.safeParse(await deps.readJobData(id));
    if (!data.success) throw new UnrecoverableError(`a render of this run is no longer on the queue (${id}); print every version again`);
    children.set(id, data.data);
  }
  const hashes = run.jobIds.map((id) => children.get(id)!.pdfHash);
  const pdfHash = combinedPdfHash(hashes);
  const pages = run.jobIds.reduce((n, id) => n + children.get(id)!.design.pages.length, 0);
  await storeZip(run.jobIds.map((id, n) => ({ name: zipEntryName(n, run.labels[n] ?? '', run.jobIds.length), key: pdfKey(hashes[n]!) })), pdfHash, deps.store);
  // The pictures the renders converted and kept (render-job.ts): read here instead of converted again,
  // then removed once the combined PDF is stored.
  const used = new Set<string>();
  const existing = await StoreUnavailableError.guard('stat', () => deps.store.stat(pdfKey(pdfHash)));
  if (existing) {
    // Only tidying: a run whose combined PDF exists is done, whatever this finds.
    try {
      for (const id of new Set(run.jobIds)) {
        const { design, print } = children.get(id)!;
        const assets = await loadStoredAssets(design, deps.store);
        for (const key of convertedFileKeysOf(layoutDesign(design, assetInfosOf(assets), { print }), assets)) used.add(key);
      }
    } catch {
      // An image's facts unreadable: the files found so far are removed, the rest stay (space only).
    }
    await removeConverted(used, deps.store);
    return { renders: values.length, pages: renderedPages, combined: { pdfHash, pages, bytes: existing.size } };
  }

  async function* parts(): AsyncGenerator<CombinedPart> {
    for (const id of run.jobIds) {
      const { design, print } = children.get(id)!;
      const assets = await loadStoredAssets(design, deps.store);
      const layout = layoutDesign(design, assetInfosOf(assets), { print });
      yield { layout, prepared: await runPrintImages(layout, assets, deps.store, used) };
    }
  }
  const every = Math.max(1, Math.floor(run.jobIds.length / 20));
  const combined = await renderCombinedPdf({
    title: run.title,
    key: pdfHash,
    parts: parts(),
    fonts: deps.fonts,
    onPart: (done) => (done % every === 0 ? job.updateProgress(Math.round((90 * done) / run.jobIds.length)).catch(() => undefined) : undefined),
  });
  await StoreUnavailableError.guard('write', () => deps.store.put(pdfKey(pdfHash), combined.data));
  await removeConverted(used, deps.store);
  return { renders: values.length, pages: renderedPages, combined: { pdfHash, pages: combined.pages, bytes: combined.data.length } };
}

/** Removes the run's kept pictures; one left behind (a store error) costs space only, never a PDF. */
async function removeConverted(keys: ReadonlySet<string>, store: FileStore): Promise<void> {
  for (const key of keys) await store.remove(key).catch(() => undefined);
}

/** The run's ZIP of each version's PDF (named after its row), unless a run of the same versions made it already. */
async function storeZip(entries: ReadonlyArray<{ name: string; key: string }>, combinedHash: string, store: FileStore): Promise<void> {
  if (await StoreUnavailableError.guard('stat', () => store.stat(runZipKey(combinedHash)))) return;
  const zip = await zipOfPdfs(entries, async (key) => {
    const data = await StoreUnavailableError.guard('read', () => store.read(key));
    if (!data) throw new Error(`a version's PDF is not in the file store (${key})`);
    return data;
  });
  await StoreUnavailableError.guard('write', () => store.put(runZipKey(combinedHash), zip));
}
