import { cpuSecondsOf } from './process-cpu';
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { designSchema } from '../common/design/design-schema';
import { layoutDesign } from '../common/layout/layout-design';
import { DirectoryFileStore } from '../common/node/file-store';
import { freePort, LocalRedis } from '../common/node/local-redis';
import { startThrowawayPostgres, type LocalPostgres } from '../common/node/local-postgres';
import { pdfKey } from '../common/queue/names';
import { SAMPLE_PHOTO_ID } from '../common/templates/sample-photo';
import { findTemplate } from '../common/templates/templates';
import { SAMPLE_PHOTO_PATH, seedSampleAssets } from '../server/assets/sample-assets';
import { pdfHashOf } from '../server/print-jobs/submit-print-job';
import { FontCache } from '../worker/pdf/font-cache';
import { renderPdf } from '../worker/pdf/render-pdf';
import { fmt } from './stats';

export interface DownloadFigures {
  /** Bytes of the PDF served. */
  pdfBytes: number;
  requestsPerSecond: number;
  /** Megabytes (10^6 bytes) per second of response bodies and headers. */
  megabytesPerSecond: number;
  latencyMs: { p50: number; p99: number; max: number };
  /** Answers other than 200, and connection errors: both must be 0 for the figure to count. */
  non200: number;
  errors: number;
  /**
   * Downloads per second of CPU time the server process used during the run (Linux only): the
   * figure that still holds when the load generator and other programs share the machine's cores.
   */
  perServerCpuSecond: number | null;
  /** Cores the server process kept busy during the run, on average. */
  serverCores: number | null;
  /** Cores the load generator (this process) kept busy: near 1, it is the bottleneck, not the server. */
  generatorCores: number;
}

/**
 * Downloads per second of one finished PDF from one server process (dist/server/main.js, its own
 * redis-server and file store), loaded from this process by autocannon over keep-alive connections
 * on 127.0.0.1, bounded in time. The PDF is the A5 reference leaflet, rendered here first.
 * @param seconds How long the load runs.
 * @param connections Concurrent keep-alive connections.
 */
export async function benchDownloads(seconds: number, connections: number): Promise<DownloadFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-bench-downloads-'));
  const redis = new LocalRedis({ port: await freePort(), dir: path.join(dir, 'redis'), persistent: false });
  let server: ChildProcess | null = null;
  let postgres: LocalPostgres | null = null;
  try {
    await redis.start();
    const database = await startThrowawayPostgres(path.join(dir, 'postgres'), await freePort());
    postgres = database.server;
    const filesDir = path.join(dir, 'files');
    const store = new DirectoryFileStore(filesDir);
    const photo = await seedSampleAssets(store);
    const design = designSchema.parse(findTemplate('a5-flyer')!.design);
    const pdf = await renderPdf({
      layout: layoutDesign(design, new Map([[SAMPLE_PHOTO_ID, { width: photo.width, height: photo.height }]])),
      title: design.title,
      images: new Map([[SAMPLE_PHOTO_ID, fs.readFileSync(SAMPLE_PHOTO_PATH)]]),
      fonts: new FontCache(),
    });
    const hash = pdfHashOf(design);
    await store.put(pdfKey(hash), pdf.data);

    const port = await freePort();
    // BENCH_PROFILE_DIR=<folder> writes a V8 CPU profile of the server there (open it in Chrome's DevTools).
    const profileDir = process.env.BENCH_PROFILE_DIR;
    server = fork(path.join(__dirname, '..', 'server', 'main.js'), {
      execArgv: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : [],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        REDIS_URL: redis.url, DATABASE_URL: database.url,
        FILES_DIR: filesDir,
        LOG_LEVEL: 'warn',
        METRICS_PORT: '0',
        SESSION_SECRET: randomBytes(32).toString('hex'),
        // The download limiter stays in the path (its Redis round trip is part of a download's cost),
        // with a budget this one client address cannot exhaust.
        RATE_LIMIT_DOWNLOADS: '1000000000',
      },
      stdio: 'inherit',
    });
    const exited = new Promise<never>((_, reject) => server!.once('exit', (code) => reject(new Error(`the server exited (${code}) before serving`))));
    const url = `http://127.0.0.1:${port}/downloads/${hash}.pdf`;
    await Promise.race([waitFor(url, 15_000), exited]);
    exited.catch(() => undefined);

    // Warm up (JIT, file cache) before measuring.
    await autocannon({ url, connections, duration: 2 });
    const cpuBefore = cpuSecondsOf(server.pid);
    const ownBefore = process.cpuUsage();
    const started = performance.now();
    const result = await autocannon({ url, connections, duration: seconds });
    const elapsed = (performance.now() - started) / 1000;
    const cpuAfter = cpuSecondsOf(server.pid);
    const own = process.cpuUsage(ownBefore);
    const generatorCores = (own.user + own.system) / 1e6 / elapsed;
    const serverCpu = cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null;
    const figures: DownloadFigures = {
      pdfBytes: pdf.data.length,
      requestsPerSecond: result.requests.average,
      megabytesPerSecond: result.throughput.average / 1e6,
      latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
      non200: result.non2xx + (result['1xx'] ?? 0),
      errors: result.errors + result.timeouts,
      perServerCpuSecond: serverCpu ? result.requests.total / serverCpu : null,
      serverCores: serverCpu !== null ? serverCpu / elapsed : null,
      generatorCores,
    };
    console.log(`Downloads of one finished PDF (${fmt(figures.pdfBytes / 1024, 0)} KiB) from one server process, ${connections} keep-alive connections for ${seconds} s on 127.0.0.1`);
    console.log(`  ${fmt(figures.requestsPerSecond, 0)} downloads/s, ${fmt(figures.megabytesPerSecond, 1)} MB/s`);
    console.log(`  latency p50 ${fmt(figures.latencyMs.p50, 1)} ms  p99 ${fmt(figures.latencyMs.p99, 1)} ms  max ${fmt(figures.latencyMs.max, 1)} ms`);
    console.log(`  answers other than 200: ${figures.non200}, errors and timeouts: ${figures.errors}`);
    if (figures.perServerCpuSecond !== null && figures.serverCores !== null) {
      console.log(`  the server process used ${fmt(figures.serverCores, 2)} cores: ${fmt(figures.perServerCpuSecond, 0)} downloads per second of its CPU time`);
    }
    console.log(`  the load generator used ${fmt(generatorCores, 2)} cores; machine load average ${os.loadavg().map((l) => fmt(l, 1)).join(' ')} on ${os.cpus().length} cores`);
    return figures;
  } finally {
    if (server && server.exitCode === null) {
      const child = server;
      await new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      });
    }
    await redis.stop();
    await postgres?.stop('immediate');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await fetch(url, { method: 'HEAD' }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`the server did not serve ${url} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
