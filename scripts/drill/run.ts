import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ADMIN_ADDRESS, CLASS_GROUP, canUseLoopbackRange, loopbackAddresses, PROBE_ADDRESS } from './client-addresses';
import { campaignerSessions, drillAdmin } from './drill-accounts';
import { DrillCluster } from './drill-cluster';
import { drillChart } from './drill-chart';
import { drillMarkdown } from './drill-markdown';
import { loadDrillOptions, drillTimeline, ratePhases } from './drill-options';
import { buildReport, toMb, type ProcessSummary } from './drill-report';
import { gatherFixtures } from './drill-fixtures';
import { generateLoad } from './load-generator';
import type { LoadThreadInput, LoadTick } from './load-messages';
import { ModePoller } from './mode-poller';
import { readProxyView } from './proxy-log';
import { measureRecovery } from './recovery-probe';
import { TRAFFIC_CLASSES, type TrafficClassName } from './traffic-classes';

/**
 * `npm run drill`: starts Rosette (its own Redis, several servers and workers), floods it from
 * 127.0.0.1 with a realistic mix well beyond what it can serve, lets it recover, and writes a report
 * (JSON, Markdown, SVG chart) to .artifacts/drill/. Exits with 1 when a request failed with anything
 * but 503/429 or a process had to be restarted.
 */
