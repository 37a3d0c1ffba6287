import type { ImageItem } from '../../../common/layout/draw-items';
import { designSchema } from '../../../common/design/design-schema';
import { layoutDesign, MIN_PRINT_DPI } from '../../../common/layout/layout-design';
import { SAMPLE_PHOTO_ID, SAMPLE_PHOTO_SIZE } from '../../../common/templates/sample-photo';
import { TEMPLATES, findTemplate } from '../../../common/templates/templates';

/** The sample photo at its real pixel size (test/server/assets/sample-assets.test.ts checks the file has it). */
const SAMPLE_ASSETS = new Map([[SAMPLE_PHOTO_ID, SAMPLE_PHOTO_SIZE]]);

describe('built-in templates', () => {
  it('offers the six formats campaigners ask for', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual(['a5-flyer', 'a6-postcard', 'dl-leaflet', 'a4-poster', 'a3-poster', 'a4-newsletter']);
    expect(findTemplate('a5-flyer')?.design.pages).toHaveLength(2);
    expect(findTemplate('nope')).toBeUndefined();
  });

  describe.each(TEMPLATES.map((t) => [t.id, t] as const))('%s', (_id, template) => {
    // Laid out inside each test, not while the file loads, so that mutation testing (stryker.config.mjs)
    // can tell which tests run the layout code.
    const layOut = () => layoutDesign(designSchema.parse(template.design), SAMPLE_ASSETS);

    it('is a valid design whose text fits', () => {
      expect(layOut().errors).toEqual([]);
    });

    it('has no preflight warnings, not even for its photo', () => {
      // An untouched template must not warn: campaigners learn to ignore warnings that are always there.
      expect(layOut().warnings).toEqual([]);
    });

    it(`prints its photos at ${MIN_PRINT_DPI} ppi or more, bleed included`, () => {
      for (const image of layOut().pages.flatMap((p) => p.items).filter((i): i is ImageItem => i.type === 'image')) {
        expect(image.placement.width).toBeGreaterThanOrEqual(image.clip.width);
        expect(SAMPLE_PHOTO_SIZE.width / (image.placement.width / 25.4)).toBeGreaterThanOrEqual(MIN_PRINT_DPI);
        expect(SAMPLE_PHOTO_SIZE.height / (image.placement.height / 25.4)).toBeGreaterThanOrEqual(MIN_PRINT_DPI);
      }
    });

    it('places the imprint once, on the first or last page', () => {
      const pages = layOut().pages.map((p) => p.items.some((i) => i.type === 'text' && i.elementId === 'imprint'));
      expect(pages.filter(Boolean)).toHaveLength(1);
      expect(pages[0] || pages[pages.length - 1]).toBe(true);
    });
  });
});
