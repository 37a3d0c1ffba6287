import path from 'node:path';
import { freePort } from '../../common/node/local-redis';
import { builtDist } from './built-dist';
import { ForkedProcess, type ProcessEnd } from './forked-process';
import { waitForValue } from './wait-for';

/** How long a server process may take from fork to answering /healthz, milliseconds. */
const START_TIMEOUT_MS = 30_000;

/**
 * A real server process (dist/server/main.js) on a free loopback port, with its pino log collected
 * line by line. The environment is the server's configuration (PORT and HOST are chosen here); LOG_LEVEL
 * defaults to info so a test can read the log, and a failed start throws with the log attached.
 */
export class ServerProcess extends ForkedProcess {
  readonly url: string;

  private constructor(
    modulePath: string,
    env: Record<string, string>,
    readonly port: number,
  ) {
    super(modulePath, env);
    this.url = `http://127.0.0.1:${port}`;
  }

  /** Forks a server with `env` (plus PORT, HOST) and resolves once it answers GET /healthz. */
  static async start(env: Record<string, string>, timeoutMs = START_TIMEOUT_MS): Promise<ServerProcess> {
    const dist = builtDist(['server/main.js']);
    const port = await freePort();
    const server = new ServerProcess(path.join(dist, 'server', 'main.js'), { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'info', METRICS_PORT: '0', ...env, PORT: String(port), HOST: '127.0.0.1' }, port);
    try {
      await server.waitUntilAnswering(timeoutMs);
    } catch (err) {
      await server.stop('SIGKILL');
      throw err;
    }
    return server;
  }

  /** Sends a signal and waits for the process to end; SIGKILL after `graceMs` if it has not. */
  override stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 5_000): Promise<ProcessEnd> {
    return super.stop(signal, graceMs);
  }

  private async waitUntilAnswering(timeoutMs: number): Promise<void> {
    await waitForValue(
      `server on port ${this.port} answers /healthz`,
      async () => {
        if (!this.alive) throw new Error(`server exited while starting (${JSON.stringify(await this.exited)}); log:\n${this.logText()}`);
        return fetch(`${this.url}/healthz`, { signal: AbortSignal.timeout(1000) }).then((r) => r.ok, () => false);
      },
      { timeoutMs, everyMs: 50, detail: () => `log:\n${this.logText()}` },
    );
  }
}
