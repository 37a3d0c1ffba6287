import { TEMPLATES } from '../../../common/templates/templates';
import type { SavedDesign } from '../../../client/src/api/designs-api';
import { draftFromSaved } from '../../../client/src/designs/draft-from-saved';
import type { Draft } from '../../../client/src/drafts/draft';
import { sameDesign } from '../../../client/src/drafts/same-design';

const ID = 'a'.repeat(32);
const design = structuredClone(TEMPLATES[0]!.design) as unknown as SavedDesign['design'];
const saved: SavedDesign = { id: ID, title: design.title, design, version: 3, createdAt: '2026-12-05T10:00:00.000Z', updatedAt: '2026-12-05T10:00:00.000Z', url: `/api/designs/${ID}` };

/** The same object with its keys in reverse order, as PostgreSQL's jsonb may hand them back. */
function reversed<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversed) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversed(v)])) as T;
  return value;
}

describe('a browser draft of a saved design', () => {
  it('is new, and saves back to the design, when this browser holds no draft of it', () => {
    const draft = draftFromSaved(saved, []);
    expect(draft).toMatchObject({ savedDesignId: ID, design, pendingPrint: null, sentPrint: null });
    expect(draft.id).toMatch(/^[a-f0-9]{16}$/);
  });

  it('is the draft this browser already holds of exactly that design, whatever the order of its keys', () => {
    const existing: Draft = { ...draftFromSaved(saved, []), id: 'b'.repeat(16), design: reversed(design) };
    expect(draftFromSaved(saved, [existing]).id).toBe(existing.id);
  });

  it('is a new draft when this browser’s draft of it has changed, or is of another design', () => {
    const changed: Draft = { ...draftFromSaved(saved, []), id: 'c'.repeat(16), design: { ...design, title: 'Changed here' } };
    const other: Draft = { ...draftFromSaved(saved, []), id: 'd'.repeat(16), savedDesignId: 'e'.repeat(32) };
    const draft = draftFromSaved(saved, [changed, other]);
    expect([changed.id, other.id]).not.toContain(draft.id);
  });
});

describe('sameDesign', () => {
  it('tells documents apart by their values, not the order of their keys', () => {
    expect(sameDesign(design, reversed(design))).toBe(true);
    expect(sameDesign(design, { ...design, language: 'cy-GB' })).toBe(false);
  });
});
