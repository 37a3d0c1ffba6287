import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { emptyBucket, type LoadThreadInput, type LoadThreadMessage, type SecondBucket } from './load-messages';
import { outcomeOf, requestFor } from './traffic-classes';

/**
 * One load generator thread: sends one traffic class's requests on a schedule (an open loop: arrivals
 * follow the rate, not the answers), round-robin over the servers and over the class's clients. Each
 * client (a local address) has one keep-alive connection to each server, and at most `socketsPerServer`
 * requests are in flight to a server; an arrival that finds no free client connection is dropped and
 * counted, so the generator never queues requests of its own. Each class runs on its own thread so a
 * busy class cannot delay another's timing, and the drill's main thread stays free to poll and sample.
 */
const input = workerData as LoadThreadInput;
const port = parentPort!;
const post = (message: LoadThreadMessage) => port.postMessage(message);

/** Clients tried for a free connection before an arrival is dropped. */
const CLIENT_TRIES = 8;
const clients = input.clientAddresses;
/**
 * One keep-alive agent per server and client, each with a single socket. The `timeout` matters: only
 * with one set does Node's agent heed the server's `Keep-Alive: timeout=5` and drop an idle socket a
 * second before the server would, instead of sending on a socket the server is closing (ECONNRESET).
 */
const agents = input.servers.map(() => clients.map(() => new http.Agent({ keepAlive: true, maxSockets: 1, maxFreeSockets: 1, timeout: input.timeoutMs })));
const busy = input.servers.map(() => clients.map(() => false));
const inFlight = input.servers.map(() => 0);
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
let nextClient = 0;
const buckets: SecondBucket[] = [];
const totals = { sent: 0, served: 0, shed: 0, failed: 0, dropped: 0 };
const accepted = new Set<string>();
const endMs = input.phases.at(-1)!.untilMs;
let issued = 0;
let seq = 0;

const bucketAt = (ms: number) => (buckets[Math.floor(ms / 1000)] ??= emptyBucket());
const now = () => Date.now() - input.startAt;

/** How many requests should have been sent by `ms`: the integral of the rate phases. */
function dueBy(ms: number): number {
  let due = 0;
  let from = 0;
  for (const phase of input.phases) {
    const to = Math.min(ms, phase.untilMs);
    if (to > from) due += ((to - from) / 1000) * phase.rate;
    from = phase.untilMs;
    if (ms <= phase.untilMs) break;
  }
  return Math.floor(due);
}

function send(): void {
  const n = seq++;
  const server = n % input.servers.length;
  const sentAt = now();
  const bucket = bucketAt(sentAt);
  let client = -1;
  if (inFlight[server]! < input.socketsPerServer) {
    for (let i = 0; i < CLIENT_TRIES && client < 0; i++) {
      const c = (nextClient + i) % clients.length;
      if (!busy[server]![c]) client = c;
    }
    nextClient = (nextClient + 1) % clients.length;
  }
  if (client < 0) {
    bucket.dropped += 1;
    totals.dropped += 1;
    return;
  }
  const spec = requestFor(input.name, n, input.fixtures, input.tag);
  const url = new URL(spec.path, input.servers[server]);
  busy[server]![client] = true;
  inFlight[server]! += 1;
  bucket.sent += 1;
  totals.sent += 1;
  const t0 = performance.now();
  let finished = false;
  const finish = (status: number, error?: string, body?: string) => {
    if (finished) return;
    finished = true;
    inFlight[server]! -= 1;
    busy[server]![client] = false;
    const ms = performance.now() - t0;
    const outcome = outcomeOf(status);
    if (status > 0) bucket.statuses[status] = (bucket.statuses[status] ?? 0) + 1;
    bucket[outcome] += 1;
    totals[outcome] += 1;
    if (outcome === 'served') bucket.servedMs.push(ms);
    else if (outcome === 'shed') bucket.shedMs.push(ms);
    else {
      const key = error ?? `HTTP ${status}`;
      bucket.failures[key] = (bucket.failures[key] ?? 0) + 1;
    }
    if (body && status === 202) {
      try {
        const id = (JSON.parse(body) as { id?: unknown }).id;
        if (typeof id === 'string') accepted.add(id);
      } catch {
        // Not JSON: nothing to record.
      }
    }
  };
  const req = http.request(
    {
      hostname: url.hostname,
      port: url.port,
      path: url.pathname,
      method: spec.method,
      headers: spec.body ? { ...spec.headers, 'content-length': Buffer.byteLength(spec.body) } : spec.headers,
      agent: agents[server]![client],
      localAddress: clients[client],
    },
    (res) => {
      const keepBody = input.name === 'print';
      let body = '';
      if (keepBody) res.setEncoding('utf8');
      res.on('data', (chunk: string | Buffer) => {
        if (keepBody) body += chunk;
      });
      res.on('end', () => finish(res.statusCode ?? 0, undefined, keepBody ? body : undefined));
      res.on('error', (err: NodeJS.ErrnoException) => finish(0, err.code ?? err.message));
    },
  );
  req.setTimeout(input.timeoutMs, () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
  req.on('error', (err: NodeJS.ErrnoException) => finish(0, err.code ?? err.message));
  req.end(spec.body);
}

const pump = setInterval(() => {
  const t = now();
  if (t < 0) return;
  const due = dueBy(Math.min(t, endMs));
  // Arrivals that fell due while the thread was busy still arrive, late: users do not wait for the generator.
  while (issued < due) {
    issued += 1;
    send();
  }
  if (t >= endMs) {
    clearInterval(pump);
    void drain();
  }
}, 2);

const ticker = setInterval(() => post({ type: 'tick', name: input.name, ...totals }), 1000);

async function drain(): Promise<void> {
  const deadline = Date.now() + input.timeoutMs + 1000;
  while (inFlight.some((n) => n > 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  clearInterval(ticker);
  loopDelay.disable();
  for (const agent of agents.flat()) agent.destroy();
  const filled = Array.from({ length: buckets.length }, (_, i) => buckets[i] ?? emptyBucket());
  const ms = (ns: number) => Math.round(ns / 1e5) / 10;
  const loopDelayMs = { p50: ms(loopDelay.percentile(50)), p99: ms(loopDelay.percentile(99)), max: ms(loopDelay.max) };
  post({ type: 'done', name: input.name, buckets: filled, acceptedJobIds: [...accepted], loopDelayMs });
}
