import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Redis } from 'ioredis';
import type { Design } from '../../common/design/design-schema';
import { DirectoryFileStore } from '../../common/node/file-store';
import { createFailFastRedis } from '../../common/node/redis-connection';
import { readWorkerHeartbeats } from '../../common/node/worker-heartbeats';
import { assetKey, pdfKey, RENDER_JOB, workerHeartbeatKey } from '../../common/queue/names';
import { DESIGN_ERROR_PREFIX, type PrintJobData } from '../../common/queue/print-job';
import { storeAsset } from '../../server/assets/asset-service';
import { processImage } from '../../server/assets/process-image';
import { seedSampleAssets } from '../../server/assets/sample-assets';
import { PrintQueue, RENDER_ATTEMPTS } from '../../server/print-jobs/print-queue';
import { jobIdOf, pdfHashOf } from '../../server/print-jobs/submit-print-job';
import { builtDist } from '../support/built-dist';
import { heavyPoster, lightFlyer } from '../support/heavy-poster';
import { startTestRedis } from '../support/test-redis';
import { waitForValue, patient } from '../support/wait-for';
import { WorkerProcess } from '../support/worker-process';

/**
 * Fault injection with real processes: worker processes forked from dist/, a redis-server of the
 * test's own (with the append-only file where a restart must keep the data), and the server's real
 * producer (PrintQueue) enqueueing. "Exactly once" is read from three places: the queue's event stream
 * (one `completed` event per job), the file store (one PDF per design) and the workers' logs.
 */

/** Settings that make a dead worker's jobs come back within seconds instead of a minute. */
const FAST_RECOVERY = { WORKER_LOCK_MS: '2000', WORKER_STALLED_INTERVAL_MS: '1000', WORKER_HEARTBEAT_MS: '300' };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it gives a value; a probe that throws (Redis away) counts as not yet. */
const until = <T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs: number): Promise<T> =>
  waitForValue(what, probe, { timeoutMs, everyMs: 50, ignoreErrors: true });

/** A Redis, a file store, the producer and the worker processes of one scenario. */
async function startRig(options: { persistent?: boolean } = {}) {
  const redis = await startTestRedis(options);
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-faults-'));
  const store = new DirectoryFileStore(filesDir);
  await seedSampleAssets(store);
  // The server's fail-fast connection, with a longer command timeout: making the heavy poster keeps this
  // process's event loop busy for a second or two on a slow machine.
  const connection: Redis = createFailFastRedis(redis.url, { commandTimeout: 15_000 });
  connection.on('error', () => undefined);
  await new Promise((resolve) => connection.once('ready', resolve));
  const queue = new PrintQueue(connection);
  queue.queue.on('error', () => undefined);
  const workers: WorkerProcess[] = [];

  return {
    redis,
    store,
    filesDir,
    queue,
    connection,
    worker(env: Record<string, string> = {}) {
      const w = new WorkerProcess({ REDIS_URL: redis.url, FILES_DIR: filesDir, WORKER_CONCURRENCY: '1', WORKER_METRICS_PORT: '0', ...FAST_RECOVERY, ...env });
      workers.push(w);
      return w;
    },
    /** Enqueues one copy of `design` as the server does; returns the job id. */
    async enqueue(design: Design): Promise<string> {
      const id = jobIdOf(design, 1);
      const data: PrintJobData = { design, copies: 1, pdfHash: pdfHashOf(design), acceptedAt: Date.now() };
      await queue.enqueue(id, data);
      return id;
    },
    async job(id: string) {
      const job = await queue.queue.getJob(id);
      if (!job) throw new Error(`job ${id} is gone`);
      return job;
    },
    async state(id: string) {
      return (await this.job(id)).getState();
    },
    /** `completed` events per job id in the queue's event stream. */
    async completions(): Promise<Map<string, number>> {
      const entries = await connection.xrange(queue.queue.toKey('events'), '-', '+');
      const counts = new Map<string, number>();
      for (const [, fields] of entries) {
        const f = Object.fromEntries(fields.flatMap((v, i, a) => (i % 2 === 0 ? [[v, a[i + 1]]] : [])));
        if (f.event === 'completed') counts.set(f.jobId!, (counts.get(f.jobId!) ?? 0) + 1);
      }
      return counts;
    },
    /** Names of the PDFs in the file store (temporary files excluded). */
    pdfs(): string[] {
      const dir = path.join(filesDir, 'pdfs');
      return fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.endsWith('.pdf')).sort() : [];
    },
    async close() {
      await Promise.all(workers.map((w) => w.stop('SIGKILL')));
      await queue.close().catch(() => undefined);
      connection.disconnect();
      await redis.cleanup();
      fs.rmSync(filesDir, { recursive: true, force: true });
    },
  };
}
type Rig = Awaited<ReturnType<typeof startRig>>;