async function main(): Promise<void> {
  const options = loadDrillOptions(process.env);
  const outDir = path.resolve(options.DRILL_OUT_DIR);
  const logDir = path.join(outDir, 'logs');
  fs.rmSync(logDir, { recursive: true, force: true });
  fs.mkdirSync(logDir, { recursive: true });
  if (!fs.existsSync(path.join(__dirname, '..', '..', 'client', 'index.html'))) {
    console.warn('dist/client/index.html is missing (run npm run build:client): the home page class will fail with 404.');
  }

  // Time zero is set when the traffic starts; until then the clock reads negative.
  let zero = Number.POSITIVE_INFINITY;
  const clock = () => Date.now() - zero;
  const timeline = drillTimeline(options);
  const startedAt = new Date();
  console.log(`Starting Redis, ${options.DRILL_SERVERS} servers and ${options.DRILL_WORKERS} workers ...`);
  const admin = drillAdmin();
  const cluster = await DrillCluster.start(options, logDir, () => clock(), process.env.PATH ?? '', admin);
  let shutdown: Awaited<ReturnType<DrillCluster['stop']>> = [];
  const interrupt = () => void cluster.stop().finally(() => process.exit(130));
  process.once('SIGINT', interrupt);
  try {
    // The drill's own throwaway admin, so someone can watch it (and switch modes) in the console.
    console.log(`Watch it in the admin console: ${cluster.serverUrls[0]}/admin (sign in as ${admin.email}, password ${admin.password}).`);
    const tag = randomBytes(3).toString('hex');
    const sessions = await campaignerSessions(cluster.serverUrls[0]!, admin, options.DRILL_CAMPAIGNER_ACCOUNTS, tag);
    const fixtures = await gatherFixtures(cluster.serverUrls[0]!, tag, sessions);
    console.log(`Warm-up done: ${sessions.length} campaigners signed in, ${fixtures.designs.length} templates, ${fixtures.downloads.length} finished PDFs to download.`);

    let single = options.DRILL_SINGLE_ADDRESS;
    if (!single && !(await canUseLoopbackRange())) {
      console.warn('This machine cannot send from 127.10.0.1 (only Linux routes all of 127.0.0.0/8 to loopback): every client sends from 127.0.0.1.');
      single = true;
    }
    const counts = { anonymous: options.DRILL_ANONYMOUS_CLIENTS, campaigners: options.DRILL_CAMPAIGNERS, volunteers: options.DRILL_VOLUNTEERS };
    const addressesOf = (name: TrafficClassName) => (single ? ['127.0.0.1'] : loopbackAddresses(CLASS_GROUP[name], counts[CLASS_GROUP[name] as keyof typeof counts]));
    const poller = new ModePoller(cluster.serverUrls, cluster.adminToken, single ? '127.0.0.1' : ADMIN_ADDRESS, clock);
    zero = Date.now() + 300;
    const inputs: LoadThreadInput[] = TRAFFIC_CLASSES.map((name) => ({
      name,
      servers: cluster.trafficUrls,
      phases: ratePhases(options, name),
      // Through the proxy, the same requests in flight in all as straight to the servers.
      socketsPerServer: options.DRILL_SOCKETS_PER_CLASS * (cluster.serverUrls.length / cluster.trafficUrls.length),
      clientAddresses: addressesOf(name),
      timeoutMs: options.DRILL_REQUEST_TIMEOUT_MS,
      startAt: zero,
      fixtures,
      tag,
    }));

    const queueSamples: Array<{ t: number; waiting: number | null; liveWorkers: number | null }> = [];
    const ticks = new Map<TrafficClassName, LoadTick>();
    let ownPeakRss = 0;
    const memory = setInterval(() => {
      cluster.sampleMemory();
      ownPeakRss = Math.max(ownPeakRss, process.memoryUsage.rss());
    }, 250);
    // CPU used while the traffic runs, so the report shows who had the cores (the generator included).
    let cpuBefore = new Map<string, number | null>();
    let ownCpuBefore = process.cpuUsage();
    setTimeout(() => {
      cpuBefore = cluster.cpuSnapshot();
      ownCpuBefore = process.cpuUsage();
    }, Math.max(0, zero - Date.now()));
    const everySecond = setInterval(() => {
      const t = Math.floor(clock() / 1000);
      if (t < 0) return;
      // Modes once a second during the flood; the recovery probe polls faster after it.
      if (clock() < timeline.floodEndMs) void poller.pollAll();
      void cluster.queueFacts().then((facts) => queueSamples.push({ t, waiting: facts?.waiting ?? null, liveWorkers: facts?.liveWorkers ?? null }));
      const phase = clock() < timeline.floodStartMs ? 'calm' : clock() < timeline.floodEndMs ? 'FLOOD' : 'recovery';
      const parts = TRAFFIC_CLASSES.map((n) => {
        const k = ticks.get(n);
        return k ? `${n} ${k.served}/${k.shed}/${k.failed}` : n;
      });
      console.log(`${String(t).padStart(3)} s ${phase.padEnd(8)} modes ${poller.latest().join(',')}  served/shed/failed: ${parts.join('  ')}`);
    }, 1000);

    const recovery = measureRecovery({ poller, servers: cluster.trafficUrls, localAddress: single ? '127.0.0.1' : PROBE_ADDRESS, fixtures, tag, floodEndMs: timeline.floodEndMs, untilMs: timeline.endMs, clock });
    const results = await generateLoad(inputs, (tick) => ticks.set(tick.name, tick));
    const cpuAfter = cluster.cpuSnapshot();
    const ownCpu = process.cpuUsage(ownCpuBefore);
    const recovered = await recovery;
    clearInterval(everySecond);
    clearInterval(memory);
    poller.close();

    const cpuOf = (name: string) => {
      const [before, after] = [cpuBefore.get(name), cpuAfter.get(name)];
      return before == null || after == null ? null : Math.round((after - before) * 10) / 10;
    };
    const processes: ProcessSummary[] = cluster.processes.map((p) => ({ name: p.name, role: p.role, peakRssMb: toMb(p.peakRss), cpuSeconds: cpuOf(p.name), restarts: p.restarts, exits: p.exits, shutdown: null }));
    processes.push({ name: 'redis-server', role: 'redis', peakRssMb: toMb(cluster.redisPeakRss), cpuSeconds: cpuOf('redis-server'), restarts: 0, exits: [], shutdown: null });
    const ownCpuSeconds = Math.round((ownCpu.user + ownCpu.system) / 1e5) / 10;
    processes.push({ name: 'drill (load generator)', role: 'load generator', peakRssMb: toMb(ownPeakRss), cpuSeconds: ownCpuSeconds, restarts: 0, exits: [], shutdown: null });
    console.log('Stopping Rosette (SIGTERM) ...');
    shutdown = await cluster.stop();
    for (const end of shutdown) {
      const p = end && processes.find((x) => x.name === end.name);
      if (p && end) p.shutdown = { code: end.code, signal: end.signal };
    }

    const floodRates = Object.fromEntries(TRAFFIC_CLASSES.map((n) => [n, ratePhases(options, n)[1]!.rate])) as Record<TrafficClassName, number>;
    const proxyView = options.DRILL_PROXY === 'nginx' ? readProxyView(path.join(logDir, 'nginx-access.log')) : null;
    const report = buildReport({ startedAt, options, singleAddress: single, timeline, servers: cluster.serverUrls, cores: os.availableParallelism(), results, modeSamples: poller.samples, queueSamples, processes, recovery: recovered, floodRates, proxyView });
    const markdown = drillMarkdown(report);
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, 'drill-report.json'), JSON.stringify(report, null, 2));
    fs.writeFileSync(path.join(outDir, 'drill-report.md'), markdown);
    fs.writeFileSync(path.join(outDir, 'drill.svg'), drillChart(report));
    console.log('');
    console.log(markdown);
    console.log(`Saved ${path.relative(process.cwd(), path.join(outDir, 'drill-report.json'))}, drill-report.md and drill.svg (logs in ${path.relative(process.cwd(), logDir)}/).`);
    process.exitCode = report.failedTotal === 0 && report.restartsTotal === 0 ? 0 : 1;
  } catch (err) {
    await cluster.stop().catch(() => undefined);
    throw err;
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (err: unknown) => {
    console.error(`The drill could not run: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  },
);
