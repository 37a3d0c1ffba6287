import { designSchema } from '../../../common/design/design-schema';
import { layoutDesign } from '../../../common/layout/layout-design';
import { SAMPLE_PHOTO_ID } from '../../../common/templates/sample-photo';
import { TEMPLATES, findTemplate } from '../../../common/templates/templates';

const SAMPLE_ASSETS = new Map([[SAMPLE_PHOTO_ID, { width: 1800, height: 1200 }]]);

describe('built-in templates', () => {
  it('offers the six formats campaigners ask for', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual(['a5-flyer', 'a6-postcard', 'dl-leaflet', 'a4-poster', 'a3-poster', 'a4-newsletter']);
    expect(findTemplate('a5-flyer')?.design.pages).toHaveLength(2);
    expect(findTemplate('nope')).toBeUndefined();
  });

  describe.each(TEMPLATES.map((t) => [t.id, t] as const))('%s', (_id, template) => {
    const design = designSchema.parse(template.design);
    const layout = layoutDesign(design, SAMPLE_ASSETS);

    it('is a valid design whose text fits', () => {
      expect(layout.errors).toEqual([]);
    });

    it('has no preflight warnings but for the placeholder photo', () => {
      // The sample photo is a placeholder, sharp enough for small formats only; any other warning is a template bug.
      expect(layout.warnings.filter((w) => w.code !== 'low-resolution-image')).toEqual([]);
    });

    it('places the imprint once, on the first or last page', () => {
      const pages = layout.pages.map((p) => p.items.some((i) => i.type === 'text' && i.elementId === 'imprint'));
      expect(pages.filter(Boolean)).toHaveLength(1);
      expect(pages[0] || pages[pages.length - 1]).toBe(true);
    });
  });
});