/** Every job completed, each exactly once, each with its own PDF. */
async function expectEachCompletedOnce(rig: Rig, designs: Design[], ids: string[]) {
  for (const id of ids) expect(await rig.state(id)).toBe('completed');
  const completions = await rig.completions();
  expect(ids.map((id) => completions.get(id))).toEqual(ids.map(() => 1));
  expect(rig.pdfs()).toEqual(designs.map((d) => `${pdfHashOf(d)}.pdf`).sort());
}

beforeAll(() => {
  builtDist(['worker/main.js', 'worker/render-pool/render-thread.js']);
}, patient(120_000));

describe('when a worker is killed with SIGKILL in the middle of a render', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('lets another worker render the job, which completes exactly once', async () => {
    const design = await heavyPoster(rig.store, 'Killed mid-render');
    const id = await rig.enqueue(design);
    const first = rig.worker();
    await until('render started', async () => {
      const job = await rig.job(id);
      return (await job.getState()) === 'active' && typeof job.progress === 'number' && job.progress >= 10;
    }, 15_000);
    await first.stop('SIGKILL');
    expect(await rig.store.stat(pdfKey(pdfHashOf(design)))).toBeNull();
    expect(await rig.state(id)).toBe('active');

    const second = rig.worker();
    await until('job completed', async () => (await rig.state(id)) === 'completed', 20_000);

    const job = await rig.job(id);
    expect(job.returnvalue.renderMs).toBeGreaterThan(0);
    expect(job.stalledCounter).toBe(1);
    expect(job.attemptsStarted).toBe(2);
    expect(job.attemptsMade).toBe(1);
    await expectEachCompletedOnce(rig, [design], [id]);
    // The worker logs after BullMQ has marked the job completed: wait for the line to come through its pipe.
    await until('done logged', async () => second.lines('print job done').some((l) => l.jobId === id), 10_000);
    expect(second.lines('print job done').filter((l) => l.jobId === id)).toHaveLength(1);
    expect(first.lines('print job done')).toHaveLength(0);
    expect(second.alive).toBe(true);
  }, patient(30_000));
});

describe('when Redis crashes with jobs queued and stays down longer than drainDelay', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig({ persistent: true });
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('keeps the worker running, and after Redis returns completes every accepted job exactly once', async () => {
    const designs = [await heavyPoster(rig.store, 'Rendering when Redis crashes'), ...[1, 2, 3, 4].map((n) => lightFlyer(`Queued during the outage ${n}`))];
    const ids: string[] = [];
    for (const d of designs) ids.push(await rig.enqueue(d));
    const worker = rig.worker({ WORKER_DRAIN_DELAY_S: '5' });
    await until('poster rendering', async () => (await rig.state(ids[0]!)) === 'active', 15_000);
    // The append-only file is written every second: what Redis acknowledged a second ago is on disk.
    await sleep(1100);
    expect(await rig.queue.waitingCount()).toBe(4);

    await rig.redis.stop('SIGKILL');
    await sleep(6_000);
    expect(worker.alive).toBe(true);
    await rig.redis.start();

    await until('all jobs completed', async () => {
      for (const id of ids) if ((await rig.state(id)) !== 'completed') return false;
      return true;
    }, 20_000);
    // The poster's 2 s lock expired during the outage, so the stalled check hands it out again; its PDF was
    // stored meanwhile, and the second pass only marks it completed.
    // (Not how soon after Redis returned: that the stalled check did it, rather than a lock running out
    // a minute later, is what the fast-recovery settings are for.)
    expect((await rig.job(ids[0]!)).stalledCounter).toBeGreaterThanOrEqual(1);
    await expectEachCompletedOnce(rig, designs, ids);
    expect(worker.alive).toBe(true);
    expect(worker.lines('watchdog')).toHaveLength(0);
  }, patient(30_000));
});

