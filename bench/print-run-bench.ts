import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import sharp from 'sharp';
import { DEFAULT_PRINT_SETTINGS } from '../common/colour/print-settings';
import { designSchema, type Design } from '../common/design/design-schema';
import { layoutDesign } from '../common/layout/layout-design';
import { contentHash } from '../common/node/content-hash';
import { DirectoryFileStore } from '../common/node/file-store';
import { freePort, LocalRedis } from '../common/node/local-redis';
import { PRINT_QUEUE, QUEUE_PREFIX, RENDER_JOB, runJobId } from '../common/queue/names';
import type { PrintJobData, PrintJobResult } from '../common/queue/print-job';
import { printRunJobResultSchema } from '../common/queue/print-run-job';
import { findTemplate } from '../common/templates/templates';
import { applyVariant } from '../common/variants/apply-variant';
import type { VariantField } from '../common/variants/variant-table';
import { storeAsset } from '../server/assets/asset-service';
import { processImage } from '../server/assets/process-image';
import { SAMPLE_PHOTO_PATH, seedSampleAssets } from '../server/assets/sample-assets';
import { PrintQueue, RENDER_ATTEMPTS } from '../server/print-jobs/print-queue';
import { jobIdOf, pdfHashOf } from '../server/print-jobs/submit-print-job';
import { PrintRunFlow } from '../server/print-runs/print-run-flow';
import { FontCache } from '../worker/pdf/font-cache';
import { preparePrintImages } from '../worker/pdf/prepare-print-images';
import { renderCombinedPdf } from '../worker/pdf/render-combined-pdf';
import { renderPdf } from '../worker/pdf/render-pdf';
import { loadDesignImages } from '../worker/render-job';
import { fmt } from './stats';

export interface PrintRunFigures {
  /** Seconds from submitting the run to its combined PDF in the store. */
  runSeconds: number;
  /** Seconds for the same versions sent as single print jobs, each rendered (no combined PDF): the baseline. */
  singleJobsSeconds: number;
  /** Bytes of the combined PDF. */
  combinedBytes: number;
  /** Bytes of the shared parts (fonts, profile, metadata) once plus each version's own (the target's bound). */
  boundBytes: number;
  /** The same, counting the bare leaflet's page drawing as shared too (a stricter bound). */
  strictBoundBytes: number;
  /** Bytes of every version's own PDF together (nothing shared). */
  singlesBytes: number;
}

const FIELDS: VariantField[] = [
  { key: 'ward', label: 'Ward', page: 0, elementId: 'vote' },
  { key: 'candidate', label: "Candidate's name", page: 0, elementId: 'headline' },
  { key: 'photo', label: 'Photo', page: 0, elementId: 'photo' },
];
const IMPRINT = { printer: { name: 'Bench Print Works', address: '1 Dock Street, Cardiff CF10 5AB' }, promoter: { name: 'Jo Bloggs', address: '5 New Street, Riverside RV1 1AA' } };

/**
 * A print run of `rows` wards of the A5 two-page leaflet, a photo of its own per row (the sample photo,
 * tinted differently for each ward), with two worker processes (dist/worker/main.js, one render at a time
 * each), timed from submission to the combined PDF. Baseline, in the same run and with fresh workers:
 * the same versions sent as `rows` single print jobs, timed until every one is rendered. Then the combined
 * PDF's size against the shared parts (what a PDF of the leaflet holds once: fonts, the output profile,
 * metadata) counted once plus each version's own (its PDF less those shared parts), and against a
 * stricter bound that counts the leaflet's page drawing as shared too. Target: under 60 s for 600 (issue 16).
 */
