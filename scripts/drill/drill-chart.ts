import type { DrillReport } from './drill-report';
import { TRAFFIC_CLASSES, type TrafficClassName } from './traffic-classes';

/** Colours of the modes in the band at the top; unlisted modes are grey. */
const MODE_COLOURS: Record<string, string> = {
  normal: '#2e7d32',
  busy: '#f9a825',
  degraded: '#ef6c00',
  maintenance: '#c62828',
  unknown: '#cfcfcf',
  unanswered: '#616161',
};
const CLASS_COLOURS: Record<TrafficClassName, string> = { home: '#1565c0', api: '#6a1b9a', print: '#ef6c00', download: '#2e7d32' };

const WIDTH = 1200;
const LEFT = 90;
const RIGHT = 160;
const PLOT_W = WIDTH - LEFT - RIGHT;

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A vertical band of the chart: its top and height in pixels. */
interface Panel {
  top: number;
  height: number;
}

/**
 * Draws the run as an SVG, by hand (no chart library): the servers' modes as coloured bands, the
 * request rate per class (served solid, shed dashed, log scale), latency over time (downloads p50 and
 * p99, shed p99, log scale, with the targets), and the print backlog; the flood is shaded and the
 * moment of recovery marked.
 */
export function drillChart(r: DrillReport): string {
  const endS = r.timeline.endMs / 1000;
  const x = (seconds: number) => LEFT + (Math.max(0, Math.min(endS, seconds)) / endS) * PLOT_W;
  const out: string[] = [];
  const servers = r.servers.length;
  const modes: Panel = { top: 84, height: 22 * servers };
  const rates: Panel = { top: modes.top + modes.height + 50, height: 230 };
  const lat: Panel = { top: rates.top + rates.height + 50, height: 230 };
  const backlog: Panel = { top: lat.top + lat.height + 50, height: 110 };
  const height = backlog.top + backlog.height + 60;

  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="12">`);
  out.push(`<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`);
  const o = r.options;
  out.push(text(LEFT, 26, `Rosette drill: ${o.DRILL_SERVERS} servers, ${o.DRILL_WORKERS} workers, flood ${o.DRILL_FLOOD_S} s`, { size: 17, weight: 'bold' }));
  const rec = r.recovery.seconds === null ? 'not recovered within the run' : `recovered ${r.recovery.seconds} s after the flood`;
  out.push(text(LEFT, 45, `${r.startedAt}   failures ${r.failedTotal}   restarts ${r.restartsTotal}   ${rec}`, { size: 12, fill: '#444' }));

  // The flood, shaded across every panel.
  const fx0 = x(r.timeline.floodStartMs / 1000);
  const fx1 = x(r.timeline.floodEndMs / 1000);
  out.push(`<rect x="${fx0}" y="${modes.top - 8}" width="${fx1 - fx0}" height="${backlog.top + backlog.height - modes.top + 8}" fill="#fdecea"/>`);
  out.push(text((fx0 + fx1) / 2, modes.top - 14, 'flood', { anchor: 'middle', fill: '#c62828', weight: 'bold' }));

  // Modes.
  out.push(text(LEFT, modes.top - 14, 'mode (GET /api/admin/status)', { weight: 'bold' }));
  for (let s = 0; s < servers; s++) {
    const samples = r.modeSamples.filter((m) => m.server === s).sort((a, b) => a.atMs - b.atMs);
    const y = modes.top + s * 22;
    out.push(text(LEFT - 8, y + 15, `server-${s + 1}`, { anchor: 'end' }));
    // One rectangle per run of the same mode, from its first reading to the next run's.
    samples.forEach((m, i) => {
      if (i > 0 && samples[i - 1]!.mode === m.mode) return;
      let end = i + 1;
      while (end < samples.length && samples[end]!.mode === m.mode) end++;
      const from = x(m.atMs / 1000);
      const to = x((samples[end]?.atMs ?? r.timeline.endMs) / 1000);
      const label = `server-${s + 1}: ${m.mode} from ${(m.atMs / 1000).toFixed(1)} s`;
      out.push(`<rect x="${from.toFixed(1)}" y="${y}" width="${Math.max(0.5, to - from).toFixed(1)}" height="18" fill="${MODE_COLOURS[m.mode] ?? '#9e9e9e'}"><title>${esc(label)}</title></rect>`);
    });
  }
  const seen = [...new Set(r.modeSamples.map((m) => m.mode))];
  seen.forEach((mode, i) => {
    const y = modes.top + i * 16;
    out.push(`<rect x="${LEFT + PLOT_W + 14}" y="${y + 2}" width="12" height="12" fill="${MODE_COLOURS[mode] ?? '#9e9e9e'}"/>`);
    out.push(text(LEFT + PLOT_W + 32, y + 12, mode));
  });

  // Request rate per class.
  const rateY = logScale(rates, 1, 10_000);
  const offered = TRAFFIC_CLASSES.map((n) => `${n} ${r.classes.find((c) => c.name === n)?.floodRate ?? '?'}`).join(', ');
  frame(out, rates, `answers per second, by class (offered during the flood: ${offered} per second)`, [1, 10, 100, 1000, 10_000], rateY, (v) => String(v));
  for (const name of TRAFFIC_CLASSES) {
    out.push(line(r.seconds.map((row) => [x(row.t + 0.5), row.served[name] > 0 ? rateY(row.served[name]) : null]), CLASS_COLOURS[name], 2));
    out.push(line(r.seconds.map((row) => [x(row.t + 0.5), row.shed[name] > 0 ? rateY(row.shed[name]) : null]), CLASS_COLOURS[name], 1.5, '5 4'));
  }
  TRAFFIC_CLASSES.forEach((name, i) => {
    const y = rates.top + i * 18;
    out.push(`<line x1="${LEFT + PLOT_W + 14}" x2="${LEFT + PLOT_W + 34}" y1="${y + 8}" y2="${y + 8}" stroke="${CLASS_COLOURS[name]}" stroke-width="2.5"/>`);
    out.push(text(LEFT + PLOT_W + 40, y + 12, name));
  });
  out.push(`<line x1="${LEFT + PLOT_W + 14}" x2="${LEFT + PLOT_W + 34}" y1="${rates.top + 92}" y2="${rates.top + 92}" stroke="#333" stroke-width="2"/>`);
  out.push(text(LEFT + PLOT_W + 40, rates.top + 96, 'served'));
  out.push(`<line x1="${LEFT + PLOT_W + 14}" x2="${LEFT + PLOT_W + 34}" y1="${rates.top + 110}" y2="${rates.top + 110}" stroke="#333" stroke-width="1.5" stroke-dasharray="5 4"/>`);
  out.push(text(LEFT + PLOT_W + 40, rates.top + 114, 'shed (503/429)'));

  // Latency.
  const latY = logScale(lat, 0.1, 10_000);
  frame(out, lat, 'latency, milliseconds (per second of sending)', [0.1, 1, 10, 100, 1000, 10_000], latY, (v) => String(v));
  for (const [value, label] of [[50, 'download target 50 ms'], [5, 'shed target 5 ms']] as const) {
    out.push(`<line x1="${LEFT}" x2="${LEFT + PLOT_W}" y1="${latY(value)}" y2="${latY(value)}" stroke="#999" stroke-dasharray="2 3"/>`);
    out.push(text(LEFT + PLOT_W - 4, latY(value) - 4, label, { anchor: 'end', fill: '#777', size: 10 }));
  }
  const series: Array<[string, (row: DrillReport['seconds'][number]) => number | null, string, number, string?]> = [
    ['downloads p50', (row) => row.downloadP50, '#81c784', 1.5],
    ['downloads p99', (row) => row.downloadP99, '#2e7d32', 2.5],
    ['shed p99', (row) => row.shedP99, '#c62828', 2, '5 4'],
  ];
  series.forEach(([label, get, colour, w, dash], i) => {
    out.push(line(r.seconds.map((row) => { const v = get(row); return [x(row.t + 0.5), v === null ? null : latY(Math.max(0.1, v))]; }), colour, w, dash));
    const y = lat.top + i * 18;
    out.push(`<line x1="${LEFT + PLOT_W + 14}" x2="${LEFT + PLOT_W + 34}" y1="${y + 8}" y2="${y + 8}" stroke="${colour}" stroke-width="${w}"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`);
    out.push(text(LEFT + PLOT_W + 40, y + 12, label));
  });

  // Print backlog.
  const waits = r.seconds.map((row) => row.waiting ?? 0);
  const maxWait = Math.max(10, ...waits);
  const waitY = (v: number) => backlog.top + backlog.height - (v / maxWait) * backlog.height;
  frame(out, backlog, 'print jobs waiting', [0, Math.round(maxWait / 2), maxWait], waitY, (v) => String(v));
  const area = r.seconds.map((row) => `${x(row.t + 0.5).toFixed(1)},${waitY(row.waiting ?? 0).toFixed(1)}`);
  if (area.length) out.push(`<polygon points="${x(0.5)},${waitY(0)} ${area.join(' ')} ${x(r.seconds.at(-1)!.t + 0.5)},${waitY(0)}" fill="#ffcc80" stroke="#ef6c00"/>`);
  const workers = r.seconds.map((row) => row.liveWorkers).filter((w): w is number => w !== null);
  out.push(text(LEFT + PLOT_W + 14, backlog.top + 12, `live workers`));
  out.push(text(LEFT + PLOT_W + 14, backlog.top + 28, workers.length ? `${Math.min(...workers)} to ${Math.max(...workers)}` : 'unknown'));

  // Time axis and the recovery marker.
  const axisY = backlog.top + backlog.height;
  for (let t = 0; t <= endS; t += 5) {
    out.push(`<line x1="${x(t)}" x2="${x(t)}" y1="${axisY}" y2="${axisY + 5}" stroke="#333"/>`);
    out.push(text(x(t), axisY + 18, `${t}`, { anchor: 'middle' }));
  }
  out.push(text(LEFT + PLOT_W / 2, axisY + 36, 'seconds since the start of the drill', { anchor: 'middle', fill: '#444' }));
  if (r.recovery.recoveredAtMs !== null) {
    const rx = x(r.recovery.recoveredAtMs / 1000);
    out.push(`<line x1="${rx}" x2="${rx}" y1="${modes.top - 8}" y2="${axisY}" stroke="#2e7d32" stroke-width="1.5" stroke-dasharray="6 3"/>`);
    out.push(text(rx + 4, modes.top - 14, `recovered ${r.recovery.seconds} s after the flood`, { fill: '#2e7d32', weight: 'bold' }));
  }
  out.push('</svg>');
  return out.join('\n');
}

function logScale(panel: Panel, min: number, max: number) {
  const span = Math.log10(max) - Math.log10(min);
  return (v: number) => panel.top + panel.height - ((Math.log10(Math.max(min, Math.min(max, v))) - Math.log10(min)) / span) * panel.height;
}

/** The panel's box, horizontal grid lines at `ticks`, and its title. */
function frame(out: string[], panel: Panel, title: string, ticks: number[], y: (v: number) => number, label: (v: number) => string): void {
  out.push(`<rect x="${LEFT}" y="${panel.top}" width="${PLOT_W}" height="${panel.height}" fill="none" stroke="#333"/>`);
  for (const t of ticks) {
    out.push(`<line x1="${LEFT}" x2="${LEFT + PLOT_W}" y1="${y(t)}" y2="${y(t)}" stroke="#e0e0e0"/>`);
    out.push(text(LEFT - 6, y(t) + 4, label(t), { anchor: 'end', fill: '#555' }));
  }
  out.push(text(LEFT, panel.top - 8, title, { weight: 'bold' }));
}

/** A polyline through the points, broken where a point is null. */
function line(points: Array<[number, number | null]>, colour: string, width: number, dash?: string): string {
  const runs: string[][] = [[]];
  for (const [px, py] of points) {
    if (py === null) runs.push([]);
    else runs.at(-1)!.push(`${px.toFixed(1)},${py.toFixed(1)}`);
  }
  return runs
    .filter((run) => run.length > 0)
    .map((run) =>
      run.length === 1
        ? `<circle cx="${run[0]!.split(',')[0]}" cy="${run[0]!.split(',')[1]}" r="${width}" fill="${colour}"/>`
        : `<polyline points="${run.join(' ')}" fill="none" stroke="${colour}" stroke-width="${width}" stroke-linejoin="round"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`,
    )
    .join('\n');
}

function text(px: number, py: number, content: string, o: { anchor?: 'start' | 'middle' | 'end'; size?: number; weight?: string; fill?: string } = {}): string {
  return `<text x="${px.toFixed(1)}" y="${py.toFixed(1)}"${o.anchor ? ` text-anchor="${o.anchor}"` : ''}${o.size ? ` font-size="${o.size}"` : ''}${o.weight ? ` font-weight="${o.weight}"` : ''} fill="${o.fill ?? '#222'}">${esc(content)}</text>`;
}
