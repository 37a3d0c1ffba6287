import { designSchema } from '../../../common/design/design-schema';
import { findTemplate } from '../../../common/templates/templates';

const withTitle = (title: string) => designSchema.safeParse({ ...findTemplate('a5-flyer')!.design, title });

describe('a design title', () => {
  it('may hold any plain text: punctuation, Welsh, emoji', () => {
    expect(withTitle('Fish & Chips <night> "Noson" ŵyn 🐑').success).toBe(true);
  });

  it.each([
    ['a control character', 'Vote\u0007now'],
    ['a line break', 'Vote\nnow'],
    ['half of a surrogate pair', 'Vote \ud800now'],
  ])('is refused, naming the field, when it holds %s (it goes into the PDF metadata, which is XML)', (_what, title) => {
    const result = withTitle(title);
    expect(result.success).toBe(false);
    expect(result.error!.issues).toEqual([expect.objectContaining({ path: ['title'], message: 'must be plain text, without control characters' })]);
  });
});
