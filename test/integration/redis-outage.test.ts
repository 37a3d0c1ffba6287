import { startRosette, waitForJob, type RunningRosette } from '../support/in-process-rosette';
import type { TestClient } from '../support/test-client';
import { printJobBody } from '../support/real-imprint';

let rosette: RunningRosette;
/** A signed-in campaigner: print jobs belong to an organisation. */
let client: TestClient;
beforeAll(async () => {
  rosette = await startRosette();
  client = await rosette.signedIn(await rosette.createAccount());
});
afterAll(async () => {
  await rosette?.close();
});

const postJob = (design: unknown) => client.request('/api/print-jobs', { json: printJobBody(design as object, { copies: 1 }) });

describe('when Redis goes away', () => {
  it('refuses new print jobs with 503 at once, keeps serving finished PDFs, and recovers', async () => {
    const { design } = (await (await fetch(`${rosette.baseUrl}/api/templates/a6-postcard`)).json()) as { design: Record<string, unknown> };
    const accepted = (await (await postJob(design)).json()) as { statusUrl: string };
    const done = await waitForJob(client, accepted.statusUrl);

    await rosette.redis.stop();
    // Refused rather than held: the answer comes while Redis is still down. (How fast is a latency figure,
    // not a test's: the request path's connection has no offline queue, see createFailFastRedis.)
    const refused = await postJob({ ...design, title: 'During the outage' });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('queue_unavailable');
    expect((await fetch(`${rosette.baseUrl}/readyz`)).status).toBe(503);
    expect((await fetch(`${rosette.baseUrl}/healthz`)).status).toBe(200);
    const pdf = await fetch(rosette.baseUrl + done.download.url);
    expect(pdf.status).toBe(200);
    expect((await pdf.arrayBuffer()).byteLength).toBe(done.download.bytes);

    await rosette.redis.start();
    const deadline = Date.now() + 10_000;
    let again: Response;
    do {
      await new Promise((r) => setTimeout(r, 200));
      again = await postJob({ ...design, title: 'After the outage' });
      // This test's Redis keeps nothing across a restart (production's keeps its AOF): the account
      // and its session are gone, so make them again.
      if (again.status === 401) client = await rosette.signedIn(await rosette.createAccount()).catch(() => client);
    } while ((again.status === 503 || again.status === 401) && Date.now() < deadline);
    expect(again.status).toBe(202);
    const after = await waitForJob(client, ((await again.json()) as { statusUrl: string }).statusUrl);
    expect(after.status).toBe('done');
  });
});
