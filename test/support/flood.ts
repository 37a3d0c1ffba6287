import http from 'node:http';
import { patient } from './wait-for';

export interface FloodOptions {
  /** Requests to send in all. */
  total: number;
  /** Keep-alive connections to send them over, at most one request in flight on each. */
  connections: number;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Give up on one request after this long, milliseconds (counted as status 0). */
  timeoutMs?: number;
}

/**
 * Sends a bounded burst of requests to one URL (on this machine) and counts the answers by status;
 * 0 counts requests that got no answer (connection error or timeout). Stops by itself.
 */
export async function flood(url: string, options: FloodOptions): Promise<Map<number, number>> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const counts = new Map<number, number>();
  const count = (status: number) => counts.set(status, (counts.get(status) ?? 0) + 1);
  let sent = 0;
  const one = () =>
    new Promise<void>((resolve) => {
      const req = http.request(url, { agent, method: options.method ?? 'GET', headers: options.headers }, (res) => {
        res.resume();
        res.on('end', () => (count(res.statusCode ?? 0), resolve()));
        res.on('error', () => (count(0), resolve()));
      });
      req.setTimeout(options.timeoutMs ?? patient(10_000), () => req.destroy());
      req.on('error', () => (count(0), resolve()));
      req.end(options.body);
    });
  const lane = async () => {
    while (sent < options.total) {
      sent += 1;
      await one();
    }
  };
  try {
    await Promise.all(Array.from({ length: options.connections }, lane));
  } finally {
    agent.destroy();
  }
  return counts;
}