describe('when a worker cannot reach Redis for longer than WORKER_WATCHDOG_MS', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(async () => {
    rig?.redis.thaw();
    await rig?.close();
  });

  it('replaces its BullMQ worker and connection, logs it, and finishes every job exactly once', async () => {
    const designs = [await heavyPoster(rig.store, 'Rendering when Redis freezes'), lightFlyer('Waiting while Redis is frozen 1'), lightFlyer('Waiting while Redis is frozen 2')];
    const ids: string[] = [];
    for (const d of designs) ids.push(await rig.enqueue(d));
    const worker = rig.worker({ WORKER_WATCHDOG_MS: '2000' });
    await until('poster rendering', async () => (await rig.state(ids[0]!)) === 'active', 15_000);

    // SIGSTOP: the sockets stay open but nothing answers, like a network path that dies silently.
    rig.redis.freeze();
    await worker.waitForLog((l) => l.msg.startsWith('watchdog: the BullMQ worker is stuck'), 8_000);
    await sleep(1_000);
    rig.redis.thaw();

    await until('all jobs completed', async () => {
      for (const id of ids) if ((await rig.state(id)) !== 'completed') return false;
      return true;
    }, 20_000);
    await expectEachCompletedOnce(rig, designs, ids);
    const replaced = worker.lines('watchdog: the BullMQ worker is stuck');
    expect(replaced[0]!.reason).toMatch(/^no successful Redis round trip for \d/);
    expect(worker.lines('watchdog: new BullMQ worker started').length).toBeGreaterThanOrEqual(1);
    expect(worker.alive).toBe(true);
    const [beat] = await until('heartbeat after recovery', async () => {
      const beats = await readWorkerHeartbeats(rig.connection);
      return beats.length === 1 && beats[0]!.recreations >= 1 ? beats : null;
    }, 5_000);
    expect(beat!.pid).toBe(worker.pid);
  }, patient(30_000));
});

