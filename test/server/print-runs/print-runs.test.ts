import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { FileStore } from '../../../common/node/file-store';
import { assetKey, rateLimitPrefix } from '../../../common/queue/names';
import { callJson } from '../../support/call-json';
import { CALM } from '../../support/calm-probes';
import { startRosette, type RunningRosette } from '../../support/in-process-rosette';
import { recordedLeaks } from '../../support/leak-watch';
import { readPdf } from '../../support/read-pdf';
import { withRealImprint } from '../../support/real-imprint';
import type { TestClient } from '../../support/test-client';
import { patient, waitForValue } from '../../support/wait-for';
import { hidingReads } from '../../support/hiding-store';
import { MAX_VARIANT_ROWS } from '../../../common/variants/variant-table';

type Json = Record<string, any>;

const WARDS = ['Abbey', 'Brunswick', 'Castle', 'Dene', 'Eastfield', 'Fairfield', 'Grange', 'Harbour', 'Ings', 'Jubilee', 'Kingsway', 'Lowfield', 'Marsh', 'Newtown', 'Oakfield', 'Priory', 'Quayside', 'Riverside', 'St Mary', 'Townend'];
const FIELDS = [
  { key: 'ward', label: 'Ward', page: 0, elementId: 'vote' },
  { key: 'candidate', label: "Candidate's name", page: 0, elementId: 'headline' },
  { key: 'photo', label: 'Photo', page: 0, elementId: 'photo' },
];
/** What a run's body confirms: the flyer's paragraphs are still the template's words. */
const CONFIRM = { confirm: { unchangedTemplateText: true } };

/** Asset files the worker cannot read while listed here (the server reads only their facts): a render that fails until they are back. */
const hidden = new Set<string>();
const hiding = (store: FileStore): FileStore => hidingReads(store, (key) => hidden.has(key));

let rosette: RunningRosette;
let campaigner: TestClient;
let outsider: TestClient;
let admin: TestClient;
let template: Json;
let photoId: string;

const call = callJson;
const saveDesign = async (client: TestClient, title: string) => {
  const { status, body } = await call(client, '/api/designs', { design: { ...withRealImprint(template), title } });
  expect(status).toBe(201);
  return body.id as string;
};
const rowsOf = (wards: readonly string[], photo = photoId) => wards.map((w, i) => ({ ward: `Vote in ${w} on 7 May`, candidate: `Candidate ${i + 1}`, photo }));
const withTable = async (client: TestClient, title: string, rows: Json[]) => {
  const id = await saveDesign(client, title);
  const saved = await call(client, `/api/designs/${id}/variants`, { fields: FIELDS, rows }, 'PUT');
  expect(saved.status).toBe(200);
  return id;
};
const runOf = (client: TestClient, runId: string) => call(client, `/api/runs/${runId}`);
const waitForRun = (client: TestClient, runId: string, status: string) =>
  waitForValue(`run ${runId} ${status}`, async () => {
    const { body } = await runOf(client, runId);
    return body.status === status ? body : null;
  }, { timeoutMs: patient(60_000), everyMs: 100 });
