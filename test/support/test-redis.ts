import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, LocalRedis } from '../../common/node/local-redis';

/**
 * A redis-server of the test's own on a free loopback port, in a temporary folder. Tests never touch
 * a Redis somebody else runs.
 */
export async function startTestRedis(options: { persistent?: boolean } = {}): Promise<LocalRedis & { cleanup(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-redis-'));
  const redis = new LocalRedis({ port: await freePort(), dir, persistent: options.persistent ?? false });
  await redis.start();
  return Object.assign(redis, {
    async cleanup() {
      await redis.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  });
}
