import type { DesignInput } from '../../../common/design/design-schema';
import { findTemplate, TEMPLATES } from '../../../common/templates/templates';
import { pageWords, unchangedTemplateText, unchangedTextSummaries } from '../../../common/templates/unchanged-template-text';

const a5 = () => structuredClone(findTemplate('a5-flyer')!.design);
type TextEl = Extract<DesignInput['pages'][number]['elements'][number], { kind: 'text' }>;
type HeadingEl = Extract<DesignInput['pages'][number]['elements'][number], { kind: 'heading' }>;
const element = <T>(design: DesignInput, page: number, id: string) => design.pages[page]!.elements.find((e) => e.id === id) as T;

describe('unchangedTemplateText', () => {
  it('finds every heading, paragraph and list of an untouched template, except words that are part of the layout', () => {
    const found = unchangedTemplateText(a5());
    expect(found.filter((u) => u.page === 0).map((u) => [u.elementId, u.kind])).toEqual([
      ['headline', 'heading'],
      ['body', 'paragraph'],
      ['body', 'paragraph'],
      ['body', 'paragraph'],
      ['body', 'list'],
      ['vote', 'heading'],
    ]);
    // The back: "Get involved" and two paragraphs; the reply slip ("Name: ____") is kept as it is.
    expect(found.filter((u) => u.page === 1)).toEqual([
      { path: ['pages', 1, 'elements', 0, 'text'], page: 1, elementId: 'back-heading', kind: 'heading' },
      { path: ['pages', 1, 'elements', 1, 'blocks', 0, 'text'], page: 1, elementId: 'back-body', kind: 'paragraph' },
      { path: ['pages', 1, 'elements', 1, 'blocks', 1, 'text'], page: 1, elementId: 'back-body', kind: 'paragraph' },
    ]);
  });

  it('finds something in every template as it comes', () => {
    for (const template of TEMPLATES) expect(unchangedTemplateText(template.design).length).toBeGreaterThan(0);
  });

  it('lets go of text once it is changed, even by one word, but not for spacing', () => {
    const design = a5();
    const body = element<TextEl>(design, 1, 'back-body');
    const [first, second] = body.blocks as Array<{ type: 'paragraph'; text: string }>;
    first!.text = first!.text.replace('four years', 'five years');
    second!.text = `  ${second!.text.replace(/ /g, '   ')}\n`;
    element<HeadingEl>(design, 1, 'back-heading').text = 'Join us';
    expect(unchangedTemplateText(design).filter((u) => u.page === 1).map((u) => u.path)).toEqual([['pages', 1, 'elements', 1, 'blocks', 1, 'text']]);
  });

  it('counts a list as changed when any item is', () => {
    const design = a5();
    const list = element<TextEl>(design, 0, 'body').blocks[3] as { type: 'bullets'; items: string[] };
    list.items[2] = 'Every letter answered within a week';
    expect(unchangedTemplateText(design).some((u) => u.kind === 'list')).toBe(false);
  });

  it('knows a template\'s words in another template (the sample paragraphs are shared)', () => {
    const design = a5();
    const newsletter = findTemplate('a4-newsletter')!.design;
    element<HeadingEl>(design, 0, 'headline').text = element<HeadingEl>(newsletter, 0, 'lead').text;
    expect(unchangedTemplateText(design)[0]).toMatchObject({ elementId: 'headline', kind: 'heading' });
  });

  it('does not count empty paragraphs', () => {
    const design = a5();
    element<TextEl>(design, 1, 'back-body').blocks = [{ type: 'paragraph', text: '' }];
    element<HeadingEl>(design, 1, 'back-heading').text = 'Join us';
    expect(unchangedTemplateText(design).filter((u) => u.page === 1)).toEqual([]);
  });
});

describe('unchangedTextSummaries', () => {
  it('says page by page what is unchanged, pointing at the first of it', () => {
    expect(unchangedTextSummaries(unchangedTemplateText(a5()), 2)).toEqual([
      { page: 0, path: ['pages', 0, 'elements', 1, 'text'], message: 'page 1 (front): 2 headings, 3 paragraphs and 1 list unchanged from the template' },
      { page: 1, path: ['pages', 1, 'elements', 0, 'text'], message: 'page 2 (back): 1 heading and 2 paragraphs unchanged from the template' },
    ]);
  });

  it('names a single-sided design\'s page "the page", and one kind without "and"', () => {
    const postcard = structuredClone(findTemplate('a6-postcard')!.design);
    element<HeadingEl>(postcard, 0, 'headline').text = 'Polling day';
    expect(unchangedTextSummaries(unchangedTemplateText(postcard), 1).map((s) => s.message)).toEqual(['the page: 1 paragraph unchanged from the template']);
  });

  it('says nothing when nothing is unchanged', () => {
    expect(unchangedTextSummaries([], 2)).toEqual([]);
  });
});

describe('pageWords', () => {
  it('names the front and the back by number and side', () => {
    expect([pageWords(0, 2), pageWords(1, 2), pageWords(0, 1)]).toEqual(['page 1 (front)', 'page 2 (back)', 'the page']);
  });
});
