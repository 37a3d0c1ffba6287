import http from 'node:http';
import { sessionHeaders } from './drill-accounts';
import type { ModePoller } from './mode-poller';
import { DRILL_CONFIRM, type TrafficFixtures } from './traffic-classes';

/** Time between recovery checks, milliseconds. */
const PROBE_INTERVAL_MS = 250;

/** Modes in which a server counts as recovered ('unknown': it has no admin status to ask). */
const RECOVERED_MODES = new Set(['normal', 'unknown']);

export interface Recovery {
  /** When Rosette was back, milliseconds since the drill's time zero; null if not by the end. */
  recoveredAtMs: number | null;
  /** Seconds from the end of the flood to recovery; null if not by the end. */
  seconds: number | null;
  /** Probe print jobs sent. */
  probes: number;
  /** Status of the last probe (202 when it was accepted). */
  lastProbeStatus: number | null;
}

/**
 * From the end of the flood, every 250 ms: asks every server for its mode and, once all say normal,
 * sends a probe print job; Rosette has recovered when a probe is accepted (202). Gives up at `untilMs`.
 */
export async function measureRecovery(args: {
  poller: ModePoller;
  servers: string[];
  /** The probing campaigner's address (see client-addresses.ts). */
  localAddress: string;
  fixtures: TrafficFixtures;
  tag: string;
  /** Milliseconds since the drill's time zero. */
  floodEndMs: number;
  untilMs: number;
  clock: () => number;
}): Promise<Recovery> {
  const { poller, servers, localAddress, fixtures, tag, floodEndMs, untilMs, clock } = args;
  while (clock() < floodEndMs) await sleep(Math.min(100, floodEndMs - clock()));
  let probes = 0;
  let lastProbeStatus: number | null = null;
  while (clock() < untilMs) {
    const modes = await poller.pollAll();
    if (modes.every((m) => RECOVERED_MODES.has(m))) {
      const server = servers[probes % servers.length]!;
      const design = { ...fixtures.designs[0]!, title: `Drill ${tag} recovery probe ${probes + 1}` };
      probes += 1;
      lastProbeStatus = await postJson(`${server}/api/print-jobs`, { design, copies: 1, confirm: DRILL_CONFIRM }, localAddress, sessionHeaders(fixtures.sessions[0]));
      if (lastProbeStatus === 202) {
        const at = clock();
        return { recoveredAtMs: Math.round(at), seconds: Math.round((at - floodEndMs) / 100) / 10, probes, lastProbeStatus };
      }
    }
    await sleep(PROBE_INTERVAL_MS);
  }
  return { recoveredAtMs: null, seconds: null, probes, lastProbeStatus };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** POSTs JSON from `localAddress`; resolves with the status, 0 when there was no answer within 5 s. */
function postJson(url: string, body: unknown, localAddress: string, headers: Record<string, string>): Promise<number> {
  const data = JSON.stringify(body);
  return new Promise((resolve) => {
    const req = http.request(url, { method: 'POST', localAddress, headers: { 'content-type': 'application/json', accept: 'application/json', 'content-length': Buffer.byteLength(data), ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(0));
    });
    req.setTimeout(5000, () => req.destroy());
    req.on('error', () => resolve(0));
    req.end(data);
  });
}
