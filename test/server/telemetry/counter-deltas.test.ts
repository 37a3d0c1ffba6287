import { counterDeltas, seriesKey } from '../../../server/telemetry/counter-deltas';

describe('the growth of a counter between two telemetry points', () => {
  const first = counterDeltas(new Map(), [
    { labels: { class: 'page', status: '200' }, value: 10 },
    { labels: { class: 'api', status: '503' }, value: 4 },
  ]);

  it('counts a series not seen before from zero', () => {
    expect(first.deltas).toEqual([
      { labels: { class: 'page', status: '200' }, value: 10 },
      { labels: { class: 'api', status: '503' }, value: 4 },
    ]);
  });

  it('gives only what was added since the previous snapshot, and leaves out series that did not move', () => {
    const next = counterDeltas(first.snapshot, [
      { labels: { class: 'page', status: '200' }, value: 13 },
      { labels: { class: 'api', status: '503' }, value: 4 },
      { labels: { class: 'print', status: '202' }, value: 2 },
    ]);
    expect(next.deltas).toEqual([
      { labels: { class: 'page', status: '200' }, value: 3 },
      { labels: { class: 'print', status: '202' }, value: 2 },
    ]);
  });

  it('takes all of a series that went down as new (the counter was reset)', () => {
    const next = counterDeltas(first.snapshot, [{ labels: { class: 'page', status: '200' }, value: 2 }]);
    expect(next.deltas).toEqual([{ labels: { class: 'page', status: '200' }, value: 2 }]);
  });

  it('knows a series by its labels whatever their order', () => {
    expect(seriesKey({ status: '200', class: 'page' })).toBe(seriesKey({ class: 'page', status: '200' }));
  });
});
