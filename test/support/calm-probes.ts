import type { StartRosetteOptions } from './in-process-rosette';

/**
 * An idle event loop, little memory and a quick Redis, always: for tests of something other than
 * overload. The machine a test runs on may be busy (other suites, a drill), and the real probes would
 * then shed the test's own requests (503) and fail it for a reason it is not about.
 */
export const CALM: StartRosetteOptions = {
  probes: {
    eventLoop: () => ({ delayMs: 0, utilization: 0 }),
    memory: () => ({ heapUsedBytes: 50e6, heapLimitBytes: 4e9, rssBytes: 150e6 }),
    redis: async () => ({ up: true, latencyMs: 1 }),
  },
};