/** Image placements and distinct image objects of a PDF (`pdfimages -list`: one line per placement, with its object number). */
const imageObjects = (pdf: Buffer) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-run-pdf-'));
  try {
    fs.writeFileSync(path.join(dir, 'run.pdf'), pdf);
    const lines = execFileSync('pdfimages', ['-list', path.join(dir, 'run.pdf')], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    // Columns: page num type width height color comp bpc enc interp object ID ...
    const rows = lines.map((l) => l.trim().split(/\s+/)).filter((cols) => cols[2] === 'image');
    return { uses: rows.length, objects: new Set(rows.map((cols) => cols[10])).size };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};
/** Jobs (renders and runs) on the print queue, counted by their hashes in Redis. */
const jobsIn = async (r: RunningRosette) => (await r.serverRedis.keys('rosette:print-jobs:*')).filter((k) => /:(run-)?[a-f0-9]{32}$/.test(k)).length;
const download = async (url: string) => Buffer.from(await (await fetch(rosette.baseUrl + url)).arrayBuffer());
const uploadPhoto = async (client: TestClient, colour: string) => {
  const jpeg = await sharp({ create: { width: 1800, height: 700, channels: 3, background: colour } }).jpeg().toBuffer();
  const res = await client.request('/api/assets', { method: 'POST', body: new Uint8Array(jpeg) as BodyInit, headers: { 'Content-Type': 'image/jpeg' } });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
};

beforeAll(async () => {
  rosette = await startRosette({}, undefined, { ...CALM, wrapStore: hiding });
  campaigner = await rosette.signedIn(await rosette.createAccount({ organisation: 'Riverside Labour' }));
  outsider = await rosette.signedIn(await rosette.createAccount({ organisation: 'Hillside Greens' }));
  admin = await rosette.signedIn(await rosette.createAccount({ role: 'admin', organisation: 'Rosette' }));
  template = ((await (await campaigner.request('/api/templates/a5-flyer')).json()) as { design: Json }).design;
  photoId = template.pages[0].elements.find((e: Json) => e.kind === 'image').assetId;
}, patient(30_000));
afterAll(async () => {
  await rosette?.close();
  expect(recordedLeaks()).toEqual([]);
});

describe('a print run of twenty wards', () => {
  it('is refused whole, naming the row, when one ward is too long for its line', async () => {
    const wards = [...WARDS];
    wards[6] = 'Grange and Upper Holloway Park with the Old Town Quarter and Riverside Meadows';
    const id = await withTable(campaigner, 'Too long', rowsOf(wards));
    const { status, body } = await call(campaigner, `/api/designs/${id}/runs`, CONFIRM);
    expect(status).toBe(422);
    expect(body.error.code).toBe('variant_not_printable');
    expect(body.error.message).toMatch(/^row 7, ward: /);
    expect(body.error.fields.map((f: Json) => f.path)).toEqual(['rows[6].ward']);
    // Not partly accepted: no job of it reached the queue.
    expect(await jobsIn(rosette)).toBe(0);
  });

  it('renders every ward, the progress reaching done, each version its own PDF with its own words', async () => {
    const id = await withTable(campaigner, 'Ward newsletter', rowsOf(WARDS));
    const started = await call(campaigner, `/api/designs/${id}/runs`, CONFIRM);
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ designId: id, designVersion: 1, counts: { variants: 20 } });
    expect(started.body.variants.map((v: Json) => v.label)).toEqual(WARDS.map((w) => `Vote in ${w} on 7 May`));
    const done = await waitForRun(campaigner, started.body.id, 'done');
    expect(done.counts).toEqual({ variants: 20, done: 20, failed: 0, waiting: 0 });
    for (const variant of done.variants as Json[]) {
      const pdf = await readPdf(await download(variant.download.url));
      expect(pdf.info.Pages).toBe('2');
      const text = pdf.text.replace(/\s+/g, ' ');
      expect(text).toContain(`Vote in ${WARDS[variant.n]} on 7 May`);
      expect(text).toContain(`Candidate ${variant.n + 1}`);
    }
    // The combined PDF: every version's two pages in row order, the photo they share embedded once, each font once.
    expect(done.combined.url).toMatch(/^\/downloads\/[a-f0-9]{64}\.pdf$/);
    const combinedPdf = await download(done.combined.url);
    const combined = await readPdf(combinedPdf);
    expect(combined.info.Pages).toBe('40');
    const text = combined.text.replace(/\s+/g, ' ');
    const places = WARDS.map((w) => text.indexOf(`Vote in ${w} on 7 May`));
    expect(places.every((at) => at >= 0)).toBe(true);
    expect([...places].sort((a, b) => a - b)).toEqual(places);
    const images = imageObjects(combinedPdf);
    expect(images.uses).toBe(20);
    expect(images.objects).toBe(1);
    expect(new Set(combined.fonts.map((f) => f.name)).size).toBe(combined.fonts.length);
    // The ZIP: each version's PDF, named after its row, in row order.
    const zipRes = await campaigner.request(done.zip.url);
    expect(zipRes.status).toBe(200);
    expect(zipRes.headers.get('content-type')).toBe('application/zip');
    const zipDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-run-zip-'));
    try {
      fs.writeFileSync(path.join(zipDir, 'run.zip'), Buffer.from(await zipRes.arrayBuffer()));
      const names = execFileSync('unzip', ['-Z1', path.join(zipDir, 'run.zip')], { encoding: 'utf8' }).split('\n').filter(Boolean);
      expect(names).toEqual(WARDS.map((w, i) => `${String(i + 1).padStart(2, '0')} Vote in ${w} on 7 May.pdf`));
      execFileSync('unzip', ['-q', path.join(zipDir, 'run.zip'), '-d', zipDir]);
      expect((await readPdf(fs.readFileSync(path.join(zipDir, names[7]!)))).text).toContain('Vote in Harbour on 7 May');
    } finally {
      fs.rmSync(zipDir, { recursive: true, force: true });
    }
    expect((await outsider.request(done.zip.url)).status).toBe(404);
    // The audit keeps counts, never a ward or a name.
    const entries = (await call(admin, '/api/admin/audit')).body.entries as Json[];
    expect(entries.find((e) => e.action === 'print-run.started' && e.targetId === started.body.id)).toMatchObject({ details: { designId: id, variants: 20, renders: 20 } });
    expect(JSON.stringify(entries)).not.toContain('Brunswick');
  });

  it('renders identical versions once', async () => {
    const rows = rowsOf(['Abbey', 'Abbey', 'Abbey', 'Castle']).map((r) => ({ ...r, candidate: 'Same candidate' }));
    const id = await withTable(campaigner, 'Twins', rows);
    const before = rosette.stats.renders;
    const started = await call(campaigner, `/api/designs/${id}/runs`, CONFIRM);
    const done = await waitForRun(campaigner, started.body.id, 'done');
    const urls = (done.variants as Json[]).map((v) => v.download.url);
    expect(new Set(urls).size).toBe(2);
    expect(urls[0]).toBe(urls[2]);
    expect(rosette.stats.renders - before).toBe(2);
    // Its combined PDF did not fail: nothing to retry for the run as a whole.
    expect(done).toMatchObject({ failure: null, retryUrl: null });
    const again = await call(campaigner, `/api/runs/${started.body.id}/retry`, {});
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'run_not_failed' });
  });

  it('is another organisation\'s business: 404 for its design, its run and its retry', async () => {
    const id = await withTable(campaigner, 'Private', rowsOf(WARDS.slice(0, 2)));
    expect((await call(outsider, `/api/designs/${id}/runs`, CONFIRM)).status).toBe(404);
    const started = await call(campaigner, `/api/designs/${id}/runs`, CONFIRM);
    const seen = await runOf(outsider, started.body.id);
    expect(seen.status).toBe(404);
    expect(JSON.stringify(seen.body)).not.toContain('Abbey');
    expect((await call(outsider, `/api/runs/${started.body.id}/variants/0/retry`, {})).status).toBe(404);
    expect((await call(outsider, `/api/runs/${started.body.id}/retry`, {})).status).toBe(404);
  });
});

