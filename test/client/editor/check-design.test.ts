import { checkDesign } from '../../../client/src/editor/check-design';
import { SAMPLE_PHOTO_ID, SAMPLE_PHOTO_SIZE } from '../../../common/templates/sample-photo';
import { findTemplate } from '../../../common/templates/templates';

const assets = new Map([[SAMPLE_PHOTO_ID, SAMPLE_PHOTO_SIZE]]);
const REAL = { printer: { name: 'Riverside Print Works', address: '14 Dock Street, Cardiff CF10 5AB' }, promoter: { name: 'Jo Bloggs', address: '5 New Street, Riverside RV1 1AA' } };

describe('the editor\'s check of a design', () => {
  it('blocks a template\'s sample imprint, field by field, while the preview still shows it', () => {
    const check = checkDesign(findTemplate('a6-postcard')!.design, assets);
    expect(check.preview).not.toBeNull();
    expect(check.problems.filter((p) => p.source === 'sample-imprint').map((p) => p.path)).toEqual([
      'imprint.promoter.name',
      'imprint.promoter.address',
      'imprint.onBehalfOf.name',
      'imprint.onBehalfOf.address',
      'imprint.printer.name',
      'imprint.printer.address',
    ]);
  });

  it('says "required" once for an empty field, not "required" and "empty"', () => {
    const design = { ...findTemplate('a6-postcard')!.design, imprint: { ...REAL, promoter: { ...REAL.promoter, address: '' } } };
    expect(checkDesign(design, assets).problems.map((p) => [p.path, p.source])).toEqual([['imprint.promoter.address', 'schema']]);
  });

  it('lets a real imprint through; the template\'s words are a question for Send, not a problem', () => {
    expect(checkDesign({ ...findTemplate('a6-postcard')!.design, imprint: REAL }, assets).problems).toEqual([]);
  });
});
