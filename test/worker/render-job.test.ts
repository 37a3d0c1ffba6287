import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UnrecoverableError } from 'bullmq';
import { DirectoryFileStore } from '../../common/node/file-store';
import { pdfKey } from '../../common/queue/names';
import { DESIGN_ERROR_PREFIX, type PrintJobData } from '../../common/queue/print-job';
import { seedSampleAssets } from '../../server/assets/sample-assets';
import { pdfHashOf } from '../../server/print-jobs/submit-print-job';
import { FontCache } from '../../worker/pdf/font-cache';
import { inProcessRenderer, type PdfRenderer } from '../../worker/pdf/pdf-renderer';
import { renderJob, type RenderableJob } from '../../worker/render-job';
import { RenderTimeoutError } from '../../worker/render-pool/render-timeout-error';
import { SAMPLE_IMPRINT } from '../../common/templates/sample-imprint';
import { lightFlyer } from '../support/heavy-poster';

let dir: string;
let store: DirectoryFileStore;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-render-job-'));
  store = new DirectoryFileStore(dir);
  await seedSampleAssets(store);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function jobOf(title: string, failedReason?: string): RenderableJob & { progress: number[] } {
  const design = lightFlyer(title);
  const data: PrintJobData = { design, copies: 1, pdfHash: pdfHashOf(design), acceptedAt: Date.now() };
  const progress: number[] = [];
  return { data, failedReason, progress, updateProgress: async (p: number) => void progress.push(p) };
}

const timingOut: PdfRenderer = () => Promise.reject(new RenderTimeoutError(500));
const clock = () => performance.now();

describe('renderJob', () => {
  it('renders and stores the PDF under its hash, saying once that the render has started', async () => {
    const job = jobOf('Rendered in process');
    // A clock that stands still: however long this machine takes to draw, no interval passes.
    const result = await renderJob(job, { store, render: inProcessRenderer(new FontCache()), clock: () => 0 });
    expect(result).toMatchObject({ pages: 2, renderMs: expect.any(Number) });
    expect((await store.stat(pdfKey(result.pdfHash)))?.size).toBe(result.bytes);
    // No page-by-page progress within an interval, and completing the job says 100.
    expect(job.progress).toEqual([10]);
  });

  it('reports the progress of a slow render at most every PROGRESS_INTERVAL_MS', async () => {
    let now = 0;
    const slow: PdfRenderer = async (request, onProgress) => {
      for (const percent of [25, 50, 75, 100]) {
        now += 300;
        onProgress?.(percent);
      }
      return inProcessRenderer(new FontCache())(request);
    };
    const job = jobOf('Drawn slowly');
    await renderJob(job, { store, render: slow, clock: () => now });
    expect(job.progress).toEqual([10, 10 + 0.8 * 50, 10 + 0.8 * 100]);
  });

  it('skips the render when the PDF is already stored (a second pass after a crash)', async () => {
    const render = jest.fn(inProcessRenderer(new FontCache()));
    await renderJob(jobOf('Stored once'), { store, render, clock });
    const again = await renderJob(jobOf('Stored once'), { store, render, clock });
    expect(render).toHaveBeenCalledTimes(1);
    expect(again.renderMs).toBe(0);
  });

  it('refuses for good, as the design\'s fault, a job whose imprint is still the template\'s sample, and draws nothing', async () => {
    const job = jobOf('Sample imprint');
    const data = job.data as PrintJobData;
    job.data = { ...data, design: { ...data.design, imprint: SAMPLE_IMPRINT } };
    const render = jest.fn(inProcessRenderer(new FontCache()));
    const err = (await renderJob(job, { store, render, clock }).catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(UnrecoverableError);
    expect(err.message).toMatch(new RegExp(`^${DESIGN_ERROR_PREFIX}the imprint still has sample details \\(imprint\\.promoter\\.name, `));
    expect(render).not.toHaveBeenCalled();
  });

  it("refuses for good a job whose design breaks its template's locks (the job data names them), and draws nothing", async () => {
    const job = jobOf('Locked logo moved');
    const data = job.data as PrintJobData;
    const [first] = data.design.pages[0]!.elements;
    const moved = { ...first!, box: { ...first!.box, y: first!.box.y + 5, height: first!.box.height - 5 } };
    const templateLocks = { templateId: 'a'.repeat(32), version: 1, organisationName: 'National Party', locked: [{ page: 0, element: first! }] };
    job.data = { ...data, design: { ...data.design, pages: [{ ...data.design.pages[0]!, elements: [moved, ...data.design.pages[0]!.elements.slice(1)] }, ...data.design.pages.slice(1)] }, templateLocks };
    const render = jest.fn(inProcessRenderer(new FontCache()));
    const err = (await renderJob(job, { store, render, clock }).catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(UnrecoverableError);
    expect(err.message).toBe(`${DESIGN_ERROR_PREFIX}element "${first!.id}" is locked by National Party: it cannot be moved or resized`);
    expect(render).not.toHaveBeenCalled();
    // The same job with its locked element in place renders.
    job.data = { ...data, templateLocks };
    await expect(renderJob(job, { store, render, clock })).resolves.toMatchObject({ pages: 2 });
  });

  describe('when the render times out', () => {
    it('fails the attempt so that BullMQ retries it, the first time', async () => {
      const err = await renderJob(jobOf('Slow once'), { store, render: timingOut, clock }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RenderTimeoutError);
      expect(err).not.toBeInstanceOf(UnrecoverableError);
    });

    it('fails the job for good, as the design being too heavy, when the previous attempt timed out too', async () => {
      const previous = new RenderTimeoutError(500).message;
      const err = (await renderJob(jobOf('Slow twice', previous), { store, render: timingOut, clock }).catch((e: unknown) => e)) as Error;
      expect(err).toBeInstanceOf(UnrecoverableError);
      expect(err.message).toBe(`${DESIGN_ERROR_PREFIX}this design took longer than 0.5 s to draw, twice; use fewer or smaller images, or less text`);
    });

    it('retries again when the previous attempt failed for another reason', async () => {
      const err = await renderJob(jobOf('Slow after a hiccup', 'image x is not in the file store'), { store, render: timingOut, clock }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RenderTimeoutError);
    });
  });

  it('fails invalid job data as unrecoverable, without rendering', async () => {
    const render = jest.fn(timingOut);
    const err = (await renderJob({ data: { design: 42 }, updateProgress: async () => undefined }, { store, render, clock }).catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(UnrecoverableError);
    expect(err.message.startsWith(DESIGN_ERROR_PREFIX)).toBe(true);
    expect(render).not.toHaveBeenCalled();
  });

  it('warns of a photo with more ink than the limit, on the render and on a repeat that finds the PDF stored', async () => {
    const job = jobOf('Ink-heavy photo');
    const strict = { richBlack: null, maxInkCoverage: 200 };
    job.data = { ...(job.data as PrintJobData), print: strict, pdfHash: pdfHashOf((job.data as PrintJobData).design, strict) };
    const deps = { store, render: inProcessRenderer(new FontCache()), clock };
    const first = await renderJob(job, deps);
    const second = await renderJob({ ...job, progress: [] } as RenderableJob, deps);
    expect(second.renderMs).toBe(0);
    for (const result of [first, second]) {
      expect(result.warnings).toContainEqual(expect.objectContaining({ code: 'ink-coverage', elementId: 'photo', message: expect.stringMatching(/limit is 200 %/) }));
    }
  });
});
