import { createFailFastRedis } from '../../common/node/redis-connection';
import { startRosette, waitForJob, type RunningRosette } from '../support/in-process-rosette';
import type { TestClient } from '../support/test-client';
import { patient, waitFor } from '../support/wait-for';
import { printJobBody } from '../support/real-imprint';

let rosette: RunningRosette;
let client: TestClient;
let pdfUrl: string;
let postcard: Record<string, unknown>;
beforeAll(async () => {
  rosette = await startRosette();
  client = await rosette.signedIn(await rosette.createAccount());
  postcard = ((await (await client.request('/api/templates/a6-postcard')).json()) as { design: Record<string, unknown> }).design;
  const accepted = await postJob('Printed before Redis froze');
  const done = await waitForJob(client, ((await accepted.json()) as { statusUrl: string }).statusUrl);
  pdfUrl = done.download.url;
});
afterAll(async () => {
  rosette?.redis.thaw();
  await rosette?.close();
});

function postJob(title: string) {
  return client.request('/api/print-jobs', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(printJobBody({ ...postcard, title }, { copies: 1 })) });
}

describe('when Redis freezes (SIGSTOP: its sockets stay open, nothing answers)', () => {
  it('serves downloads, refuses a print job and reaches maintenance, each before a 3 s Redis command would have timed out', async () => {
    // A connection made before the freeze, whose PING gives up after 3 s: the yardstick the others must beat.
    const yardstick = createFailFastRedis(rosette.redis.url, { commandTimeout: 3000, maxRetriesPerRequest: 0 });
    await waitFor('the yardstick connected', () => yardstick.status === 'ready', 10_000);
    await yardstick.ping();
    const events: string[] = [];
    rosette.redis.freeze();
    try {
      const timedOut = yardstick.ping().then(
        () => events.push('Redis answered'),
        () => events.push('a 3 s command timed out'),
      );
      const downloads = (async () => {
        const statuses: number[] = [];
        for (let i = 0; i < 5; i++) {
          const res = await client.request(pdfUrl);
          await res.arrayBuffer();
          statuses.push(res.status);
        }
        events.push('5 downloads');
        return statuses;
      })();
      const refused = postJob('Sent while Redis is frozen').then(async (res) => {
        events.push('print job answered');
        return { status: res.status, body: (await res.json()) as { error?: { code: string } } };
      });
      const maintenance = waitFor('maintenance', () => rosette.servers[0]!.overload.mode === 'maintenance', 20_000).then(() => events.push('maintenance'));
      await Promise.all([timedOut, downloads, refused, maintenance]);

      expect(await downloads).toEqual([200, 200, 200, 200, 200]);
      const answer = await refused;
      expect(answer.status).toBe(503);
      expect(['queue_unavailable', 'maintenance']).toContain(answer.body.error?.code);
      // Whatever the order among the first three, the yardstick's timeout comes last.
      expect(events[events.length - 1]).toBe('a 3 s command timed out');
      expect(events).toHaveLength(4);
    } finally {
      rosette.redis.thaw();
      yardstick.disconnect();
    }
  }, patient(60_000));

  it('takes print jobs again once Redis carries on and the ladder is back to normal', async () => {
    // The ladder steps down a rung at a time (maintenance, degraded, busy), as after any outage.
    await waitFor('normal mode', () => rosette.servers[0]!.overload.mode === 'normal', 60_000);
    const res = await postJob('Sent after Redis carried on');
    expect(res.status).toBe(202);
  }, patient(120_000));
});
