import { printJobBody } from '../support/real-imprint';
import { CALM } from '../support/calm-probes';
import { startRosette, waitForJob, type RunningRosette } from '../support/in-process-rosette';
import { recordedLeaks } from '../support/leak-watch';
import { TestClient } from '../support/test-client';
import { patient, waitFor } from '../support/wait-for';
import { sentPast503 } from '../support/sent-past-503';

// Its first print job may be sent again for up to 80 s on a busy machine (sentPast503), before the test's own work.
jest.setTimeout(patient(60_000));

let rosette: RunningRosette;

beforeAll(async () => {
  rosette = await startRosette({}, undefined, { ...CALM, servers: 2 });
});
afterAll(async () => {
  await rosette?.close();
  expect(recordedLeaks()).toEqual([]);
});

describe('the share-link cache of two servers', () => {
  it('serves a link made on one server from the other, and a withdrawal on one stops it on both', async () => {
    const [a, b] = rosette.baseUrls as [string, string];
    const campaigner = await rosette.signedIn(await rosette.createAccount());
    const design = ((await (await campaigner.request('/api/templates/a5-flyer')).json()) as { design: Record<string, any> }).design;
    const accepted = (await (await sentPast503('the print job', () => campaigner.request('/api/print-jobs', { json: printJobBody(design, { copies: 1 }) }))).json()) as { id: string; statusUrl: string };
    await waitForJob(campaigner, accepted.statusUrl);
    const link = (await (await campaigner.request(`/api/print-jobs/${accepted.id}/share-links`, { json: {} })).json()) as { id: string; url: string };
    const pdf = (base: string) => new TestClient(base).request(`${link.url}/leaflet.pdf`).then((r) => r.status);

    // Server B has not seen it made: it finds it in the table, then keeps it.
    expect([await pdf(a), await pdf(b)]).toEqual([200, 200]);

    expect((await campaigner.request(`/api/share-links/${link.id}`, { method: 'DELETE' })).status).toBe(204);
    expect(await pdf(a)).toBe(404);
    await waitFor('server B stops serving the withdrawn link (its cache follows the table)', async () => (await pdf(b)) === 404, 5000, 50);
  });
});
