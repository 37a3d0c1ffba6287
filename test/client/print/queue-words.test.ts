import { queuedWords, waitInWords } from '../../../client/src/print/queue-words';

describe('what a campaigner is told while a print job waits', () => {
  it('gives the place in line and the expected wait', () => {
    expect(queuedWords({ position: 3, estimatedWaitSeconds: 150, printingPaused: false })).toBe('Your leaflet is in the print queue: number 3 in line. It should start in about 3 minutes.');
    expect(queuedWords({ position: 1, estimatedWaitSeconds: 20, printingPaused: false })).toBe('Your leaflet is next in the print queue. It should start in under a minute.');
    expect(queuedWords({ position: null, estimatedWaitSeconds: null, printingPaused: false })).toBe('Your leaflet is in the print queue.');
  });

  it('says that printing is paused and the leaflet is safe, instead of a wait nobody knows', () => {
    const words = queuedWords({ position: 12, estimatedWaitSeconds: null, printingPaused: true });
    expect(words).toMatch(/^Printing is paused for a moment/);
    expect(words).toContain('safe in the print queue (number 12 in line)');
    expect(words).toContain('printed as soon as printing resumes');
  });

  it('rounds waits to words', () => {
    expect([0, 59, 60, 89, 90, 600, 5300, 5400, 7200].map(waitInWords)).toEqual([
      'under a minute',
      'under a minute',
      'about 1 minute',
      'about 1 minute',
      'about 2 minutes',
      'about 10 minutes',
      'about 88 minutes',
      'about 2 hours',
      'about 2 hours',
    ]);
  });
});