describe('when a render runs longer than WORKER_RENDER_TIMEOUT_MS', () => {
  let rig: Rig;
  let worker: WorkerProcess;
  beforeAll(async () => {
    rig = await startRig();
    // At the normal priority, as every test worker is (WorkerProcess): the 0.5 s limit is wall-clock
    // time, and a niced worker on a busy machine gets a small share of it.
    worker = rig.worker({ WORKER_RENDER_TIMEOUT_MS: '500' });
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('kills the render, retries once, then fails the job as a design that is too heavy; the worker lives on', async () => {
    const design = await heavyPoster(rig.store, 'Too heavy to print');
    const id = await rig.enqueue(design);
    await until('job failed', async () => (await rig.state(id)) === 'failed', 15_000);

    const job = await rig.job(id);
    expect(job.attemptsMade).toBe(2);
    expect(job.failedReason.startsWith(DESIGN_ERROR_PREFIX)).toBe(true);
    expect((await rig.queue.find(id))!.failure).toBe('this design took longer than 0.5 s to draw, twice; use fewer or smaller images, or less text');
    expect(worker.lines('render thread replaced')).toHaveLength(2);
    expect(rig.pdfs()).toEqual([]);

    // The worker lives on: it takes the next job on a fresh render thread. Text only, so that render
    // normally stays well inside 0.5 s; on a machine loaded enough to stretch even that past the limit,
    // the fresh thread is killed in turn, with the same sentence, and the worker still lives on.
    const flyer = lightFlyer('Printed after a timeout');
    flyer.pages = flyer.pages.map((page) => ({ ...page, elements: page.elements.filter((e) => e.kind !== 'image') }));
    const flyerId = await rig.enqueue(flyer);
    const finished = await waitForValue('flyer finished', async () => {
      const state = await rig.state(flyerId);
      return state === 'completed' || state === 'failed' ? state : null;
    }, {
      timeoutMs: 20_000,
      everyMs: 50,
      ignoreErrors: true,
      detail: () => `worker log:\n${worker.logText()}`,
    });
    if (finished === 'completed') expect(rig.pdfs()).toHaveLength(1);
    else expect((await rig.queue.find(flyerId))!.failure).toBe('this design took longer than 0.5 s to draw, twice; use fewer or smaller images, or less text');
    expect(worker.alive).toBe(true);
  }, patient(30_000));
});

describe('when a job fails on every attempt', () => {
  let rig: Rig;
  let worker: WorkerProcess;
  beforeAll(async () => {
    rig = await startRig();
    worker = rig.worker();
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('fails a poison job after all its attempts and keeps it in the failed set for admins', async () => {
    // An image whose facts are stored but whose bytes went missing: every attempt fails, none is the design's fault.
    const small = await processImage(await sharpPng());
    const asset = await storeAsset(rig.store, small);
    fs.rmSync(path.join(rig.filesDir, assetKey(asset.id, 'png')));
    const design = lightFlyer('Poison');
    for (const el of design.pages[0]!.elements) if (el.kind === 'image') el.assetId = asset.id;
    const id = jobIdOf(design, 1);
    const data: PrintJobData = { design, copies: 1, pdfHash: pdfHashOf(design), acceptedAt: Date.now() };
    // The producer's attempts, with a short fixed backoff so the test does not wait 15 s of exponential backoff.
    await rig.queue.queue.add(RENDER_JOB, data, { jobId: id, attempts: RENDER_ATTEMPTS, backoff: { type: 'fixed', delay: 100 } });

    await waitForValue('job failed', async () => (await rig.state(id)) === 'failed', {
      timeoutMs: 15_000,
      everyMs: 50,
      ignoreErrors: true,
      detail: () => `worker log:\n${worker.logText()}`,
    });
    const job = await rig.job(id);
    expect(job.attemptsMade).toBe(RENDER_ATTEMPTS);
    expect(job.failedReason).toMatch(/is not in the file store/);
    expect((await rig.queue.queue.getFailed()).map((j) => j.id)).toContain(id);
    expect((await rig.queue.find(id))!.failure).toBe(`rendering failed after ${RENDER_ATTEMPTS} attempts; send the design again to retry`);
    expect(worker.alive).toBe(true);
  }, patient(30_000));
});

describe('when a worker is sent SIGTERM in the middle of a render', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('finishes the job in hand, removes its heartbeat and exits with 0', async () => {
    const design = await heavyPoster(rig.store, 'Finished before shutdown');
    const id = await rig.enqueue(design);
    const next = await rig.enqueue(lightFlyer('Left for the next worker'));
    const worker = rig.worker();
    await until('render started', async () => {
      const job = await rig.job(id);
      return (await job.getState()) === 'active' && typeof job.progress === 'number' && job.progress >= 10;
    }, 15_000);
    expect(await rig.connection.exists(workerHeartbeatKey(worker.lines('worker ready')[0]!.workerId as string))).toBe(1);

    const exit = await worker.stop('SIGTERM');
    expect(exit).toEqual({ code: 0, signal: null });
    expect(await rig.state(id)).toBe('completed');
    expect((await rig.job(id)).returnvalue.renderMs).toBeGreaterThan(0);
    expect(await rig.state(next)).toBe('waiting');
    expect(await readWorkerHeartbeats(rig.connection)).toEqual([]);
  }, patient(30_000));
});

describe('when a worker is sent SIGTERM while its Redis does not answer', () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await startRig();
  });
  afterEach(async () => {
    rig?.redis.thaw();
    await rig?.close();
  });

  /** A worker with no job in hand that has written its heartbeat, so it holds live connections to Redis. */
  async function idleWorker(): Promise<WorkerProcess> {
    const worker = rig.worker();
    await worker.waitForLog((l) => l.msg === 'worker ready');
    await until('heartbeat written', async () => (await readWorkerHeartbeats(rig.connection)).length === 1, 10_000);
    return worker;
  }

  it('exits by itself when Redis is frozen (SIGSTOP), forcing its connections closed when the graceful close cannot finish', async () => {
    const worker = await idleWorker();
    // SIGSTOP: the sockets stay open and nothing answers, so a QUIT or a blocking command never returns.
    rig.redis.freeze();
    worker.child.kill('SIGTERM');
    const exit = await worker.exited;
    // It exits by itself: cleanly (0) when nothing it closes needs an answer from Redis, or (1) having
    // forced its connections closed when the graceful close could not finish.
    expect(exit.signal).toBeNull();
    expect([0, 1]).toContain(exit.code);
    if (exit.code === 1) expect(worker.lines('shutdown did not finish in time; forcing connections closed')).toHaveLength(1);
  }, patient(30_000));

  it('exits by itself when Redis has been killed, forcing its connections closed when the graceful close cannot finish', async () => {
    const worker = await idleWorker();
    // Connections refused: a command may wait in the offline queue for a reconnection that never comes,
    // or the client may already know the connection is gone and close at once: which one depends on
    // how far ioredis got with its reconnection when the signal came.
    await rig.redis.stop('SIGKILL');
    worker.child.kill('SIGTERM');
    const exit = await worker.exited;
    expect(exit.signal).toBeNull();
    expect([0, 1]).toContain(exit.code);
    const forced = worker.lines('shutdown did not finish in time; forcing connections closed');
    expect(forced).toHaveLength(exit.code === 1 ? 1 : 0);
  }, patient(30_000));
});

