import { startRosette, waitForJob, type RunningRosette } from '../support/in-process-rosette';

let rosette: RunningRosette;
beforeAll(async () => {
  rosette = await startRosette();
});
afterAll(async () => {
  await rosette?.close();
});

const postJob = (design: unknown) =>
  fetch(`${rosette.baseUrl}/api/print-jobs`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ design, copies: 1 }) });

describe('when Redis goes away', () => {
  it('refuses new print jobs with 503 at once, keeps serving finished PDFs, and recovers', async () => {
    const { design } = (await (await fetch(`${rosette.baseUrl}/api/templates/a6-postcard`)).json()) as { design: Record<string, unknown> };
    const accepted = (await (await postJob(design)).json()) as { statusUrl: string };
    const done = await waitForJob(rosette.baseUrl, accepted.statusUrl);

    await rosette.redis.stop();
    const started = Date.now();
    const refused = await postJob({ ...design, title: 'During the outage' });
    expect(Date.now() - started).toBeLessThan(1000);
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
    } while (again.status === 503 && Date.now() < deadline);
    expect(again.status).toBe(202);
    const after = await waitForJob(rosette.baseUrl, ((await again.json()) as { statusUrl: string }).statusUrl);
    expect(after.status).toBe('done');
  });
});
