import { brandKitSchema } from '../../../common/brand/brand-kit';

const LOGO = 'a'.repeat(64);
const OTHER = 'b'.repeat(64);

describe('a brand kit’s names', () => {
  it('may not name two colours alike, whatever their case', () => {
    const result = brandKitSchema.safeParse({ colours: [{ name: 'Party red', colour: 'cmyk(0, 100, 80, 0)' }, { name: 'party RED', colour: 'cmyk(0, 0, 0, 100)' }] });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['colours.1.name', 'names a second colour "party RED"']]);
  });

  it('may not name two logos alike, whatever their case: the editor offers them by name', () => {
    const result = brandKitSchema.safeParse({ logos: [{ name: 'Logo', assetId: LOGO }, { name: 'Joint logo', assetId: OTHER }, { name: 'LOGO', assetId: OTHER }] });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['logos.2.name', 'names a second logo "LOGO"']]);
  });

  it('may give one upload two names (a logo offered under two names)', () => {
    expect(brandKitSchema.safeParse({ logos: [{ name: 'Logo', assetId: LOGO }, { name: 'Logo for posters', assetId: LOGO }] }).success).toBe(true);
  });
});
