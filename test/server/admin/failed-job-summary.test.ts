import { FAILED_REASON_MAX } from '../../../common/api/admin-queue';
import { DESIGN_ERROR_PREFIX } from '../../../common/queue/print-job';
import { failedJobSummary, failureOf } from '../../../server/admin/failed-job-summary';

const personal = {
  title: 'Jane Doe for Riverside',
  format: { size: 'A5', orientation: 'portrait' },
  pages: [{ elements: [{ id: 'headline', kind: 'heading', text: 'Vote Jane Doe' }] }, { elements: [] }],
  imprint: { printer: { name: 'Pat Printer', address: '1 High St' }, promoter: { name: 'Priya Promoter', address: '2 Low Rd' } },
};

describe('a failed job as the admin sees it', () => {
  it('shows the id, format, page count, attempts, cause, reason and times, and nothing a campaigner typed', () => {
    const summary = failedJobSummary({
      id: 'f'.repeat(32),
      data: { design: personal, copies: 500, orgId: 'e'.repeat(32), pdfHash: 'd'.repeat(64), acceptedAt: 1 },
      attemptsMade: 5,
      failedReason: 'image abc is not in the file store',
      timestamp: Date.UTC(2026, 4, 1, 9),
      finishedOn: Date.UTC(2026, 4, 1, 9, 5),
    });
    expect(summary).toEqual({
      id: 'f'.repeat(32),
      format: { size: 'A5', orientation: 'portrait' },
      pages: 2,
      attemptsMade: 5,
      cause: 'system',
      failedReason: 'image abc is not in the file store',
      queuedAt: '2026-05-01T09:00:00.000Z',
      failedAt: '2026-05-01T09:05:00.000Z',
    });
    for (const secret of ['Jane', 'Pat', 'Priya', 'High St', 'e'.repeat(32), '500']) expect(JSON.stringify(summary)).not.toContain(secret);
  });

  it('says null for a format or page count it cannot read, and never echoes an unknown paper size', () => {
    const summary = failedJobSummary({ id: 'a'.repeat(32), data: { design: { ...personal, format: { size: 'Jane Doe size' } } }, attemptsMade: 1, timestamp: 0 });
    expect(summary).toMatchObject({ format: null, pages: null, failedAt: null, failedReason: 'no reason was recorded' });
    expect(failedJobSummary({ id: 'a'.repeat(32), data: null, attemptsMade: 0, timestamp: 0 }).format).toBeNull();
  });
});

describe('a failure reason', () => {
  it('tells a fault of the design from a fault of the system', () => {
    expect(failureOf(`${DESIGN_ERROR_PREFIX}text of "headline" does not fit its box`)).toEqual({ cause: 'design', reason: 'text of "headline" does not fit its box' });
    expect(failureOf('render timed out after 60000 ms')).toEqual({ cause: 'system', reason: 'render timed out after 60000 ms' });
  });

  it('is one line of at most FAILED_REASON_MAX characters', () => {
    const { reason } = failureOf(`Error: boom\n    at render (/app/worker.js:1:1)\r\n\t${'x'.repeat(1000)}`);
    expect(reason).not.toMatch(/[\r\n\t]/);
    expect(reason.startsWith('Error: boom at render')).toBe(true);
    expect(reason).toHaveLength(FAILED_REASON_MAX);
    expect(reason.endsWith('…')).toBe(true);
  });
});
