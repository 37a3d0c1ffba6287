import fs from 'node:fs';
import { latency, type Latency } from './drill-report';

/** Latencies as the proxy measured them: without the load generator's own delays. */
export interface ProxyView {
  /** Downloads of finished PDFs answered 2xx/304, milliseconds (nginx's request_time: whole milliseconds). */
  downloads: Latency | null;
  /** Answers 503 or 429, whoever gave them, milliseconds. */
  shed: Latency | null;
  /** 503s nginx gave itself (every replica at max_conns), without asking a server. */
  shedByProxy: number;
  /** Lines of the access log read. */
  requests: number;
}

interface AccessLine {
  path: string;
  status: number;
  /** Seconds, millisecond resolution: from the request's first byte to the answer's last. */
  request_time: number;
  /** The replica that answered (`host:port`); the upstream's name when nginx answered itself. */
  upstream: string;
}

/**
 * Reads the drill's nginx access log (deploy/nginx.conf's JSON `rosette` format). nginx times each
 * request from reading its first byte to writing the last of the answer, so these figures leave out the
 * generator's own event-loop and scheduling delays, which on a shared machine dominate what it measures.
 */
export function readProxyView(file: string): ProxyView | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const downloads: number[] = [];
  const shed: number[] = [];
  let shedByProxy = 0;
  let requests = 0;
  for (const line of text.split('\n')) {
    if (!line) continue;
    let entry: AccessLine;
    try {
      entry = JSON.parse(line) as AccessLine;
    } catch {
      continue; // A line cut short when nginx was stopped.
    }
    requests += 1;
    const ms = entry.request_time * 1000;
    if (entry.status === 503 || entry.status === 429) {
      shed.push(ms);
      // nginx answering itself (every replica at max_conns) logs the upstream's name, not an address.
      if (!/:\d+$/.test(entry.upstream)) shedByProxy += 1;
    } else if (entry.path.startsWith('/downloads/') && (entry.status < 300 || entry.status === 304)) downloads.push(ms);
  }
  return { downloads: latency(downloads), shed: latency(shed), shedByProxy, requests };
}
