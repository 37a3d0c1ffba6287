import fs from 'node:fs';
import { ALL_FONTS } from '../../../common/layout/font-tables';
import { TextMeasurer } from '../../../common/layout/font-metrics';
import { tablesJson } from '../../../scripts/generate-font-metrics';

const measurer = new TextMeasurer();

describe('the committed font tables', () => {
  it.each(ALL_FONTS.map((f) => [f.key, f] as const))('for %s are what scripts/generate-font-metrics.ts makes from the TTF', (key, { face, weight }) => {
    const committed = fs.readFileSync(require.resolve(`../../../common/layout/fonts/${key}.metrics.json`), 'utf8');
    expect(committed === tablesJson(face, weight)).toBe(true);
  });

  it.each(ALL_FONTS.map((f) => [f.key, f] as const))('for %s cover the whole cmap: Welsh, Polish, Greek with polytonic accents, Cyrillic and €', (_key, { face, weight }) => {
    expect(measurer.covers('ŵŷẁẃẅỳ ŴŶ żółćęśąźń Ὁμήρου ἔπεα ᾯ Привіт € \u00ad', face, weight)).toBe(true);
  });

  it('cover what DejaVu Sans (and Condensed) have beyond those: ✓, ☎ and Armenian', () => {
    for (const face of ['sans', 'condensed'] as const) for (const weight of ['regular', 'bold'] as const) expect(measurer.covers('✓ ☎ Բարեւ Հայաստան', face, weight)).toBe(true);
  });

  it('still report a character the font lacks', () => {
    expect(measurer.covers('Vote 中', 'sans', 'regular')).toBe(false);
    // DejaVu Serif has no ✓: the layout warns rather than print a box unannounced.
    expect(measurer.covers('✓ Vote', 'serif', 'regular')).toBe(false);
  });
});
