import { useEffect, useState } from 'react';
import type { Design } from '../../../common/design/design-schema';
import type { AssetInfo } from '../../../common/layout/layout-design';
import { checkBilingualVariants, checkVariants, type VariantCheck } from '../../../common/variants/check-variants';
import type { AnyVariantTable } from '../../../common/variants/variant-table';

/** Versions checked between two turns of the page's loop: about 25 ms of work, so typing never waits on the check. */
const VERSIONS_PER_TURN = 50;

export type ChecksState = { state: 'checking'; done: number; checks: VariantCheck[] } | { state: 'checked'; checks: VariantCheck[] };

/**
 * Every row of the table laid out and checked (common/variants/check-variants.ts; a bilingual row's
 * English and Welsh versions both), a slice of rows at a time with the page's loop let go in between,
 * so a 600-row table is checked without freezing the page. A change to the table starts the check
 * again; a check overtaken by a change is dropped.
 */
export function useVariantChecks(master: Design | null, table: AnyVariantTable, assets: Record<string, AssetInfo>): ChecksState {
  const [state, setState] = useState<ChecksState>({ state: 'checking', done: 0, checks: [] });
  useEffect(() => {
    if (!master) return;
    let live = true;
    const sizes = new Map(Object.entries(assets));
    const checks: VariantCheck[] = [];
    setState({ state: 'checking', done: 0, checks });
    // A bilingual row is two versions to lay out: half as many rows a turn.
    const perTurn = table.kind === 'bilingual' ? VERSIONS_PER_TURN / 2 : VERSIONS_PER_TURN;
    const rows = table.rows.length;
    const step = (from: number) => {
      if (!live) return;
      const slice = (table.kind === 'bilingual' ? checkBilingualVariants(master, table.fields, table.rows.slice(from, from + perTurn), sizes) : checkVariants(master, table.fields, table.rows.slice(from, from + perTurn), sizes)).map((c) => ({ ...c, row: c.row + from }));
      checks.push(...slice);
      const done = Math.min(rows, from + perTurn);
      if (done >= rows) setState({ state: 'checked', checks: [...checks] });
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
  }, [master, table, assets]);
  return state;
}
