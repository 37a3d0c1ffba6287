import { ApiError } from '../../../client/src/api/api-error';
import { coarseImagesOf, coarseImageWords } from '../../../client/src/print/low-resolution-refusal';
import type { DesignInput } from '../../../common/design/design-schema';
import { findTemplate } from '../../../common/templates/templates';

const flyer = findTemplate('a5-flyer')!.design as DesignInput;
const photoPath = 'design.pages[0].elements[2].assetId';

describe('a print refused for low-resolution pictures', () => {
  const refusal = new ApiError(422, 'image_resolution_too_low', 'image "photo" prints at 96 ppi, below the 150 ppi minimum', [
    { path: photoPath, message: 'image "photo" prints at 96 ppi, below the 150 ppi minimum (300 ppi for a sharp print)' },
  ]);

  it('names each picture by its page and label, with its resolution, and keeps the path to go to it', () => {
    expect(coarseImagesOf(refusal, flyer)).toEqual([{ path: 'pages[0].elements[2].assetId', place: 'Front, Photo', ppi: 96 }]);
  });

  it('tells the campaigner how coarse it is against what printers ask for', () => {
    expect(coarseImageWords({ path: 'p', place: 'Front, Photo', ppi: 96 })).toBe('Front, Photo: 96 dots per inch at its printed size, where printers ask for 300; it will look blurred.');
    expect(coarseImageWords({ path: 'p', place: 'Page, Logo', ppi: null })).toMatch(/^Page, Logo: under 150 dots per inch/);
  });

  it('is not confused with any other refusal', () => {
    expect(coarseImagesOf(new ApiError(422, 'design_does_not_fit', 'text does not fit', [{ path: 'design.pages[0].elements[1].text', message: '…' }]), flyer)).toBeNull();
    expect(coarseImagesOf(new ApiError(400, 'invalid_request', 'bad'), flyer)).toBeNull();
  });
});
