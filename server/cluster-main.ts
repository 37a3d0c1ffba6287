import cluster, { type Worker } from 'node:cluster';
import path from 'node:path';
import { loadConfig } from '../common/node/config';
import { ChildProcesses } from './child-processes';
import { SERVER_NODE_FLAGS } from './server-node-flags';

/** Pause before a server process that died is started again, milliseconds. */
const RESTART_DELAY_MS = 2000;

/**
 * Entry point of a server run as a node:cluster: this primary only accepts connections and hands them
 * round-robin to SERVER_PROCESSES server processes (main.js), restarting one that dies and passing
 * SIGTERM/SIGINT on (each finishes its requests in flight). Its own event loop does nothing else, so
 * new connections leave the kernel's accept queue at once, and the server processes share the flood
 * between them and the cores.
 */
function main(): void {
  const config = loadConfig(process.env);
  cluster.schedulingPolicy = cluster.SCHED_RR;
  cluster.setupPrimary({ exec: path.join(__dirname, 'main.js'), execArgv: [...SERVER_NODE_FLAGS] });
  const children = new ChildProcesses({ restartDelayMs: RESTART_DELAY_MS, setTimer: setTimeout, clearTimer: clearTimeout, log: (m) => console.error(m) });
  for (let i = 1; i <= config.SERVER_PROCESSES; i++) {
    children.run({ name: `server process ${i}`, start: () => asChild(cluster.fork()) });
  }
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await children.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

/** A cluster worker as ChildProcesses sees a child: signals go to its process, its exit is the process's. */
function asChild(worker: Worker) {
  return {
    kill: (signal: NodeJS.Signals) => worker.process.kill(signal),
    once: (event: 'exit', listener: (code: number | null, signal: NodeJS.Signals | null) => void) => worker.process.once(event, listener),
  };
}

main();
