import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DirectoryFileStore } from '../../../common/node/file-store';
import { printRunHistoryEntry, runStepFailedOf } from '../../../server/print-runs/print-run-history';
import type { RunJobState } from '../../../server/print-runs/print-run-flow';
import type { RunHistoryRow } from '../../../server/print-runs/print-run-store';

const ME = 'a'.repeat(32);
const row = (overrides: Partial<RunHistoryRow> = {}): RunHistoryRow => ({
  id: 'b'.repeat(32),
  designId: 'c'.repeat(32),
  designVersion: 3,
  title: 'Ward newsletter',
  createdBy: ME,
  createdAt: Date.UTC(2026, 11, 6, 9),
  designDeleted: false,
  pdfHashes: ['1'.repeat(64), '2'.repeat(64)],
  renders: 2,
  rendered: 2,
  failed: 0,
  ...overrides,
});

let dir: string;
let store: DirectoryFileStore;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-run-history-'));
  store = new DirectoryFileStore(dir);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a print run as the print history lists it', () => {
  const never = async () => false;

  it('is printing while a version is still to render, and the queue is not asked', async () => {
    const asked: string[] = [];
    const entry = await printRunHistoryEntry(row({ rendered: 1 }), store, ME, async (id) => (asked.push(id), true));
    expect(entry).toEqual({
      id: 'b'.repeat(32),
      title: 'Ward newsletter',
      versions: 2,
      status: 'printing',
      sentByYou: true,
      sentAt: '2026-12-06T09:00:00.000Z',
      combinedUrl: null,
      zipUrl: null,
      statusUrl: `/api/runs/${'b'.repeat(32)}`,
      designId: 'c'.repeat(32),
    });
    expect(asked).toEqual([]);
  });

  it('needs a retry when a version failed, or when every version rendered and the run step failed', async () => {
    expect((await printRunHistoryEntry(row({ rendered: 1, failed: 1 }), store, ME, never)).status).toBe('needs_retry');
    expect((await printRunHistoryEntry(row(), store, ME, async () => true)).status).toBe('needs_retry');
    expect((await printRunHistoryEntry(row(), store, ME, never)).status).toBe('printing');
  });

  it('says another member started it without naming them, and offers no Versions screen once the design is deleted', async () => {
    expect(await printRunHistoryEntry(row({ designDeleted: true }), store, 'f'.repeat(32), never)).toMatchObject({ sentByYou: false, designId: null });
  });
});

describe("asking the queue about a run's own step", () => {
  const flowSaying = (state: Promise<RunJobState>) => ({ runState: () => state });

  it('counts a failed step, and a step the queue no longer has, as failed; a queued or rendering one not', async () => {
    expect(await runStepFailedOf(flowSaying(Promise.resolve('failed')))('x')).toBe(true);
    expect(await runStepFailedOf(flowSaying(Promise.resolve('gone')))('x')).toBe(true);
    expect(await runStepFailedOf(flowSaying(Promise.resolve('queued')))('x')).toBe(false);
    expect(await runStepFailedOf(flowSaying(Promise.resolve('rendering')))('x')).toBe(false);
  });

  it('says not failed when the queue errs or does not answer in time, so the list never waits on Redis', async () => {
    expect(await runStepFailedOf(flowSaying(Promise.reject(new Error('Connection is closed'))))('x')).toBe(false);
    expect(await runStepFailedOf(flowSaying(new Promise<RunJobState>(() => undefined)), 10)('x')).toBe(false);
  });
});
