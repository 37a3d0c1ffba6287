import { designSchema } from '../common/design/design-schema';
import { layoutDesign } from '../common/layout/layout-design';
import { SAMPLE_PHOTO_ID, SAMPLE_PHOTO_SIZE } from '../common/templates/sample-photo';
import { findTemplate } from '../common/templates/templates';
import { applyVariant } from '../common/variants/apply-variant';
import { checkVariants } from '../common/variants/check-variants';
import type { VariantField, VariantRow } from '../common/variants/variant-table';
import { fmt, percentiles, timeRuns } from './stats';

export interface VariantCheckFigures {
  /** Median milliseconds to check every row. */
  rosette: number;
  /** Median milliseconds to lay out every row's whole design (the straightforward check). */
  wholeLayouts: number;
}

/**
 * Checks a variant table of `rows` wards of the A5 two-page leaflet (ward, candidate's name and photo in
 * each row) as the editor does, against the baseline of laying out each variant whole. Target: under
 * 1,000 ms for 600 rows (issue 16).
 */
export async function benchVariantCheck(rows: number, runs: number): Promise<VariantCheckFigures> {
  const master = designSchema.parse(findTemplate('a5-flyer')!.design);
  const assets = new Map([[SAMPLE_PHOTO_ID, SAMPLE_PHOTO_SIZE]]);
  const fields: VariantField[] = [
    { key: 'ward', label: 'Ward', page: 0, elementId: 'vote' },
    { key: 'candidate', label: "Candidate's name", page: 0, elementId: 'headline' },
    { key: 'photo', label: 'Photo', page: 0, elementId: 'photo' },
  ];
  const table: VariantRow[] = Array.from({ length: rows }, (_, i) => ({ ward: `Vote in Ward ${i + 1} on 7 May`, candidate: `Councillor number ${i + 1} for you`, photo: SAMPLE_PHOTO_ID }));
  const wholeLayouts = percentiles(await timeRuns(runs, 1, async () => table.map((row) => layoutDesign(designSchema.parse(applyVariant(master, fields, row)), assets)))).median;
  const rosette = percentiles(await timeRuns(runs, 1, async () => checkVariants(master, fields, table, assets))).median;
  console.log(`variant table check, ${rows} rows of the A5 leaflet (median of ${runs} runs):`);
  console.log(`  laying out every variant whole ${fmt(wholeLayouts, 0)} ms; Rosette's check ${fmt(rosette, 0)} ms (ratio ${fmt(rosette / wholeLayouts)}; target < 1000 ms)`);
  return { rosette, wholeLayouts };
}
