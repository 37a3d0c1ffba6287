import { FONT_FACES } from '../../../common/layout/font-files';
import { typefaceOptions } from '../../../client/src/editor/typeface-options';

describe('the typeface picker’s choices', () => {
  it('are Rosette’s fonts in their usual order when the brand kit names none', () => {
    expect(typefaceOptions([])).toEqual([
      { face: 'sans', label: 'Sans', brand: false },
      { face: 'serif', label: 'Serif', brand: false },
      { face: 'condensed', label: 'Condensed', brand: false },
    ]);
  });

  it('put the brand’s typefaces first, in the kit’s order and labelled as the brand’s, then the others', () => {
    expect(typefaceOptions(['condensed', 'serif']).map((o) => o.label)).toEqual(['Condensed (brand)', 'Serif (brand)', 'Sans']);
    expect(typefaceOptions(['serif']).filter((o) => o.brand).map((o) => o.face)).toEqual(['serif']);
  });

  it('offer every font once, whatever the kit says, and ignore a name that is not one of them', () => {
    const options = typefaceOptions(['serif', 'serif', 'Comic Sans']);
    expect(options.map((o) => o.face).sort()).toEqual([...FONT_FACES].sort());
    expect(options[0]).toEqual({ face: 'serif', label: 'Serif (brand)', brand: true });
  });
});
