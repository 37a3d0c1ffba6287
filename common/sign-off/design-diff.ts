import type { Design, Element, ElementKind, Imprint } from '../design/design-schema';

/** One run of words in a text difference: kept, added in the newer version, or removed from the older. */
export interface WordChange {
  op: 'same' | 'added' | 'removed';
  /** The words, with the spaces between them. */
  text: string;
}

/** Where an element is: its page (0 = front) and its id, which stays the same across versions. */
interface ElementPlace {
  /** 0-based page of the newer version (of the older one for a removed element). */
  page: number;
  elementId: string;
  kind: ElementKind;
}

/** What changed in one element between two versions. */
export type ElementChange =
  | (ElementPlace & { change: 'added' | 'removed'; /** Its words, for text elements; empty otherwise. */ text: string })
  | (ElementPlace & { change: 'text'; before: string; after: string; words: WordChange[] })
  | (ElementPlace & { change: 'image'; /** Asset ids (content hashes) of the pictures. */ before: string; after: string })
  | (ElementPlace & { change: 'link'; /** The QR code's web address. */ before: string; after: string })
  | (ElementPlace & { change: 'look'; /** Which properties changed (box, colour, fontSize ...), sorted. */ fields: string[] });

/** One field of the legal imprint that differs, such as promoter.name. */
export interface ImprintChange {
  field: string;
  /** Empty when the older version had none (an added "on behalf of"). */
  before: string;
  after: string;
}

/**
 * What changed between two versions of a design, as the agent needs to see it before signing off: the
 * words of each element (word by word), pictures swapped, QR links changed, elements added or removed,
 * the imprint field by field, and the title and paper. Elements are matched by id.
 */
export interface DesignDiff {
  title: { before: string; after: string } | null;
  format: { before: string; after: string } | null;
  imprint: ImprintChange[];
  elements: ElementChange[];
  /** True when nothing the diff looks at changed. */
  unchanged: boolean;
}

/** The words an element prints: a heading's text, a text element's paragraphs and bullets; empty for the rest. */
export function elementText(el: Element): string {
  if (el.kind === 'heading') return el.text;
  if (el.kind === 'text') return el.blocks.map((b) => (b.type === 'paragraph' ? b.text : b.items.map((i) => `• ${i}`).join('\n'))).join('\n\n');
  return '';
}

/** Compares two designs: `before` the last approved version, `after` the one sent for sign-off. */
export function diffDesigns(before: Design, after: Design): DesignDiff {
  const title = before.title === after.title ? null : { before: before.title, after: after.title };
  const formatOf = (d: Design) => `${d.format.size} ${d.format.orientation}${d.pages.length === 2 ? ', two-sided' : ', one side'}`;
  const format = formatOf(before) === formatOf(after) ? null : { before: formatOf(before), after: formatOf(after) };
  const imprint = diffImprints(before.imprint, after.imprint);
  const elements = diffElements(before, after);
  return { title, format, imprint, elements, unchanged: !title && !format && imprint.length === 0 && elements.length === 0 };
}

function diffImprints(before: Imprint, after: Imprint): ImprintChange[] {
  const changes: ImprintChange[] = [];
  for (const party of ['promoter', 'onBehalfOf', 'printer'] as const) {
    for (const part of ['name', 'address'] as const) {
      const b = before[party]?.[part] ?? '';
      const a = after[party]?.[part] ?? '';
      if (a !== b) changes.push({ field: `${party}.${part}`, before: b, after: a });
    }
  }
  return changes;
}

const placed = (design: Design) => design.pages.flatMap((page, p) => page.elements.map((el) => ({ page: p, el })));

function diffElements(before: Design, after: Design): ElementChange[] {
  const older = new Map(placed(before).map((x) => [x.el.id, x]));
  const newer = placed(after);
  const seen = new Set<string>();
  const changes: ElementChange[] = [];
  for (const { page, el } of newer) {
    seen.add(el.id);
    const old = older.get(el.id);
    const place = { page, elementId: el.id, kind: el.kind };
    if (!old || old.el.kind !== el.kind) {
      if (old) changes.push({ page: old.page, elementId: el.id, kind: old.el.kind, change: 'removed', text: elementText(old.el) });
      changes.push({ ...place, change: 'added', text: elementText(el) });
      continue;
    }
    const [b, a] = [elementText(old.el), elementText(el)];
    if (a !== b) changes.push({ ...place, change: 'text', before: b, after: a, words: diffWords(b, a) });
    if (el.kind === 'image' && old.el.kind === 'image' && el.assetId !== old.el.assetId) changes.push({ ...place, change: 'image', before: old.el.assetId, after: el.assetId });
    if (el.kind === 'qr' && old.el.kind === 'qr' && el.url !== old.el.url) changes.push({ ...place, change: 'link', before: old.el.url, after: el.url });
    const fields = lookFields(old.el, el);
    if (fields.length > 0 || old.page !== page) changes.push({ ...place, change: 'look', fields: old.page !== page ? ['page', ...fields] : fields });
  }
  for (const { page, el } of placed(before)) {
    if (!seen.has(el.id)) changes.push({ page, elementId: el.id, kind: el.kind, change: 'removed', text: elementText(el) });
  }
  return changes;
}

/** Properties reported as their own kind of change (or not compared), so a "look" change lists only the rest. */
const NOT_LOOK = new Set(['id', 'kind', 'text', 'blocks', 'assetId', 'url']);

function lookFields(before: Element, after: Element): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  return [...keys].filter((k) => !NOT_LOOK.has(k) && JSON.stringify(b[k]) !== JSON.stringify(a[k])).sort();
}

/** Most words compared word by word; longer texts are shown as all removed and all added (the table is words²). */
const MAX_DIFF_WORDS = 2000;

/**
 * A word-by-word difference (longest common subsequence of words, spaces and line breaks kept with the
 * word before them), with neighbouring runs of the same kind merged.
 */
export function diffWords(before: string, after: string): WordChange[] {
  const split = (s: string) => s.match(/\S+\s*|\s+/g) ?? [];
  const a = split(before);
  const b = split(after);
  const out: WordChange[] = [];
  const push = (op: WordChange['op'], text: string) => {
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += text;
    else out.push({ op, text });
  };
  if (a.length > MAX_DIFF_WORDS || b.length > MAX_DIFF_WORDS) {
    if (before) push('removed', before);
    if (after) push('added', after);
    return out;
  }
  const same = (x: string, y: string) => x.trimEnd() === y.trimEnd();
  // lcs[i][j]: the longest common run of a[i..] and b[j..].
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = same(a[i]!, b[j]!) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (same(a[i]!, b[j]!)) {
      push('same', b[j]!);
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) push('removed', a[i++]!);
    else push('added', b[j++]!);
  }
  while (i < a.length) push('removed', a[i++]!);
  while (j < b.length) push('added', b[j++]!);
  return out;
}
