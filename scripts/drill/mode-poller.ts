import http from 'node:http';

/**
 * A server's mode as the drill records it: what GET /api/admin/status says ('normal', 'busy', ...),
 * 'unknown' when the server has no admin status (404, before that API exists), or 'unanswered' when
 * the status request failed or timed out.
 */
export type ObservedMode = string;

/** One reading of one server's mode. */
export interface ModeSample {
  /** Milliseconds since the drill's time zero. */
  atMs: number;
  server: number;
  mode: ObservedMode;
  /** Milliseconds the status request took. */
  ms: number;
}

/** Pulls the mode out of a GET /api/admin/status body, whichever of the likely shapes it has. */
export function modeFromStatus(body: unknown): ObservedMode | null {
  const b = body as Record<string, any> | null;
  const candidates = [b?.mode, b?.effectiveMode, b?.mode?.effective, b?.mode?.current, b?.ladder?.mode, b?.status?.mode];
  const found = candidates.find((c) => typeof c === 'string');
  return typeof found === 'string' ? found : null;
}

/**
 * Reads each server's mode from `GET /api/admin/status` (with the admin bearer token) on its own
 * keep-alive connection, so the flood's sockets never delay it.
 */
export class ModePoller {
  readonly samples: ModeSample[] = [];
  /** With a timeout, so that the agent heeds the server's keep-alive timeout (see load-thread.ts). */
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1, timeout: 10_000 });

  constructor(
    private readonly servers: string[],
    private readonly token: string,
    /** The admin's own address to send from (see client-addresses.ts). */
    private readonly localAddress: string,
    /** Milliseconds since the drill's time zero. */
    private readonly clock: () => number,
  ) {}

  /** The latest mode of every server. */
  latest(): ObservedMode[] {
    const latest = this.servers.map((): ObservedMode => 'unknown');
    for (const s of this.samples) latest[s.server] = s.mode;
    return latest;
  }

  /** Reads every server's mode once, in parallel. */
  async pollAll(): Promise<ObservedMode[]> {
    return Promise.all(this.servers.map((_, i) => this.poll(i)));
  }

  close(): void {
    this.agent.destroy();
  }

  private poll(server: number): Promise<ObservedMode> {
    const atMs = this.clock();
    const t0 = performance.now();
    return new Promise((resolve) => {
      let answered = false;
      const done = (mode: ObservedMode) => {
        if (answered) return;
        answered = true;
        this.samples.push({ atMs: Math.round(atMs), server, mode, ms: performance.now() - t0 });
        resolve(mode);
      };
      const url = new URL('/api/admin/status', this.servers[server]);
      const req = http.get(url, { agent: this.agent, localAddress: this.localAddress, headers: { authorization: `Bearer ${this.token}`, accept: 'application/json' } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => {
          if (res.statusCode === 404) return done('unknown');
          if (res.statusCode !== 200) return done('unanswered');
          try {
            done(modeFromStatus(JSON.parse(body)) ?? 'unknown');
          } catch {
            done('unanswered');
          }
        });
      });
      req.setTimeout(2000, () => req.destroy());
      req.on('error', () => done('unanswered'));
    });
  }
}
