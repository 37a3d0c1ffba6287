/** One series of a prom-client counter, as `(await counter.get()).values` lists it. */
export interface CounterValue {
  labels: Partial<Record<string, string | number>>;
  value: number;
}

/** The last value of every series of a counter, by its labels. */
export type CounterSnapshot = ReadonlyMap<string, number>;

/** A stable key of a label set (label order does not matter). */
export function seriesKey(labels: CounterValue['labels']): string {
  return Object.keys(labels)
    .sort()
    .map((name) => `${name}=${String(labels[name])}`)
    .join(',');
}

/**
 * How much each series of a counter grew since the previous snapshot: the per-interval figures of a
 * telemetry point, never the totals since start-up. A series not seen before counts from zero (it was
 * created in this interval); one that went down was reset, so all of its value is new.
 */
export function counterDeltas(previous: CounterSnapshot, current: readonly CounterValue[]): { deltas: Array<CounterValue>; snapshot: CounterSnapshot } {
  const snapshot = new Map<string, number>();
  const deltas: CounterValue[] = [];
  for (const { labels, value } of current) {
    const key = seriesKey(labels);
    snapshot.set(key, value);
    const before = previous.get(key) ?? 0;
    const delta = value >= before ? value - before : value;
    if (delta > 0) deltas.push({ labels, value: delta });
  }
  return { deltas, snapshot };
}