describe('the worker heartbeat', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('is a key per live worker with a time to live of three intervals, gone soon after the worker dies', async () => {
    const a = rig.worker({ WORKER_CONCURRENCY: '2' });
    const b = rig.worker();
    const beats = await until('two heartbeats', async () => {
      const found = await readWorkerHeartbeats(rig.connection);
      return found.length === 2 ? found : null;
    }, 10_000);
    expect(beats.map((h) => h.pid).sort()).toEqual([a.pid, b.pid].sort());
    expect(beats.find((h) => h.pid === a.pid)).toMatchObject({ concurrency: 2, active: 0, ttlMs: 900, recreations: 0 });
    const ttl = await rig.connection.pttl(workerHeartbeatKey(beats[0]!.id));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(900);

    await a.stop('SIGKILL');
    const left = await until('one heartbeat left', async () => {
      const found = await readWorkerHeartbeats(rig.connection);
      return found.length === 1 ? found : null;
    }, 3_000);
    expect(left[0]!.pid).toBe(b.pid);
    // The container health check asks the metrics port, which answers while the event loop runs.
    const port = b.lines('worker ready')[0]!.metricsPort as number;
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  }, patient(30_000));

  it('runs at a lower scheduling priority (WORKER_NICE), render threads included, so servers on the same host come first', async () => {
    const worker = rig.worker({ WORKER_NICE: '12' });
    await worker.waitForLog((l) => l.msg === 'worker ready');
    const niceOf = (stat: string) => Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    const threadIds = fs.readdirSync(`/proc/${worker.pid}/task`).map(Number).sort((x, y) => x - y);
    const nice = (tid: number) => niceOf(fs.readFileSync(`/proc/${worker.pid}/task/${tid}/stat`, 'utf8'));
    // The main thread, and the render thread (WORKER_CONCURRENCY 1), the newest: threads take the
    // priority of the thread that starts them, so the pool starts after the priority is set.
    expect(nice(threadIds[0]!)).toBe(12);
    expect(nice(threadIds.at(-1)!)).toBe(12);
  }, patient(30_000));
});

/** A small PNG (64 x 64), as a campaigner might upload a logo. */
async function sharpPng(): Promise<Buffer> {
  const sharp = (await import('sharp')).default;
  return sharp({ create: { width: 64, height: 64, channels: 4, background: { r: 200, g: 16, b: 46, alpha: 0.5 } } }).png().toBuffer();
}
