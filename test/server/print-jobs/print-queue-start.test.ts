import { MINIMUM_REDIS_VERSION, assertRedisVersion, createFailFastRedis } from '../../../common/node/redis-connection';
import type { PrintJobData } from '../../../common/queue/print-job';
import { PrintQueue } from '../../../server/print-jobs/print-queue';
import { PrintRunFlow } from '../../../server/print-runs/print-run-flow';
import { startTestRedis } from '../../support/test-redis';
import { waitForValue } from '../../support/wait-for';

const ORG = 'a'.repeat(32);
const data = (title: string) => ({ design: { title }, copies: 1, pdfHash: 'c'.repeat(64), acceptedAt: Date.now(), orgId: ORG }) as unknown as PrintJobData;

let redis: Awaited<ReturnType<typeof startTestRedis>>;
const connections: Array<ReturnType<typeof createFailFastRedis>> = [];
/** A server's fail-fast connection (no offline queue, 1 s per command), once connected. */
async function connected() {
  const connection = createFailFastRedis(redis.url);
  connection.on('error', () => undefined);
  connections.push(connection);
  await waitForValue('the connection ready', () => connection.status === 'ready');
  return connection;
}
beforeAll(async () => {
  redis = await startTestRedis();
});
afterAll(async () => {
  redis?.thaw();
  for (const connection of connections) connection.disconnect();
  await redis?.cleanup();
});

describe("a server's print queue made while Redis does not answer", () => {
  it('takes print jobs and print runs once Redis answers again (BullMQ once kept the first failure for good)', async () => {
    const connection = await connected();
    // As a Redis stuck in a long fork when the server starts: the connection is open, nothing answers.
    redis.freeze();
    const queue = new PrintQueue(connection);
    queue.queue.on('error', () => undefined);
    const flow = new PrintRunFlow(connection, queue.queue);
    try {
      // Anything the queue and the flow sent when they were made has met the connection's 1 s timeout by the time this has.
      await expect(connection.ping()).rejects.toThrow(/timed out/i);
    } finally {
      redis.thaw();
    }
    await waitForValue('Redis answering again', () => connection.ping().then(() => true, () => false));
    const view = await queue.enqueue('1'.repeat(32), data('After the freeze'));
    expect(view).toMatchObject({ id: '1'.repeat(32), status: 'queued', position: 1 });
    await flow.add({ runId: '2'.repeat(32), orgId: ORG, variants: 1, acceptedAt: Date.now(), jobIds: ['3'.repeat(32)], labels: ['Abbey'], title: 'Wards' }, [{ jobId: '3'.repeat(32), data: data('Abbey') }]);
    expect((await flow.states(['3'.repeat(32)])).get('3'.repeat(32))).toBe('queued');
    await flow.close();
    await queue.close();
  });
});

describe('the Redis version check at start', () => {
  it("lets this machine's Redis through, and refuses one older than the queue needs, naming both versions", async () => {
    await expect(assertRedisVersion(await connected())).resolves.toBeUndefined();
    await expect(assertRedisVersion({ info: async () => '# Server\r\nredis_version:4.0.14\r\nredis_mode:standalone\r\n' } as never)).rejects.toThrow(`Redis version 4.0.14 is older than the ${MINIMUM_REDIS_VERSION} the print queue needs`);
    await expect(assertRedisVersion({ info: async () => '# Server\r\nredis_version:5.0.0\r\n' } as never)).resolves.toBeUndefined();
    await expect(assertRedisVersion({ info: async () => '# Server\r\nredis_version:10.2\r\n' } as never)).resolves.toBeUndefined();
  });
});
