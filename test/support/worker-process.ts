import path from 'node:path';
import { builtDist } from './built-dist';
import { ForkedProcess } from './forked-process';

export type { LogLine } from './forked-process';

/**
 * A real worker process (dist/worker/main.js) with its log collected line by line. The environment is
 * the worker's configuration; LOG_LEVEL defaults to info because the tests read the log. stop() waits
 * as long as the worker takes to finish its job.
 * WORKER_NICE defaults to 0 here (the product's default is 10): at nice 10 a worker gets about a tenth
 * of a core beside any process at nice 0, so on a machine busy with other work (`stress-ng --cpu 2`, a
 * second copy of the suite) a fault test's render crawled past its safety net. The test of the
 * priority itself sets it.
 */
export class WorkerProcess extends ForkedProcess {
  constructor(env: Record<string, string>) {
    const dist = builtDist(['worker/main.js', 'worker/render-pool/render-thread.js']);
    super(path.join(dist, 'worker', 'main.js'), { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'info', WORKER_NICE: '0', ...env });
  }
}
