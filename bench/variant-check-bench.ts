import { designSchema } from '../common/design/design-schema';
import { layoutDesign } from '../common/layout/layout-design';
import { SAMPLE_PHOTO_ID, SAMPLE_PHOTO_SIZE } from '../common/templates/sample-photo';
import { findTemplate } from '../common/templates/templates';
import { applyVariant } from '../common/variants/apply-variant';
import { checkBilingualVariants, checkVariants } from '../common/variants/check-variants';
import type { BilingualField, BilingualRow, VariantField, VariantRow } from '../common/variants/variant-table';
import { bilingualValues, plainFields } from '../common/variants/variant-versions';
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

/**
 * benchVariantCheck() for a bilingual table: `rows` wards, each an English and a Welsh version (ward and
 * candidate's words in both languages, the photo shared), so 600 rows are 1,200 versions. Baseline:
 * laying out each of the versions whole. Target: under 1,000 ms for 600 rows, as for a plain table.
 */
export async function benchBilingualVariantCheck(rows: number, runs: number): Promise<VariantCheckFigures> {
  const master = designSchema.parse(findTemplate('a5-flyer')!.design);
  const assets = new Map([[SAMPLE_PHOTO_ID, SAMPLE_PHOTO_SIZE]]);
  const fields: BilingualField[] = [
    { key: 'ward', label: 'Ward', page: 0, elementId: 'vote' },
    { key: 'candidate', label: "Candidate's name", page: 0, elementId: 'headline' },
    { key: 'photo', label: 'Photo', page: 0, elementId: 'photo', shared: true },
  ];
  const table: BilingualRow[] = Array.from({ length: rows }, (_, i) => ({
    ward: { en: `Vote in Ward ${i + 1} on 7 May`, cy: `Pleidleisiwch yn Ward ${i + 1} ar 7 Mai` },
    candidate: { en: `Councillor number ${i + 1} for you`, cy: `Cynghorydd rhif ${i + 1} i chi` },
    photo: SAMPLE_PHOTO_ID,
  }));
  const plain = plainFields(fields);
  const versions = table.flatMap((row) => (['en', 'cy'] as const).map((language) => ({ values: bilingualValues(row, language), language })));
  const wholeLayouts = percentiles(await timeRuns(runs, 1, async () => versions.map((v) => layoutDesign(designSchema.parse(applyVariant(master, plain, v.values, { language: v.language })), assets)))).median;
  const rosette = percentiles(await timeRuns(runs, 1, async () => checkBilingualVariants(master, fields, table, assets))).median;
  console.log(`bilingual variant table check, ${rows} rows (${rows * 2} versions, English and Welsh) of the A5 leaflet (median of ${runs} runs):`);
  console.log(`  laying out every version whole ${fmt(wholeLayouts, 0)} ms; Rosette's check ${fmt(rosette, 0)} ms (ratio ${fmt(rosette / wholeLayouts)}; target < 1000 ms)`);
  return { rosette, wholeLayouts };
}
