import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { layoutDesign } from '../../../common/layout/layout-design';
import { DirectoryFileStore } from '../../../common/node/file-store';
import { RenderPool } from '../../../worker/render-pool/render-pool';
import { RenderTimeoutError } from '../../../worker/render-pool/render-timeout-error';
import { builtDist } from '../../support/built-dist';
import { heavyPoster, lightFlyer } from '../../support/heavy-poster';
import { readPdf } from '../../support/read-pdf';
import { readAssetInfo } from '../../../common/node/asset-info';
import { assetKey } from '../../../common/queue/names';
import type { Design } from '../../../common/design/design-schema';
import { SAMPLE_PHOTO_PATH } from '../../../server/assets/sample-assets';
import { SAMPLE_PHOTO_ID, SAMPLE_PHOTO_SIZE } from '../../../common/templates/sample-photo';
import { patient } from '../../support/wait-for';

/** The pool runs the compiled thread (worker threads cannot load TypeScript). */
let threadFile: string;
let dir: string;
let store: DirectoryFileStore;
beforeAll(() => {
  threadFile = path.join(builtDist(['worker/render-pool/render-thread.js']), 'worker', 'render-pool', 'render-thread.js');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-pool-'));
  store = new DirectoryFileStore(dir);
}, patient(120_000));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function requestFor(design: Design) {
  const infos = new Map<string, { width: number; height: number }>();
  const images = new Map<string, Buffer>();
  for (const el of design.pages.flatMap((p) => p.elements)) {
    if (el.kind !== 'image') continue;
    if (el.assetId === SAMPLE_PHOTO_ID) {
      infos.set(el.assetId, SAMPLE_PHOTO_SIZE);
      images.set(el.assetId, fs.readFileSync(SAMPLE_PHOTO_PATH));
    } else {
      const info = (await readAssetInfo(store, el.assetId))!;
      infos.set(el.assetId, info);
      images.set(el.assetId, (await store.read(assetKey(el.assetId, 'png')))!);
    }
  }
  return { layout: layoutDesign(design, infos), title: design.title, images };
}

describe('RenderPool', () => {
  it('draws PDFs on its threads, with progress, several at once', async () => {
    const pool = new RenderPool({ size: 2, timeoutMs: 10_000, threadFile });
    try {
      const progress: number[] = [];
      const pdfs = await Promise.all([1, 2, 3].map(async (n) => pool.render(await requestFor(lightFlyer(`Pooled ${n}`)), (p) => progress.push(p))));
      for (const [i, pdf] of pdfs.entries()) {
        expect(pdf.pages).toBe(2);
        const facts = await readPdf(pdf.data);
        expect(facts.info.Title).toBe(`Pooled ${i + 1}`);
      }
      expect(progress).toContain(100);
    } finally {
      await pool.close();
    }
  });

  it('draws a proof, marked on every page, when the request asks for one', async () => {
    const pool = new RenderPool({ size: 1, timeoutMs: 10_000, threadFile });
    try {
      const pdf = await pool.render({ ...(await requestFor(lightFlyer('Pooled proof'))), proof: true });
      const facts = await readPdf(pdf.data);
      expect(facts.info.Title).toBe('PROOF — NOT APPROVED: Pooled proof');
      for (const page of facts.text.split('\f').filter((p) => p.trim())) expect(page).toContain('PROOF — NOT APPROVED');
    } finally {
      await pool.close();
    }
  });

  it('terminates a render that runs past the timeout, replaces the thread and keeps rendering', async () => {
    const lost: string[] = [];
    // The limit is read per render: 300 ms for the heavy poster, then a generous one for the render on the
    // fresh thread, whose first photo (colour transform built on first use, six fonts parsed) is slow under load.
    let limitMs = 300;
    const pool = new RenderPool({ size: 1, timeoutMs: () => limitMs, threadFile, onThreadLost: (reason) => lost.push(reason) });
    try {
      const heavy = await requestFor(await heavyPoster(store, 'Too slow for the pool'));
      const progress: number[] = [];
      // The pool gave up on the render (its timer fired and it terminated the thread) rather than waiting
      // for the poster to be drawn: the render fails with the timeout, never having reached 100 %.
      const failure = await pool.render(heavy, (p) => progress.push(p)).then(() => null, (err: unknown) => err);
      expect(failure).toBeInstanceOf(RenderTimeoutError);
      expect((failure as RenderTimeoutError).timeoutMs).toBe(300);
      expect(progress).not.toContain(100);
      expect(lost).toEqual(['render timed out after 300 ms; thread terminated']);
      limitMs = 60_000;
      const pdf = await pool.render(await requestFor(lightFlyer('After the timeout')));
      expect(pdf.pages).toBe(2);
      expect(lost).toHaveLength(1);
      expect(pool.busy).toBe(0);
    } finally {
      await pool.close();
    }
  }, patient(120_000));

  it('fails the renders still waiting when it is closed', async () => {
    const pool = new RenderPool({ size: 1, timeoutMs: 10_000, threadFile });
    const request = await requestFor(lightFlyer('Never drawn'));
    const pending = [pool.render(request), pool.render(request)].map((p) => expect(p).rejects.toThrow('the render pool is closed'));
    await pool.close();
    await Promise.all(pending);
    await expect(pool.render(request)).rejects.toThrow('the render pool is closed');
  });
});
