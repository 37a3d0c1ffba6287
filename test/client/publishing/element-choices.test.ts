import { findTemplate } from '../../../common/templates/templates';
import { elementChoices } from '../../../client/src/publishing/element-choices';

describe('the elements a publisher can lock', () => {
  const flyer = findTemplate('a5-flyer')!.design;

  it('lists every element of every page, in drawing order, with its page and box', () => {
    const choices = elementChoices(flyer);
    expect(choices.map((c) => c.id)).toEqual(flyer.pages.flatMap((p) => p.elements.map((e) => e.id)));
    expect(new Set(choices.map((c) => c.pageName))).toEqual(new Set(['Front', 'Back']));
    const first = flyer.pages[0]!.elements[0]!;
    expect(choices[0]).toMatchObject({ id: first.id, page: 0, box: first.box });
  });

  it('names each by its kind and its words', () => {
    const byId = new Map(elementChoices(flyer).map((c) => [c.id, c.label]));
    expect(byId.get('headline')).toBe('Heading: “A bus every ten minutes”');
    expect(byId.get('band')).toBe('Colour shape: Band');
    expect(byId.get('qr')).toMatch(/^QR code: https?:\/\//);
    expect(byId.get('imprint')).toMatch(/^Imprint: its place, size and type/);
    // Long words are cut to a snippet.
    expect(byId.get('body')!.length).toBeLessThan(80);
    expect(byId.get('body')).toMatch(/^Text: “.*…”$/);
  });
});
