import { designSchema, type Design, type TextElement } from '../../../common/design/design-schema';
import { findTemplate } from '../../../common/templates/templates';
import { applyVariant, fieldProblems, paragraphsOf } from '../../../common/variants/apply-variant';
import type { VariantField } from '../../../common/variants/variant-table';

const master: Design = designSchema.parse(findTemplate('a5-flyer')!.design);
const element = (design: Design, page: number, id: string) => design.pages[page]!.elements.find((e) => e.id === id)!;
const field = (elementId: string, extra: Partial<VariantField> = {}): VariantField => ({ key: elementId.replace(/-/g, '_'), label: elementId, page: 0, elementId, ...extra });

describe('fields of a design', () => {
  it('may be a heading, a text or one of its paragraphs, an image, a QR code', () => {
    expect(fieldProblems(master, [field('headline'), field('body', { block: 1 }), field('photo'), field('qr'), field('back-body', { key: 'back', page: 1 })])).toEqual([]);
  });

  it('names what is wrong: no such element or page, a shape, the imprint, a paragraph of a heading, a list, a block past the end', () => {
    const withImprint: Design = { ...master, pages: [master.pages[0]!, { ...master.pages[1]!, elements: [...master.pages[1]!.elements, { id: 'imprint', kind: 'imprint', box: { x: 8, y: 190, width: 132, height: 10 }, fontSize: 6, font: 'sans', colour: 'cmyk(0, 0, 0, 100)', align: 'left' }] }] };
    const problems = fieldProblems(withImprint, [
      field('nowhere'),
      field('band'),
      field('imprint', { page: 1 }),
      field('headline', { block: 0 }),
      field('body', { block: 3 }),
      field('body', { key: 'far', block: 9 }),
    ]);
    expect(problems.map((p) => [p.field, p.path.at(-1), p.message])).toEqual([
      [0, 'elementId', 'no element "nowhere" on the front'],
      [1, 'elementId', expect.stringContaining('is a shape')],
      [2, 'elementId', expect.stringContaining('is a imprint')],
      [3, 'block', 'only a text element has paragraphs'],
      [4, 'block', 'is a list, not a paragraph'],
      [5, 'block', '"body" has 4 blocks'],
    ]);
    const oneSided: Design = { ...master, pages: [master.pages[0]!] };
    expect(fieldProblems(oneSided, [field('back-body', { page: 1 })])[0]!.message).toBe('the design has no back page');
  });

  it('refuses two fields filling the same element, unless they fill different paragraphs of it', () => {
    expect(fieldProblems(master, [field('body', { key: 'one', block: 0 }), field('body', { key: 'two', block: 1 })])).toEqual([]);
    expect(fieldProblems(master, [field('body', { key: 'all' }), field('body', { key: 'first', block: 0 })]).map((p) => [p.field, p.message])).toEqual([[1, '"all" already fills this element']]);
    expect(fieldProblems(master, [field('body', { key: 'first', block: 0 }), field('body', { key: 'all' })]).map((p) => p.field)).toEqual([1]);
    expect(fieldProblems(master, [field('body', { key: 'a', block: 2 }), field('body', { key: 'b', block: 2 })]).map((p) => p.field)).toEqual([1]);
  });
});

describe('applying a row', () => {
  it('puts each value into its element and leaves everything else as the master has it', () => {
    const fields = [field('headline'), field('photo'), field('qr'), field('back-heading', { page: 1, key: 'back' })];
    const variant = designSchema.parse(applyVariant(master, fields, { headline: 'Bws bob deg munud', photo: 'a'.repeat(64), qr: ' https://example.org/abbey ', back: 'Ymunwch' }));
    expect(element(variant, 0, 'headline')).toMatchObject({ kind: 'heading', text: 'Bws bob deg munud' });
    expect(element(variant, 0, 'photo')).toMatchObject({ assetId: 'a'.repeat(64) });
    expect(element(variant, 0, 'qr')).toMatchObject({ url: 'https://example.org/abbey' });
    expect(element(variant, 1, 'back-heading')).toMatchObject({ text: 'Ymunwch' });
    const untouched = (d: Design) => d.pages.map((p) => p.elements.filter((e) => !['headline', 'photo', 'qr', 'back-heading'].includes(e.id)));
    expect(untouched(variant)).toEqual(untouched(master));
    expect(variant.imprint).toEqual(master.imprint);
  });

  it('makes a whole text element of paragraphs split at blank lines, and a paragraph field change only its paragraph', () => {
    const whole = designSchema.parse(applyVariant(master, [field('body')], { body: 'First paragraph.\n\nSecond\nstill second.\r\n  \r\nThird.\n\n\n' }));
    expect((element(whole, 0, 'body') as TextElement).blocks).toEqual([
      { type: 'paragraph', text: 'First paragraph.' },
      { type: 'paragraph', text: 'Second\nstill second.' },
      { type: 'paragraph', text: 'Third.' },
    ]);
    const part = designSchema.parse(applyVariant(master, [field('body', { block: 1 })], { body: 'Only the second changes.' }));
    const before = (element(master, 0, 'body') as TextElement).blocks;
    const after = (element(part, 0, 'body') as TextElement).blocks;
    expect(after).toEqual(before.map((b, i) => (i === 1 ? { type: 'paragraph', text: 'Only the second changes.' } : b)));
  });

  it('never changes the master', () => {
    const copy = structuredClone(master);
    applyVariant(master, [field('headline'), field('body')], { headline: 'Changed', body: 'Changed' });
    expect(master).toEqual(copy);
  });

  it('skips a field whose value the row lacks or whose element is gone', () => {
    const variant = applyVariant(master, [field('headline'), field('nowhere')], {});
    expect(variant).toEqual(master);
  });

  it('reads paragraphs from a cell with no blank line as one paragraph, and an empty cell as none', () => {
    expect(paragraphsOf('One line\nand another')).toEqual([{ type: 'paragraph', text: 'One line\nand another' }]);
    expect(paragraphsOf(' \n\n ')).toEqual([]);
  });
});
