import sharp from 'sharp';
import { drillChart } from '../../../scripts/drill/drill-chart';
import { drillMarkdown } from '../../../scripts/drill/drill-markdown';
import { loadDrillOptions, ratePhases } from '../../../scripts/drill/drill-options';
import { buildReport } from '../../../scripts/drill/drill-report';
import { emptyBucket, type LoadDone, type SecondBucket } from '../../../scripts/drill/load-messages';
import { modeFromStatus } from '../../../scripts/drill/mode-poller';
import { outcomeOf, TRAFFIC_CLASSES } from '../../../scripts/drill/traffic-classes';

const options = loadDrillOptions({ DRILL_CALM_S: '1', DRILL_FLOOD_S: '2', DRILL_RECOVER_S: '2' });
const timeline = { floodStartMs: 1000, floodEndMs: 3000, endMs: 5000 };

function bucket(fill: Partial<SecondBucket>): SecondBucket {
  return { ...emptyBucket(), ...fill };
}

function done(name: (typeof TRAFFIC_CLASSES)[number], buckets: SecondBucket[]): LoadDone {
  return { type: 'done', name, buckets, acceptedJobIds: name === 'print' ? ['a', 'b'] : [], loopDelayMs: { p50: 1, p99: 2, max: 3 } };
}

function report() {
  const results = new Map(
    TRAFFIC_CLASSES.map((name) => [
      name,
      done(name, [
        bucket({ sent: 2, served: 2, servedMs: [3, 4], statuses: { 200: 2 } }),
        bucket({ sent: 10, served: 2, shed: 7, failed: 1, servedMs: [30, 40], shedMs: [1, 2, 1, 1, 2, 1, 3], failures: { ECONNRESET: 1 }, statuses: { 200: 2, 503: 7 } }),
        bucket({ sent: 5, served: 5, servedMs: [5, 5, 6, 7, 8] }),
      ]),
    ]),
  );
  return buildReport({
    startedAt: new Date('2026-05-07T07:00:00Z'),
    options,
    singleAddress: false,
    timeline,
    servers: ['http://127.0.0.1:1', 'http://127.0.0.1:2'],
    cores: 2,
    results,
    modeSamples: [
      { atMs: 0, server: 0, mode: 'normal', ms: 1 },
      { atMs: 1200, server: 0, mode: 'degraded', ms: 1 },
      { atMs: 3500, server: 0, mode: 'normal', ms: 1 },
      { atMs: 0, server: 1, mode: 'unknown', ms: 1 },
    ],
    queueSamples: [{ t: 1, waiting: 40, liveWorkers: 2 }, { t: 4, waiting: 0, liveWorkers: 2 }],
    processes: [{ name: 'server-1', role: 'server', peakRssMb: 120, cpuSeconds: 3, restarts: 0, exits: [], shutdown: { code: 0, signal: null } }],
    recovery: { recoveredAtMs: 4200, seconds: 1.2, probes: 2, lastProbeStatus: 202 },
    floodRates: { home: 3000, api: 2000, print: 300, download: 60 },
    proxyView: null,
  });
}

describe('the drill report', () => {
  it('counts 2xx and 304 as served, 503 and 429 as shed, and anything else as a failure', () => {
    expect([200, 202, 304, 503, 429, 500, 404, 0].map(outcomeOf)).toEqual(['served', 'served', 'served', 'shed', 'shed', 'failed', 'failed', 'failed']);
  });

  it('reads the mode from the admin status body', () => {
    expect(modeFromStatus({ mode: 'busy', ladder: { mode: 'normal' } })).toBe('busy');
    expect(modeFromStatus({ error: { code: 'not_found' } })).toBeNull();
  });

  it('runs calm, flood, calm for every class', () => {
    expect(ratePhases(options, 'home')).toEqual([
      { untilMs: 1000, rate: 20 },
      { untilMs: 3000, rate: 3000 },
      { untilMs: 5000, rate: 20 },
    ]);
  });

  it('sums each class, finds the mode changes and judges the targets', () => {
    const r = report();
    expect(r.classes.find((c) => c.name === 'download')).toMatchObject({ sent: 17, served: 9, shed: 7, failed: 1, failures: { ECONNRESET: 1 }, statuses: { 200: 4, 503: 7 } });
    expect(r.failedTotal).toBe(4);
    // The flood covers seconds 1 and 2.
    expect(r.downloads.duringFlood?.count).toBe(7);
    expect(r.modeChanges).toEqual([
      { atMs: 1200, server: 'server-1', from: 'normal', to: 'degraded' },
      { atMs: 3500, server: 'server-1', from: 'degraded', to: 'normal' },
    ]);
    expect(r.modesKnown).toBe(true);
    expect(r.queue).toEqual({ acceptedDuringDrill: 2, maxWaiting: 40, waitingAtEnd: 0 });
    expect(Object.fromEntries(r.targets.map((t) => [t.what, t.met]))).toEqual({
      'failures other than 503/429': false,
      'process restarts': true,
      'downloads p99, whole run': true,
      'shed answers p99': true,
      'peak RSS of a server process': true,
      'back to normal after the flood': true,
    });
    expect(drillMarkdown(r)).toContain('| download | 60 | 17 | 9 | 7 | 1 |');
  });

  it('draws a chart that an SVG renderer accepts', async () => {
    const svg = drillChart(report());
    const png = await sharp(Buffer.from(svg)).png().toBuffer();
    const meta = await sharp(png).metadata();
    expect(meta.width).toBe(1200);
    expect(svg).toContain('recovered 1.2 s after the flood');
  });
});
