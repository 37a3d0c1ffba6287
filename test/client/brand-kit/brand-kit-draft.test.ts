import { brandKitSchema, type BrandKit } from '../../../common/brand/brand-kit';
import { colourToCss } from '../../../common/design/colour';
import { colourOf, draftOf, emptyColour, fieldPathsOf, kitOf, logoNameFromFile, problemsForFields, swatchOf } from '../../../client/src/brand-kit/brand-kit-draft';

const LOGO = 'a'.repeat(64);
const KIT: BrandKit = { colours: [{ name: 'Party plum', colour: 'cmyk(60, 100, 20, 10)' }], logos: [{ name: 'Rosette', assetId: LOGO }], typefaces: ['serif'], imprintMinFontSize: 7 };

describe('the brand kit screen’s draft', () => {
  it('goes back to the same kit it was made from, which the server’s schema accepts', () => {
    const body = kitOf(draftOf(KIT));
    expect(body).toEqual(KIT);
    expect(brandKitSchema.parse(body)).toEqual(KIT);
  });

  it('sends no imprint rule for an empty size field, and the number typed otherwise', () => {
    const draft = draftOf(KIT);
    expect(kitOf({ ...draft, imprintMinFontSize: ' ' }).imprintMinFontSize).toBeNull();
    expect(kitOf({ ...draft, imprintMinFontSize: '8.5' }).imprintMinFontSize).toBe(8.5);
  });

  it('writes a colour row as cmyk() with the inks as typed, leaving the check to the server', () => {
    const row = { ...emptyColour(), name: 'Too much cyan', inks: { c: '150', m: ' 5 ', y: '', k: '0' } };
    expect(colourOf(row)).toBe('cmyk(150, 5, , 0)');
    expect(brandKitSchema.safeParse({ colours: [{ name: row.name, colour: colourOf(row) }] }).error?.issues[0]?.path).toEqual(['colours', 0, 'colour']);
  });

  it('shows a swatch through the colour module’s soft proof, and none while the inks are not a colour', () => {
    const row = draftOf(KIT).colours[0]!;
    expect(swatchOf(row)).toBe(colourToCss('cmyk(60, 100, 20, 10)'));
    expect(swatchOf({ ...row, inks: { ...row.inks, c: '101' } })).toBeNull();
    expect(swatchOf({ ...row, inks: { ...row.inks, m: '' } })).toBeNull();
  });

  it('names a logo after its file until the agent renames it', () => {
    expect(logoNameFromFile('joint-party_logo.png')).toBe('joint party logo');
    expect(logoNameFromFile('.png')).toBe('Logo');
    expect(logoNameFromFile(`${'x'.repeat(60)}.jpeg`)).toHaveLength(40);
  });
});

describe('the server’s problems, by field', () => {
  const draft = draftOf({ ...KIT, colours: [...KIT.colours, { name: 'Sky', colour: 'cmyk(60, 0, 0, 0)' }] });

  it('lists every field the screen shows', () => {
    expect(fieldPathsOf(draft)).toEqual(['colours', 'colours[0].name', 'colours[0].colour', 'colours[1].name', 'colours[1].colour', 'logos', 'logos[0].name', 'logos[0].assetId', 'typefaces', 'imprintMinFontSize']);
  });

  it('puts each problem by the field its path names, the first message of a field winning', () => {
    const fields = [
      { path: 'colours[1].name', message: '"Sky" is already a colour of an organisation above yours; use another name' },
      { path: 'colours[1].name', message: 'second' },
      { path: 'logos[0].assetId', message: 'no uploaded image has this id' },
      { path: 'imprintMinFontSize', message: 'must be at least 7 pt (inherited)' },
    ];
    expect(problemsForFields(fields, draft)).toEqual({
      'colours[1].name': fields[0]!.message,
      'logos[0].assetId': 'no uploaded image has this id',
      imprintMinFontSize: 'must be at least 7 pt (inherited)',
    });
  });

  it('puts a problem deeper than any field by the field or list that holds it, and one that fits none under the summary', () => {
    const fields = [
      { path: 'typefaces[1]', message: 'must be one of sans, serif, condensed' },
      { path: 'colours[0]', message: 'must be an object' },
      { path: 'colours[5].name', message: 'a row the screen no longer shows' },
      { path: '', message: 'only colours, logos, typefaces and imprintMinFontSize can be set' },
    ];
    expect(problemsForFields(fields, draft)).toEqual({ typefaces: 'must be one of sans, serif, condensed', colours: 'must be an object', '': 'only colours, logos, typefaces and imprintMinFontSize can be set' });
  });
});