export async function benchPrintRun(rows: number): Promise<PrintRunFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-run-bench-'));
  const redis = new LocalRedis({ port: await freePort(), dir: path.join(dir, 'redis'), persistent: false });
  await redis.start();
  const filesDir = path.join(dir, 'files');
  const store = new DirectoryFileStore(filesDir);
  await seedSampleAssets(store);
  const connection = new Redis({ host: '127.0.0.1', port: redis.options.port, maxRetriesPerRequest: null });
  const queue = new PrintQueue(connection);
  const flow = new PrintRunFlow(connection, queue.queue);
  let workers: ChildProcess[] = [];
  const startWorkers = () => {
    workers = [0, 1].map(() =>
      fork(path.join(__dirname, '..', 'worker', 'main.js'), {
        env: { ...process.env, REDIS_URL: redis.url, FILES_DIR: filesDir, LOG_LEVEL: 'warn', WORKER_CONCURRENCY: '1', WORKER_NICE: '0', WORKER_METRICS_PORT: '0' },
        stdio: 'inherit',
      }),
    );
  };
  const stopWorkers = async () => {
    await Promise.all(workers.map((w) => new Promise((resolve) => (w.once('exit', resolve), w.kill('SIGTERM')))));
  };
  try {
    // A photo per ward, each a different tint of the sample photo (as 600 candidates' photos would be).
    // 1800 x 1200 pixels: enough for the leaflet's 148 x 52 mm photo at 300 ppi, as a candidate's photo would be.
    const sample = await sharp(fs.readFileSync(SAMPLE_PHOTO_PATH)).resize(1800, 1200, { fit: 'cover' }).jpeg({ quality: 90 }).toBuffer();
    const photos: string[] = [];
    for (let i = 0; i < rows; i++) {
      // A hue (whole degrees) and a brightness of its own: hue alone repeats after 360 rows, and a repeated photo is one asset.
      const jpeg = await sharp(sample).modulate({ hue: (i % 359) + 1, brightness: 0.85 + (i % 7) * 0.05 }).jpeg({ quality: 85 }).toBuffer();
      if (i % 100 === 99) console.log(`  ${i + 1} photos made`);
      photos.push((await storeAsset(store, await processImage(jpeg))).id);
    }
    if (new Set(photos).size !== rows) throw new Error(`only ${new Set(photos).size} distinct photos for ${rows} rows`);
    const master = designSchema.parse({ ...findTemplate('a5-flyer')!.design, imprint: IMPRINT, title: 'Ward newsletter' });
    const variant = (i: number, tag: string): Design => designSchema.parse(applyVariant({ ...master, title: `Ward newsletter${tag}` }, FIELDS, { ward: `Vote in Ward ${i + 1} on 7 May`, candidate: `Councillor number ${i + 1}`, photo: photos[i]! }));
    const waitFor = async (done: () => Promise<boolean>) => {
      while (!(await done())) await new Promise((r) => setTimeout(r, 100));
    };

    // Baseline: single jobs (a title of their own, so that no PDF of the run is found already made).
    startWorkers();
    const singles = Array.from({ length: rows }, (_, i) => variant(i, ' (single)'));
    const t0 = performance.now();
    const ids: string[] = [];
    for (const design of singles) {
      const id = jobIdOf(design, 1);
      const data: PrintJobData = { design, copies: 1, print: DEFAULT_PRINT_SETTINGS, pdfHash: pdfHashOf(design), acceptedAt: Date.now() };
      await queue.queue.add(RENDER_JOB, data, { jobId: id, attempts: RENDER_ATTEMPTS });
      ids.push(id);
    }
    await waitFor(async () => (await queue.queue.getJobCountByTypes('completed')) >= rows);
    const singleJobsSeconds = (performance.now() - t0) / 1000;
    const singleResults = await Promise.all(ids.map(async (id) => (await queue.queue.getJob(id))!.returnvalue as PrintJobResult));
    const singlesBytes = singleResults.reduce((n, r) => n + r.bytes, 0);
    await stopWorkers();

    // The run, with fresh workers (no picture already converted in their caches).
    startWorkers();
    const runId = 'b'.repeat(32);
    const versions = Array.from({ length: rows }, (_, i) => variant(i, ''));
    const t1 = performance.now();
    const children = versions.map((design) => {
      const pdfHash = pdfHashOf(design);
      return { jobId: contentHash({ run: runId, pdfHash }).slice(0, 32), data: { design, copies: 1, print: DEFAULT_PRINT_SETTINGS, pdfHash, acceptedAt: Date.now(), partOfRun: true } as PrintJobData };
    });
    await flow.add({ runId, orgId: 'c'.repeat(32), variants: rows, acceptedAt: Date.now(), jobIds: children.map((c) => c.jobId), labels: versions.map((_, i) => `Ward ${i + 1}`), title: master.title }, children);
    await waitFor(async () => (await queue.queue.getJobState(runJobId(runId))) === 'completed');
    const runSeconds = (performance.now() - t1) / 1000;
    const result = printRunJobResultSchema.parse((await queue.queue.getJob(runJobId(runId)))!.returnvalue);
    await stopWorkers();

    // The shared parts. Strictly: the leaflet without its photo, drawn as the worker draws it (its pages'
    // drawing too, as if every version's band and text could be one object). As the issue counts them:
    // what a PDF of the leaflet holds once whatever its pages (fonts, the output intent's profile, the
    // metadata), which is the leaflet without its photo less its own two pages' drawing; those pages are
    // what a second copy of it adds to one document (a combined PDF of the bare leaflet twice).
    const fonts = new FontCache();
    const bare = designSchema.parse({ ...versions[0]!, pages: versions[0]!.pages.map((p) => ({ ...p, elements: p.elements.filter((e) => e.kind !== 'image') })) });
    const { infos, images } = await loadDesignImages(bare, store);
    const bareLayout = layoutDesign(bare, infos, { print: DEFAULT_PRINT_SETTINGS });
    const bareBytes = (await renderPdf({ layout: bareLayout, title: bare.title, images, fonts })).data.length;
    const { prepared } = await preparePrintImages(bareLayout, images);
    async function* twice() {
      for (let i = 0; i < 2; i++) yield { layout: bareLayout, prepared };
    }
    const bareTwice = (await renderCombinedPdf({ title: bare.title, key: 'bare', parts: twice(), fonts })).data.length;
    const pageBytes = bareTwice - bareBytes;
    const shared = bareBytes - pageBytes;
    const strictBoundBytes = bareBytes + (singlesBytes - rows * bareBytes);
    const boundBytes = shared + (singlesBytes - rows * shared);
    const combinedBytes = result.combined.bytes;

    console.log(`print run, ${rows} wards of the A5 two-page leaflet with a photo each, two workers:`);
    console.log(`  the same versions as ${rows} single jobs ${fmt(singleJobsSeconds, 1)} s; the run to its combined PDF ${fmt(runSeconds, 1)} s (ratio ${fmt(runSeconds / singleJobsSeconds)}; target < 60 s)`);
    console.log(
      `  combined PDF ${fmt(combinedBytes / 1e6, 1)} MB (${result.combined.pages} pages); shared parts once (fonts, profile, metadata: ${fmt(shared / 1e3, 1)} kB) plus each version's own ${fmt(boundBytes / 1e6, 1)} MB (ratio ${fmt(combinedBytes / boundBytes)}; target <= 1); every version's own PDF together ${fmt(singlesBytes / 1e6, 1)} MB`,
    );
    console.log(`  stricter, counting the leaflet's page drawing (${fmt(pageBytes / 1e3, 1)} kB a version) as shared too: ${fmt(strictBoundBytes / 1e6, 1)} MB (ratio ${fmt(combinedBytes / strictBoundBytes)})`);
    return { runSeconds, singleJobsSeconds, combinedBytes, boundBytes, strictBoundBytes, singlesBytes };
  } finally {
    for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
    await flow.close();
    await queue.close();
    connection.disconnect();
    await redis.stop();
    // BENCH_KEEP_FILES=1 keeps the PDFs to look at (pdfimages -list, pdffonts, qpdf).
    if (process.env.BENCH_KEEP_FILES) console.log(`  files kept in ${filesDir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The section alone: `node dist/bench/print-run-bench.js [rows]`. */
if (require.main === module) {
  benchPrintRun(Number(process.argv[2] ?? process.env.BENCH_RUN_ROWS ?? 600)).then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
