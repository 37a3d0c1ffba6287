import path from 'node:path';
import { Worker as Thread } from 'node:worker_threads';
import type { LoadDone, LoadThreadInput, LoadThreadMessage, LoadTick } from './load-messages';
import type { TrafficClassName } from './traffic-classes';

/**
 * Runs one load thread per traffic class (load-thread.ts) and collects their results. `onTick` gets
 * every class's running totals about once a second, for the live display.
 */
export async function generateLoad(inputs: LoadThreadInput[], onTick: (tick: LoadTick) => void): Promise<Map<TrafficClassName, LoadDone>> {
  const results = await Promise.all(
    inputs.map(
      (workerData) =>
        new Promise<LoadDone>((resolve, reject) => {
          const thread = new Thread(path.join(__dirname, 'load-thread.js'), { workerData });
          thread.on('message', (message: LoadThreadMessage) => {
            if (message.type === 'tick') onTick(message);
            else {
              resolve(message);
              void thread.terminate();
            }
          });
          thread.on('error', reject);
          thread.on('exit', (code) => reject(new Error(`load thread ${workerData.name} exited with code ${code} before finishing`)));
        }),
    ),
  );
  return new Map(results.map((r) => [r.name, r]));
}
