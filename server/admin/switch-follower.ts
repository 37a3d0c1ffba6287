import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { MAINTENANCE_SWITCH_CHANNEL } from '../../common/queue/names';
import type { MaintenanceSwitch } from './maintenance-switch';
import type { SwitchStore } from './switch-store';

/** How often the switch is read again whatever pub/sub says, milliseconds (the fallback when a message is lost). */
export const SWITCH_POLL_MS = 500;

export interface SwitchFollowerOptions {
  store: SwitchStore;
  /** A connection of its own: one that subscribes can send nothing else. It is disconnected by stop(). */
  subscriber: Redis;
  onSwitch: (adminSwitch: MaintenanceSwitch) => void;
  logger: Logger;
  /** SWITCH_POLL_MS by default. */
  pollMs?: number;
}

/**
 * Keeps this process's copy of the admin's switch: read again on every pub/sub announcement (within
 * milliseconds) and every `pollMs` (so within a second even if an announcement is lost or the
 * subscription is being re-made). While Redis is away the last copy stays.
 */
export class SwitchFollower {
  private timer: NodeJS.Timeout | null = null;
  private reading: Promise<void> | null = null;
  private again = false;

  constructor(private readonly options: SwitchFollowerOptions) {}

  start(): void {
    const { subscriber, pollMs = SWITCH_POLL_MS } = this.options;
    subscriber.on('error', () => undefined); // the sampler reports Redis problems
    subscriber.on('message', (channel: string) => {
      if (channel === MAINTENANCE_SWITCH_CHANNEL) this.refresh();
    });
    // Subscribe on every (re)connection; ioredis re-subscribes too, this covers a first attempt that failed.
    const subscribe = () => void subscriber.subscribe(MAINTENANCE_SWITCH_CHANNEL).then(() => this.refresh(), () => undefined);
    subscriber.on('ready', subscribe);
    if (subscriber.status === 'ready') subscribe();
    this.timer = setInterval(() => this.refresh(), pollMs);
    this.timer.unref();
    this.refresh();
  }

  /** Reads the switch now (a read already under way is followed by one more, so none is missed). */
  refresh(): void {
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = this.options.store
      .read()
      .then(this.options.onSwitch, () => undefined)
      .finally(() => {
        this.reading = null;
        if (this.again) {
          this.again = false;
          this.refresh();
        }
      });
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.options.subscriber.disconnect();
  }
}
