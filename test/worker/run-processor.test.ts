import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { designSchema, type Design } from '../../common/design/design-schema';
import { DirectoryFileStore, type FileStore } from '../../common/node/file-store';
import { assetKey, pdfKey } from '../../common/queue/names';
import type { PrintJobData, PrintJobResult } from '../../common/queue/print-job';
import type { PrintRunJobData } from '../../common/queue/print-run-job';
import { findTemplate } from '../../common/templates/templates';
import { applyVariant } from '../../common/variants/apply-variant';
import { storeAsset } from '../../server/assets/asset-service';
import { processImage } from '../../server/assets/process-image';
import { SAMPLE_PHOTO_PATH, seedSampleAssets } from '../../server/assets/sample-assets';
import { pdfHashOf } from '../../server/print-jobs/submit-print-job';
import { FontCache } from '../../worker/pdf/font-cache';
import { inProcessRenderer } from '../../worker/pdf/pdf-renderer';
import { forgetPrintImages } from '../../worker/pdf/print-images';
import { renderJob } from '../../worker/render-job';
import { processRun } from '../../worker/run-processor';
import { hidingReads } from '../support/hiding-store';
import { readPdf } from '../support/read-pdf';
import { withRealImprint } from '../support/real-imprint';

const FIELDS = [
  { key: 'ward', label: 'Ward', page: 0, elementId: 'vote' },
  { key: 'photo', label: 'Photo', page: 0, elementId: 'photo' },
];
const fonts = new FontCache();
const render = inProcessRenderer(fonts);

let dir: string;
let store: DirectoryFileStore;
let photos: string[];
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-run-step-'));
  store = new DirectoryFileStore(dir);
  await seedSampleAssets(store);
  // Three candidates' photos: the sample photo in three tints (three assets).
  const sample = await sharp(fs.readFileSync(SAMPLE_PHOTO_PATH)).resize(900, 600, { fit: 'cover' }).jpeg().toBuffer();
  photos = [];
  for (const hue of [40, 160, 280]) photos.push((await storeAsset(store, await processImage(await sharp(sample).modulate({ hue }).jpeg().toBuffer()))).id);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Kept conversions in the store now. */
const converted = () => (fs.existsSync(path.join(dir, 'converted')) ? fs.readdirSync(path.join(dir, 'converted')) : []);

/** A store that cannot read the candidates' photos (their facts stay readable): a render or run step that needs their bytes fails. */
const withoutPhotos = (inner: FileStore): FileStore => hidingReads(inner, (key) => photos.some((id) => key === assetKey(id, 'jpg')));

/** Renders each ward's version as a run's child (or as a single job), and the run's job as the worker sees it. */
async function renderedRun(title: string, options: { partOfRun: boolean }) {
  const master = designSchema.parse(withRealImprint({ ...findTemplate('a5-flyer')!.design, title }));
  const designs: Design[] = photos.map((photo, i) => designSchema.parse(applyVariant(master, FIELDS, { ward: `Vote in Ward ${i + 1}`, photo })));
  const data = new Map<string, PrintJobData>();
  const results: Record<string, PrintJobResult> = {};
  for (const [i, design] of designs.entries()) {
    const job: PrintJobData = { design, copies: 1, pdfHash: pdfHashOf(design), acceptedAt: Date.now(), ...(options.partOfRun && { partOfRun: true }) };
    const id = String(i + 1).padStart(32, 'a');
    data.set(id, job);
    results[`bull:print-jobs:${id}`] = await renderJob({ data: job, updateProgress: async () => undefined }, { store, render, clock: () => 0 });
  }
  const run: PrintRunJobData = { runId: 'f'.repeat(32), orgId: 'e'.repeat(32), variants: designs.length, acceptedAt: Date.now(), jobIds: [...data.keys()], labels: designs.map((_, i) => `Ward ${i + 1}`), title };
  const progress: number[] = [];
  const job = { data: run, getChildrenValues: async () => results, updateProgress: async (p: number) => void progress.push(p) };
  return { job, readJobData: async (id: string) => data.get(id) ?? null, progress };
}

describe("a print run's own step", () => {
  it("keeps each render's converted photo, and draws the combined PDF from them without reading the photos again", async () => {
    const { job, readJobData } = await renderedRun('Kept conversions', { partOfRun: true });
    // One file per distinct conversion: the three photos (the flyer's other pictures, if any, once each).
    expect(converted().length).toBeGreaterThanOrEqual(3);
    // Another process draws the run: nothing converted in memory, and the photos' bytes unreadable.
    forgetPrintImages();
    const result = await processRun(job, { store: withoutPhotos(store), fonts, readJobData });
    expect(result.combined.pages).toBe(6);
    const pdf = await readPdf((await store.read(pdfKey(result.combined.pdfHash)))!);
    expect(pdf.text).toContain('Vote in Ward 3');
    expect(pdf.pages).toHaveLength(6);
    // Once the combined PDF is stored, the kept conversions are removed.
    expect(converted()).toEqual([]);
  });

  it("converts a photo again when its render kept nothing (a single job's PDF, made before the run)", async () => {
    const { job, readJobData } = await renderedRun('Nothing kept', { partOfRun: false });
    expect(converted()).toEqual([]);
    forgetPrintImages();
    // Without the photos' bytes and without kept conversions, the run step cannot draw: it read them before.
    await expect(processRun(job, { store: withoutPhotos(store), fonts, readJobData })).rejects.toThrow(/is not in the file store/);
    const result = await processRun(job, { store, fonts, readJobData });
    expect(result.combined.pages).toBe(6);
    expect(await store.stat(pdfKey(result.combined.pdfHash))).not.toBeNull();
  });

  it('removes the kept conversions also when the same versions were combined before', async () => {
    const first = await renderedRun('Combined twice', { partOfRun: true });
    await processRun(first.job, { store, fonts, readJobData: first.readJobData });
    // The same versions again: their PDFs exist, so the renders only convert (and keep) the photos for their warnings.
    forgetPrintImages();
    const again = await renderedRun('Combined twice', { partOfRun: true });
    expect(converted().length).toBeGreaterThanOrEqual(3);
    const result = await processRun(again.job, { store, fonts, readJobData: again.readJobData });
    expect(result.combined.pages).toBe(6);
    expect(converted()).toEqual([]);
  });
});
