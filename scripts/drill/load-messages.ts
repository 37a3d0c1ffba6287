import type { RatePhase } from './drill-options';
import type { TrafficClassName, TrafficFixtures } from './traffic-classes';

/** What a load thread is told: one traffic class against every server. */
export interface LoadThreadInput {
  name: TrafficClassName;
  /** Base URLs of the server processes; requests go round-robin. */
  servers: string[];
  phases: RatePhase[];
  /** Most requests in flight to one server (the class's sockets to it, over all its clients). */
  socketsPerServer: number;
  /**
   * The local addresses the class's clients send from, one per simulated person (a keep-alive
   * connection each to every server); the servers tell clients apart by address.
   */
  clientAddresses: string[];
  /** Milliseconds before an unanswered request counts as failed. */
  timeoutMs: number;
  /** The drill's time zero, milliseconds since the epoch (every thread shares it). */
  startAt: number;
  fixtures: TrafficFixtures;
  /** Unique per run: goes into print job titles. */
  tag: string;
}

/** Everything sent in one second of the drill (by the second it was sent in). */
export interface SecondBucket {
  sent: number;
  served: number;
  shed: number;
  failed: number;
  /** Arrivals not sent because every socket to the chosen server was busy. */
  dropped: number;
  /** Milliseconds from sending to the last byte, of served answers. */
  servedMs: number[];
  /** Milliseconds of shed answers (503, 429). */
  shedMs: number[];
  /** Failures by status code or error code. */
  failures: Record<string, number>;
  /** Answers by HTTP status. */
  statuses: Record<string, number>;
}

export const emptyBucket = (): SecondBucket => ({ sent: 0, served: 0, shed: 0, failed: 0, dropped: 0, servedMs: [], shedMs: [], failures: {}, statuses: {} });

/** Running totals, posted every second for the live display. */
export interface LoadTick {
  type: 'tick';
  name: TrafficClassName;
  sent: number;
  served: number;
  shed: number;
  failed: number;
  dropped: number;
}

/** The thread's result, posted once its last request has answered. */
export interface LoadDone {
  type: 'done';
  name: TrafficClassName;
  buckets: SecondBucket[];
  /** Ids of the print jobs the servers accepted (202), for the print class. */
  acceptedJobIds: string[];
  /** The thread's own event-loop delay, milliseconds: large values would inflate the latencies it measured. */
  loopDelayMs: { p50: number; p99: number; max: number };
}

export type LoadThreadMessage = LoadTick | LoadDone;
