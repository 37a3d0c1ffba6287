import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { FileStore } from '../../common/node/file-store';
import { StoreUnavailableError } from '../../common/node/store-unavailable-error';

/** Whether the file store takes writes, as this server last found. */
export interface StoreHealth {
  writable: boolean;
  /** Since when it has been so, milliseconds since the epoch. */
  since: number;
  /** Why it cannot be written (ENOSPC, EROFS, an object store's error name); null while writable. */
  code: string | null;
}

/** How often a server writes its probe file, milliseconds. */
export const STORE_PROBE_INTERVAL_MS = 5000;

/**
 * Writes a small file to the store on a timer, so a full disk, a read-only mount or object storage that
 * refuses writes is known before a campaigner's print job meets it: new print jobs then get 503 with
 * Retry-After (their PDFs could not be stored), /readyz and the admin console say why, and the jobs
 * already accepted wait in the queue until the store is back (worker/print-processor.ts). The check
 * per request only reads the stored answer.
 */
export class StoreProbe {
  private health: StoreHealth;
  private timer: NodeJS.Timeout | null = null;
  private readonly key: string;

  constructor(
    private readonly deps: { store: FileStore; now: () => number; logger?: Logger; intervalMs?: number; name?: string },
  ) {
    this.health = { writable: true, since: deps.now(), code: null };
    // One probe file per server process, under a key the store accepts (a hash, like every other key).
    this.key = `probes/${createHash('sha256').update(deps.name ?? `server-${process.pid}`).digest('hex')}.txt`;
  }

  get current(): StoreHealth {
    return this.health;
  }

  /** Writes the probe file once and records the answer. */
  async check(): Promise<StoreHealth> {
    let code: string | null = null;
    try {
      await StoreUnavailableError.guard('write', () => this.deps.store.put(this.key, Buffer.from(`${this.deps.now()}\n`)));
    } catch (err) {
      code = err instanceof StoreUnavailableError ? err.code : 'unknown';
    }
    const writable = code === null;
    if (writable !== this.health.writable || code !== this.health.code) {
      this.health = { writable, since: this.deps.now(), code };
      if (writable) this.deps.logger?.info('the file store takes writes again');
      else this.deps.logger?.error({ code }, 'the file store cannot be written: new print jobs are refused until it can');
    }
    return this.health;
  }

  start(): void {
    if (this.timer) return;
    void this.check();
    this.timer = setInterval(() => void this.check(), this.deps.intervalMs ?? STORE_PROBE_INTERVAL_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
