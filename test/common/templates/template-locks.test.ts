import { designSchema } from '../../../common/design/design-schema';
import { findTemplate } from '../../../common/templates/templates';
import { lockedElementsOf, lockViolations } from '../../../common/templates/template-locks';

const flyer = () => designSchema.parse(structuredClone(findTemplate('a5-flyer')!.design));

describe('template locks', () => {
  it('finds the locked elements by id on every page, and names ids the design does not have', () => {
    const design = flyer();
    const { locked, unknown } = lockedElementsOf(design, ['band', 'imprint', 'nope']);
    expect(locked.map((l) => `${l.page}:${l.element.id}`)).toEqual(['0:band', '1:imprint']);
    expect(unknown).toEqual(['nope']);
  });

  it('lets an unchanged design through, whatever the order of its keys', () => {
    const design = flyer();
    const { locked } = lockedElementsOf(design, ['band', 'photo']);
    const reordered = JSON.parse(JSON.stringify(design, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v)));
    expect(lockViolations(designSchema.parse(reordered), locked)).toEqual([]);
  });

  it('names a moved, a changed and a deleted locked element, and ignores open ones', () => {
    const design = flyer();
    const { locked } = lockedElementsOf(design, ['band', 'photo', 'imprint']);
    const edited = structuredClone(design);
    const front = edited.pages[0]!.elements;
    front.find((e) => e.id === 'band')!.box.height -= 1;
    const photo = front.find((e) => e.id === 'photo')!;
    if (photo.kind === 'image') photo.alt = 'Another picture';
    edited.pages[1]!.elements = edited.pages[1]!.elements.filter((e) => e.id !== 'imprint');
    const headline = front.find((e) => e.id === 'headline')!;
    if (headline.kind === 'heading') headline.text = 'Open to change';
    expect(lockViolations(edited, locked, 'National Party').map((v) => [v.elementId, v.reason, v.message])).toEqual([
      ['band', 'moved', 'element "band" is locked by National Party: it cannot be moved or resized'],
      ['photo', 'changed', 'element "photo" is locked by National Party: it cannot be changed'],
      ['imprint', 'missing', 'element "imprint" is locked by National Party: it cannot be deleted or moved to another page'],
    ]);
  });
});
