import { useEffect, useState } from 'react';
import type { Design } from '../../../common/design/design-schema';
import type { AssetInfo } from '../../../common/layout/layout-design';
import { checkVariants, type VariantCheck } from '../../../common/variants/check-variants';
import type { VariantField, VariantRow } from '../../../common/variants/variant-table';

/** Rows checked between two turns of the page's loop: about 25 ms of work, so typing never waits on the check. */
const ROWS_PER_TURN = 50;

export type ChecksState = { state: 'checking'; done: number; checks: VariantCheck[] } | { state: 'checked'; checks: VariantCheck[] };

/**
 * Every row of the table laid out and checked (common/variants/check-variants.ts), a slice of rows at a
 * time with the page's loop let go in between, so a 600-row table is checked without freezing the
 * page. A change to the table starts the check again; a check overtaken by a change is dropped.
 */
export function useVariantChecks(master: Design | null, fields: VariantField[], rows: VariantRow[], assets: Record<string, AssetInfo>): ChecksState {
  const [state, setState] = useState<ChecksState>({ state: 'checking', done: 0, checks: [] });
  useEffect(() => {
    if (!master) return;
    let live = true;
    const sizes = new Map(Object.entries(assets));
    const checks: VariantCheck[] = [];
    setState({ state: 'checking', done: 0, checks });
    const step = (from: number) => {
      if (!live) return;
      const slice = checkVariants(master, fields, rows.slice(from, from + ROWS_PER_TURN), sizes).map((c) => ({ ...c, row: c.row + from }));
      checks.push(...slice);
      const done = Math.min(rows.length, from + ROWS_PER_TURN);
      if (done >= rows.length) setState({ state: 'checked', checks: [...checks] });
      else {
        setState({ state: 'checking', done, checks: [...checks] });
        setTimeout(() => step(done), 0);
      }
    };
    const timer = setTimeout(() => step(0), 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [master, fields, rows, assets]);
  return state;
}
