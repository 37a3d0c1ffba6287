import { z } from 'zod';
import { elementSchema, type Design, type Element } from '../design/design-schema';

/** Most elements one published template may lock. */
export const MAX_LOCKED_ELEMENTS = 60;

const elementId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be an element id: 1-40 letters, digits, "-" or "_"');

/** A locked element as the template has it: which page, and the whole element (position, size, content). */
export const lockedElementSchema = z.object({
  /** 0: the front page; 1: the back. */
  page: z.number().int().min(0).max(1),
  element: elementSchema,
});
export type LockedElement = z.infer<typeof lockedElementSchema>;

/**
 * Which published template a design was made from, and the elements that version locked: what the
 * server checks on every save and print, and what it puts on a print job so the worker checks it again.
 */
export const templateLocksSchema = z.object({
  /** The published template's id. */
  templateId: z.string().regex(/^[a-f0-9]{32}$/),
  /** The version of it the design was made from. */
  version: z.number().int().min(1),
  /** The publishing organisation's name, for "Locked by ..." (an organisation's name is not personal data). */
  organisationName: z.string().max(200),
  locked: z.array(lockedElementSchema).max(MAX_LOCKED_ELEMENTS),
});
export type TemplateLocks = z.infer<typeof templateLocksSchema>;

/** The element ids a publisher locks (POST /api/published-templates). */
export const lockedIdsSchema = z
  .array(elementId, { error: 'must be a list of element ids, such as ["logo", "band"]' })
  .max(MAX_LOCKED_ELEMENTS, `must lock at most ${MAX_LOCKED_ELEMENTS} elements`)
  .refine((ids) => new Set(ids).size === ids.length, 'must not name an element twice');

/** How a design breaks one of its template's locks. */
export interface LockViolation {
  elementId: string;
  page: number;
  /** missing: deleted or moved to the other page; moved: its box differs; changed: anything else differs. */
  reason: 'missing' | 'moved' | 'changed';
  message: string;
}

/**
 * The design's elements that differ from the template's locked ones (position, size, content, or
 * missing), in the template's order. Both sides are parsed designs, defaults filled in, so an element
 * written with and without its defaults is the same element.
 */
export function lockViolations(design: Design, locked: readonly LockedElement[], organisationName = 'the template'): LockViolation[] {
  const out: LockViolation[] = [];
  for (const { page, element } of locked) {
    const found = design.pages[page]?.elements.find((e) => e.id === element.id);
    const by = `locked by ${organisationName}`;
    if (!found) out.push({ elementId: element.id, page, reason: 'missing', message: `element "${element.id}" is ${by}: it cannot be deleted or moved to another page` });
    else if (!sameValue(found.box, element.box)) out.push({ elementId: element.id, page, reason: 'moved', message: `element "${element.id}" is ${by}: it cannot be moved or resized` });
    else if (!sameValue(found, element)) out.push({ elementId: element.id, page, reason: 'changed', message: `element "${element.id}" is ${by}: it cannot be changed` });
  }
  return out;
}

/**
 * The locked elements of a template's design: every element with one of these ids, on whichever page
 * (ids are unique per page, so an id may lock the front's and the back's); ids that are on no page are
 * returned in `unknown`.
 */
export function lockedElementsOf(design: Design, ids: readonly string[]): { locked: LockedElement[]; unknown: string[] } {
  const locked: LockedElement[] = [];
  const unknown: string[] = [];
  for (const id of ids) {
    const found = design.pages.flatMap((p, page) => p.elements.filter((e) => e.id === id).map((element): LockedElement => ({ page, element: element as Element })));
    if (found.length === 0) unknown.push(id);
    else locked.push(...found);
  }
  return { locked, unknown };
}

/** Deep equality of JSON values, key order aside (what jsonb equality means). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((v, i) => sameValue(v, (b as unknown[])[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