describe('the print history', () => {
  const historyOf = async (client: TestClient) => (await call(client, '/api/print-history')).body as { printJobs: Json[]; printRuns: Json[] };

  it('lists a run once, with its combined PDF and ZIP, never its versions, and only to its organisation', async () => {
    const id = await withTable(campaigner, 'Listed once', rowsOf(WARDS.slice(0, 3)));
    const started = await call(campaigner, `/api/designs/${id}/runs`, CONFIRM);
    const done = await waitForRun(campaigner, started.body.id, 'done');
    // The versions' print records are written from the queue's events: once all three are there, "not listed" says something.
    const jobIds = [...new Set((await rosette.db.selectFrom('print_run_variants').select('job_id').where('run_id', '=', started.body.id).execute()).map((r) => r.job_id))];
    await waitForValue('the versions\' print records', async () => {
      const rows = await rosette.db.selectFrom('print_jobs').select('status').where('id', 'in', jobIds).execute();
      return rows.length === 3 && rows.every((r) => r.status === 'done') ? rows : null;
    });
    const history = await historyOf(campaigner);
    expect(history.printJobs.filter((j) => jobIds.includes(j.id))).toEqual([]);
    expect(history.printJobs.filter((j) => j.title === 'Listed once')).toEqual([]);
    const listed = history.printRuns.filter((r) => r.title === 'Listed once');
    expect(listed).toEqual([
      {
        id: started.body.id,
        title: 'Listed once',
        versions: 3,
        status: 'done',
        sentByYou: true,
        sentAt: started.body.createdAt,
        combinedUrl: done.combined.url,
        zipUrl: done.zip.url,
        statusUrl: `/api/runs/${started.body.id}`,
        designId: id,
      },
    ]);
    // Newest first; no ward or candidate of a row in the list.
    expect(history.printRuns[0]!.id).toBe(started.body.id);
    expect(JSON.stringify(history)).not.toContain('Vote in Abbey');
    expect((await historyOf(outsider)).printRuns).toEqual([]);
    // A deleted design's run stays listed, its Versions screen no longer offered.
    expect((await campaigner.request(`/api/designs/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await historyOf(campaigner)).printRuns.find((r) => r.id === started.body.id)).toMatchObject({ designId: null, status: 'done' });
  });
});

describe('a version that fails', () => {
  it('keeps the run waiting until it is retried alone, then the run is done', async () => {
    const failing = await uploadPhoto(campaigner, '#336699');
    hidden.add(assetKey(failing, 'jpg'));
    const rows = rowsOf(WARDS.slice(0, 3));
    rows[1]!.photo = failing;
    const id = await withTable(campaigner, 'One fails', rows);
    const started = await call(campaigner, `/api/designs/${id}/runs`, CONFIRM);
    expect(started.status).toBe(202);
    const stuck = await waitForRun(campaigner, started.body.id, 'needs_retry');
    expect(stuck.counts).toEqual({ variants: 3, done: 2, failed: 1, waiting: 0 });
    // The print history says so too, from the versions' print records (written from the queue's events).
    const listed = await waitForValue('the run listed with a failed version', async () => {
      const runs = (await call(campaigner, '/api/print-history')).body.printRuns as Json[];
      return runs.find((r) => r.id === started.body.id && r.status === 'needs_retry') ?? null;
    });
    expect(listed).toMatchObject({ versions: 3, combinedUrl: null, zipUrl: null });
    const failed = stuck.variants[1] as Json;
    expect(failed).toMatchObject({ n: 1, status: 'failed', download: null, retryUrl: `/api/runs/${started.body.id}/variants/1/retry` });
    expect(failed.failure).toMatch(/retry this version/);
    // A version that has not failed has nothing to retry.
    expect((await call(campaigner, `/api/runs/${started.body.id}/variants/0/retry`, {})).status).toBe(409);
    expect((await call(campaigner, `/api/runs/${started.body.id}/variants/99/retry`, {})).status).toBe(404);
    hidden.clear();
    const before = rosette.stats.renders;
    const retried = await call(campaigner, failed.retryUrl, {});
    expect(retried.status).toBe(202);
    const done = await waitForRun(campaigner, started.body.id, 'done');
    expect(done.counts).toEqual({ variants: 3, done: 3, failed: 0, waiting: 0 });
    // Only the failed version was drawn again.
    expect(rosette.stats.renders - before).toBe(1);
  }, patient(90_000));
});

describe("a run's admission", () => {
  let limited: RunningRosette;
  let client: TestClient;
  let tmpl: Json;
  const save = async (rows: Json[]) => {
    const { body } = await call(client, '/api/designs', { design: { ...withRealImprint(tmpl), title: 'Big' } });
    expect((await call(client, `/api/designs/${body.id}/variants`, { fields: FIELDS.slice(0, 1), rows }, 'PUT')).status).toBe(200);
    return body.id as string;
  };
  const wards = (n: number) => Array.from({ length: n }, (_, i) => ({ ward: `Ward ${i + 1}` }));

  beforeAll(async () => {
    // A budget of 30 print jobs a window. The backlog cap is 100 waiting jobs until the first overload
    // sample sees the worker, then what it drains in PRINT_MAX_WAIT_SECONDS (300 at its assumed 1 a second).
    limited = await startRosette({ RATE_LIMIT_PRINT_JOBS: '30' }, undefined, CALM);
    client = await limited.signedIn(await limited.createAccount({ organisation: 'Riverside Labour' }));
    tmpl = ((await (await client.request('/api/templates/a5-flyer')).json()) as { design: Json }).design;
  }, patient(30_000));
  afterAll(async () => {
    await limited?.close();
  });

  it('refuses a run bigger than the queue takes, whole, with Retry-After', async () => {
    // More than either cap, whichever the server has when the run arrives (a run of 150 met the rate
    // limit instead on a busy machine, where the first sample came before it).
    const id = await save(wards(MAX_VARIANT_ROWS));
    const res = await client.request(`/api/designs/${id}/runs`, { json: CONFIRM });
    expect(res.status).toBe(503);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await res.json()) as Json).error.code).toBe('print_queue_full');
    expect(await jobsIn(limited)).toBe(0);
  });

  it('counts a run against the print-jobs budget by its versions, accepting it whole or not at all', async () => {
    // The budget is 30 a window, halved while the ladder is at busy or above (a test process often is).
    const budget = limited.servers[0]!.overload.rung >= 1 ? 15 : 30;
    const first = await call(client, `/api/designs/${await save(wards(budget - 5))}/runs`, CONFIRM);
    expect(first.status).toBe(202);
    const keys = await limited.serverRedis.keys(`${rateLimitPrefix('print-jobs')}*`);
    expect(keys).toHaveLength(1);
    // The refused run above counted one request; this run counted one per version.
    expect(Number(await limited.serverRedis.get(keys[0]!))).toBe(budget - 4);
    // 20 more is past what is left whether the budget is 15 or 30 when it arrives (the ladder may move in between).
    const res = await client.request(`/api/designs/${await save(wards(20))}/runs`, { json: CONFIRM });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await res.json()) as Json).error.code).toBe('rate_limited');
    // Nothing of the refused run was added: the counter has the refused request itself, no more, and no job of it is queued.
    expect(Number(await limited.serverRedis.get(keys[0]!))).toBe(budget - 3);
    expect(await jobsIn(limited)).toBe(1 + budget - 5);
    // A run of one still fits in what is left, while the budget is the one read above.
    const rungBefore = limited.servers[0]!.overload.rung;
    const one = (await call(client, `/api/designs/${await save(wards(1))}/runs`, CONFIRM)).status;
    if ((rungBefore >= 1 ? 15 : 30) === budget && limited.servers[0]!.overload.rung === rungBefore) expect(one).toBe(202);
  });

});
