import { CALM } from '../support/calm-probes';
import type { FileStore } from '../../common/node/file-store';
import { startRosette, waitForJob, type RunningRosette } from '../support/in-process-rosette';
import type { TestClient } from '../support/test-client';
import { waitFor, waitForValue } from '../support/wait-for';
import { printJobBody } from '../support/real-imprint';

/** The store as a full disk would leave it: reads work, every write fails with ENOSPC until it is freed. */
class FillableStore implements FileStore {
  full = false;
  /** Refuse only PDFs (the probe's small file still fits): the job is accepted, then meets the full disk. */
  fullForPdfs = false;
  refusedPdfs = 0;
  constructor(private readonly inner: FileStore) {}
  async put(key: string, data: Buffer) {
    const refusePdf = this.fullForPdfs && key.startsWith('pdfs/');
    if (refusePdf) this.refusedPdfs += 1;
    if (this.full || refusePdf) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    return this.inner.put(key, data);
  }
  read = (key: string) => this.inner.read(key);
  stat = (key: string) => this.inner.stat(key);
  stream = (key: string) => this.inner.stream(key);
  remove = (key: string) => this.inner.remove(key);
}

let rosette: RunningRosette;
let store: FillableStore;
let client: TestClient;
let admin: TestClient;
beforeAll(async () => {
  // Calm probes: this is about the file store, not load (a busy machine must not shed the test's own requests).
  rosette = await startRosette({}, undefined, { ...CALM, storeProbeMs: 100, wrapStore: (inner) => (store = new FillableStore(inner)) });
  client = await rosette.signedIn(await rosette.createAccount());
  admin = await rosette.signedIn(await rosette.createAccount({ role: 'admin' }));
});
afterAll(async () => {
  await rosette?.close();
});

const postJob = async (title: string) => {
  const design = ((await (await client.request('/api/templates/a6-postcard')).json()) as { design: Record<string, unknown> }).design;
  return client.request('/api/print-jobs', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(printJobBody({ ...design, title }, { copies: 1 })) });
};
const readyz = async () => (await (await client.request('/readyz')).json()) as { status: string; store: string };
const storeStatus = async () => ((await (await admin.request('/api/admin/status')).json()) as { store: { writable: boolean; code: string | null } }).store;

describe('when the file store fills up', () => {
  it('refuses new print jobs with 503 and Retry-After, says why in /readyz and the admin status, and takes them again once it is freed', async () => {
    store.full = true;
    await waitFor('the probe to find the disk full', async () => !(await storeStatus()).writable, 10_000);
    expect(await storeStatus()).toEqual({ writable: false, since: expect.any(String), code: 'ENOSPC' });
    const health = await readyz();
    expect(health.status).toBe('ready');
    expect(health.store).toMatch(/cannot be written \(ENOSPC\)/);

    const refused = await postJob('Sent while the disk is full');
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('store_unavailable');

    store.full = false;
    await waitFor('the probe to find room again', async () => (await storeStatus()).writable, 10_000);
    expect((await readyz()).store).toBe('writable');
    // A 503 that is not the store's (the queue missed its 1 s bound on a busy machine) is sent again, as a client does after Retry-After.
    const accepted = await waitForValue('the job accepted once the disk was freed', async () => {
      const res = await postJob('Sent once the disk was freed');
      if (res.status !== 503) return res;
      expect(((await res.json()) as { error: { code: string } }).error.code).not.toBe('store_unavailable');
      return null;
    });
    expect(accepted.status).toBe(202);
  });

  it('keeps a job whose PDF meets the full disk waiting, spending no attempt, and prints it once there is room', async () => {
    store.fullForPdfs = true;
    const accepted = await postJob('Its PDF meets a full disk');
    expect(accepted.status).toBe(202);
    const { statusUrl } = (await accepted.json()) as { statusUrl: string };
    // Twice: the job has been put back once and tried again, not failed.
    await waitFor('the worker to meet the full disk twice', () => store.refusedPdfs >= 2, 30_000);
    const during = (await (await client.request(statusUrl)).json()) as { status: string; failure: unknown };
    expect(during.status).not.toBe('failed');
    expect(during.failure).toBeNull();
    store.fullForPdfs = false;
    const done = await waitForJob(client, statusUrl);
    expect(done.status).toBe('done');
  });
});
