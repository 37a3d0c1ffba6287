import { designSchema, type Design } from '../../../common/design/design-schema';
import { diffDesigns, diffWords, elementText } from '../../../common/sign-off/design-diff';
import { findTemplate } from '../../../common/templates/templates';
import { withRealImprint } from '../../support/real-imprint';

const base = designSchema.parse(withRealImprint(findTemplate('a5-flyer')!.design));
const edit = (change: (d: Design) => void): Design => {
  const d = structuredClone(base);
  change(d);
  return designSchema.parse(d);
};
const find = (d: Design, kind: string) => d.pages.flatMap((p) => p.elements).find((e) => e.kind === kind)!;

describe('diffDesigns', () => {
  it('finds nothing between a version and itself', () => {
    expect(diffDesigns(base, structuredClone(base))).toEqual({ title: null, format: null, imprint: [], elements: [], unchanged: true });
  });

  it('shows a heading whose words changed, word by word', () => {
    const heading = find(base, 'heading');
    const after = edit((d) => {
      const h = d.pages[0]!.elements.find((e) => e.id === heading.id)!;
      if (h.kind === 'heading') h.text = 'A bus every five minutes';
    });
    const diff = diffDesigns(base, after);
    expect(diff.unchanged).toBe(false);
    expect(diff.elements).toEqual([
      {
        page: 0,
        elementId: heading.id,
        kind: 'heading',
        change: 'text',
        before: 'A bus every ten minutes',
        after: 'A bus every five minutes',
        words: [
          { op: 'same', text: 'A bus every ' },
          { op: 'removed', text: 'ten ' },
          { op: 'added', text: 'five ' },
          { op: 'same', text: 'minutes' },
        ],
      },
    ]);
  });

  it('shows a picture swapped, a QR link changed, and an element moved as a change of look', () => {
    const image = find(base, 'image');
    const qr = find(base, 'qr');
    const after = edit((d) => {
      for (const el of d.pages.flatMap((p) => p.elements)) {
        if (el.id === image.id && el.kind === 'image') el.assetId = 'f'.repeat(64);
        if (el.id === qr.id && el.kind === 'qr') {
          el.url = 'https://riverside.example/volunteer';
          el.box = { ...el.box, x: el.box.x - 1 };
        }
      }
    });
    const { elements } = diffDesigns(base, after);
    expect(elements).toEqual([
      { page: 0, elementId: image.id, kind: 'image', change: 'image', before: (image as { assetId: string }).assetId, after: 'f'.repeat(64) },
      expect.objectContaining({ elementId: qr.id, change: 'link', after: 'https://riverside.example/volunteer' }),
      expect.objectContaining({ elementId: qr.id, change: 'look', fields: ['box'] }),
    ]);
  });

  it('names each imprint field that changed, and an "on behalf of" added or taken away', () => {
    const after = edit((d) => {
      d.imprint.printer.name = 'Harbour Press';
      delete d.imprint.onBehalfOf;
    });
    expect(diffDesigns(base, after).imprint).toEqual([
      { field: 'onBehalfOf.name', before: base.imprint.onBehalfOf!.name, after: '' },
      { field: 'onBehalfOf.address', before: base.imprint.onBehalfOf!.address, after: '' },
      { field: 'printer.name', before: base.imprint.printer.name, after: 'Harbour Press' },
    ]);
  });

  it('lists elements added and removed with their words, and a changed title', () => {
    const text = find(base, 'text');
    const after = edit((d) => {
      d.title = 'Bus leaflet, second go';
      const page = d.pages[0]!;
      const i = page.elements.findIndex((e) => e.id === text.id);
      const [removed] = page.elements.splice(i, 1);
      page.elements.push({ ...removed!, id: 'new-words' } as Design['pages'][0]['elements'][0]);
    });
    const diff = diffDesigns(base, after);
    expect(diff.title).toEqual({ before: base.title, after: 'Bus leaflet, second go' });
    expect(diff.elements).toEqual([
      { page: 0, elementId: 'new-words', kind: 'text', change: 'added', text: elementText(text) },
      { page: 0, elementId: text.id, kind: 'text', change: 'removed', text: elementText(text) },
    ]);
  });
});

describe('diffWords', () => {
  it('keeps line breaks and merges neighbouring runs', () => {
    expect(diffWords('one two\nthree', 'one 2\nthree four')).toEqual([
      { op: 'same', text: 'one ' },
      { op: 'removed', text: 'two\n' },
      { op: 'added', text: '2\n' },
      { op: 'same', text: 'three ' },
      { op: 'added', text: 'four' },
    ]);
  });

  it('shows an empty text becoming words as all added', () => {
    expect(diffWords('', 'new words')).toEqual([{ op: 'added', text: 'new words' }]);
  });
});
