import { printJobBody } from '../../support/real-imprint';
import { Queue } from 'bullmq';
import { PRINT_QUEUE, QUEUE_PREFIX } from '../../../common/queue/names';
import { CALM } from '../../support/calm-probes';
import { startRosette, waitForJob, type RunningRosette } from '../../support/in-process-rosette';
import { recordedLeaks } from '../../support/leak-watch';
import type { TestAccount, TestClient } from '../../support/test-client';
import { waitForValue } from '../../support/wait-for';

let rosette: RunningRosette;
let campaigner: TestAccount;
let riverside: TestClient;
let hillside: TestClient;

beforeAll(async () => {
  rosette = await startRosette({}, undefined, CALM);
  campaigner = await rosette.createAccount({ organisation: 'Riverside Labour' });
  riverside = await rosette.signedIn(campaigner);
  hillside = await rosette.signedIn(await rosette.createAccount({ organisation: 'Hillside Greens' }));
});
afterAll(async () => {
  await rosette?.close();
  expect(recordedLeaks()).toEqual([]);
});

interface Entry {
  id: string;
  title: string;
  status: string;
  pages: number | null;
  downloadUrl: string | null;
}
const history = async (client: TestClient) => ((await (await client.request('/api/print-history')).json()) as { printJobs: Entry[] }).printJobs;

describe('the organisation\'s print history', () => {
  it('records who sent which job and how it ended, and keeps it after the queue has dropped the job', async () => {
    const design = ((await (await riverside.request('/api/templates/a5-flyer')).json()) as { design: Record<string, any> }).design;
    design.title = 'History leaflet';
    const accepted = (await (await riverside.request('/api/print-jobs', { json: printJobBody(design, { copies: 1 }) })).json()) as { id: string; statusUrl: string };
    const done = await waitForJob(riverside, accepted.statusUrl);

    const entry = await waitForValue('the print record says done', async () => (await history(riverside)).find((e) => e.id === accepted.id && e.status === 'done'));
    expect(entry).toMatchObject({ title: 'History leaflet', pages: done.download.pages, downloadUrl: done.download.url });
    const row = await rosette.db.selectFrom('print_jobs').select(['account_id', 'org_id']).where('id', '=', accepted.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ account_id: campaigner.id, org_id: campaigner.orgId });

    // The queue's clean-up drops the job: the record stays, and the PDF still downloads.
    const q = new Queue(PRINT_QUEUE, { connection: rosette.serverRedis, prefix: QUEUE_PREFIX });
    await (await q.getJob(accepted.id))?.remove();
    await q.close();
    expect((await riverside.request(accepted.statusUrl)).status).toBe(404);
    expect((await history(riverside)).find((e) => e.id === accepted.id)).toMatchObject({ status: 'done', downloadUrl: done.download.url });
    expect((await riverside.request(done.download.url)).status).toBe(200);
  });

  it('shows an organisation only its own print jobs', async () => {
    expect(await history(hillside)).toEqual([]);
  });
});
