import type { DrillReport, Latency } from './drill-report';

const ms = (l: Latency | null) => (l ? `${l.p50} / ${l.p95} / ${l.p99}` : '-');
const s = (atMs: number) => `${(atMs / 1000).toFixed(1)} s`;

/** The report as Markdown: what the drill prints and saves as drill-report.md. */
export function drillMarkdown(r: DrillReport): string {
  const o = r.options;
  const lines: string[] = [];
  lines.push(`# Rosette drill, ${r.startedAt}`);
  lines.push('');
  lines.push(
    `${o.DRILL_SERVERS} server processes and ${o.DRILL_WORKERS} workers (concurrency ${o.DRILL_WORKER_CONCURRENCY}) on one Redis; ` +
      `calm ${o.DRILL_CALM_S} s, flood ${o.DRILL_FLOOD_S} s (from ${s(r.timeline.floodStartMs)} to ${s(r.timeline.floodEndMs)}), recovery ${o.DRILL_RECOVER_S} s; ` +
      (o.DRILL_PROXY === 'nginx'
        ? `traffic through nginx with deploy/nginx.conf (as deployed), at most ${o.DRILL_SOCKETS_PER_CLASS * o.DRILL_SERVERS} requests per class in flight to it, one load thread per class; `
        : `traffic straight to the servers (no proxy), at most ${o.DRILL_SOCKETS_PER_CLASS} requests per class in flight to each server, one load thread per class; `) +
      (r.singleAddress
        ? 'every client sending from 127.0.0.1.'
        : `${o.DRILL_ANONYMOUS_CLIENTS} anonymous visitors, ${o.DRILL_CAMPAIGNERS} campaigners and ${o.DRILL_VOLUNTEERS} volunteers, each sending from its own loopback address.`),
  );
  lines.push('');
  lines.push('## Targets');
  lines.push('');
  lines.push('| | target | measured | |');
  lines.push('| --- | --- | --- | --- |');
  for (const t of r.targets) lines.push(`| ${t.what} | ${t.target} | ${t.actual} | ${t.met ? 'met' : '**missed**'} |`);
  lines.push('');
  lines.push('## Traffic');
  lines.push('');
  lines.push('| class | flood rate /s | sent | served (2xx/304) | shed (503/429) | failed | dropped by generator | served p50 / p95 / p99 ms | shed p50 / p95 / p99 ms |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const c of r.classes) {
    lines.push(`| ${c.name} | ${c.floodRate} | ${c.sent} | ${c.served} | ${c.shed} | ${c.failed} | ${c.dropped} | ${ms(c.servedMs)} | ${ms(c.shedMs)} |`);
  }
  lines.push('');
  lines.push(`Downloads served, p50 / p95 / p99: ${ms(r.downloads.all)} ms over the run, ${ms(r.downloads.duringFlood)} ms during the flood.`);
  lines.push(`Shed answers (all classes), p50 / p95 / p99: ${ms(r.shed)} ms (${r.shed?.count ?? 0} answers).`);
  lines.push(`Answers by status: ${r.classes.map((c) => `${c.name} ${Object.entries(c.statuses).map(([k, v]) => `${k} x${v}`).join(', ') || '-'}`).join('; ')}.`);
  lines.push(
    `Event-loop delay of the load threads, p99 / max: ${r.classes.map((c) => `${c.name} ${c.generatorLoopDelayMs ? `${c.generatorLoopDelayMs.p99} / ${c.generatorLoopDelayMs.max}` : '-'} ms`).join(', ')} (the generator shares the cores; its own delays inflate the latencies it measures).`,
  );
  const pv = r.proxyView;
  if (pv) {
    lines.push(
      `As nginx timed them (request_time, from a request's first byte to its answer's last: without the generator's own delays), p50 / p95 / p99: downloads ${ms(pv.downloads)} ms, shed answers ${ms(pv.shed)} ms (${pv.shed?.count ?? 0}, of which nginx gave ${pv.shedByProxy} itself at max_conns).`,
    );
  }
  const failures = r.classes.filter((c) => c.failed > 0).map((c) => `${c.name}: ${Object.entries(c.failures).map(([k, v]) => `${k} x${v}`).join(', ')}`);
  lines.push(failures.length ? `Failures: ${failures.join('; ')}.` : 'Failures: none.');
  lines.push('');
  lines.push('## Processes');
  lines.push('');
  const traffic = (r.timeline.endMs / 1000).toFixed(0);
  lines.push(`| process | peak RSS | CPU during the ${traffic} s of traffic | restarts | stopped with SIGTERM |`);
  lines.push('| --- | ---: | ---: | ---: | --- |');
  for (const p of r.processes) {
    const end = p.shutdown ? (p.shutdown.signal ? `killed (${p.shutdown.signal})` : `exit ${p.shutdown.code}`) : '-';
    const rss = p.peakRssMb === null ? '-' : `${p.peakRssMb} MB`;
    const cpu = p.cpuSeconds === null ? '-' : `${p.cpuSeconds.toFixed(1)} s`;
    lines.push(`| ${p.name} | ${rss} | ${cpu} | ${p.role === 'load generator' ? '-' : p.restarts} | ${end} |`);
  }
  lines.push('');
  lines.push(`The machine has ${r.cores} CPU cores, shared by all of the above.`);
  lines.push('');
  lines.push('## Modes and recovery');
  lines.push('');
  if (!r.modesKnown) lines.push('No server reported a mode (GET /api/admin/status answered 404 or nothing): modes are recorded as unknown.');
  if (r.modeChanges.length === 0) lines.push('No mode changes.');
  else for (const c of r.modeChanges) lines.push(`- ${s(c.atMs)}: ${c.server} ${c.from} -> ${c.to}`);
  lines.push('');
  const rec = r.recovery;
  lines.push(
    rec.seconds === null
      ? `Not recovered by the end of the run (${rec.probes} probe print jobs, last answered ${rec.lastProbeStatus ?? 'nothing'}).`
      : `Recovered ${rec.seconds} s after the flood ended: every server reported ${r.modesKnown ? 'normal' : 'no mode (unknown)'} and a probe print job was accepted (${rec.probes} probe${rec.probes === 1 ? '' : 's'}).`,
  );
  lines.push('');
  lines.push(`Print jobs accepted during the drill: ${r.queue.acceptedDuringDrill}; most waiting at once: ${r.queue.maxWaiting ?? '-'}; still waiting at the end: ${r.queue.waitingAtEnd ?? '-'}.`);
  lines.push('');
  return lines.join('\n');
}
