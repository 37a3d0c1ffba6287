import type { BrandKit } from '../../../common/brand/brand-kit';
import { colourToCss, inkOf, parseColour } from '../../../common/design/colour';
import type { FontFace } from '../../../common/layout/font-files';

/** The four inks of a colour, as typed: percent, 0 to 100 (the server checks them). */
export const INKS = ['c', 'm', 'y', 'k'] as const;
export type Ink = (typeof INKS)[number];

/** A named colour row of the brand kit screen; `key` keeps React's rows apart while names change. */
export interface ColourDraft {
  key: number;
  name: string;
  /** Each ink as typed, in percent. */
  inks: Record<Ink, string>;
}

/** A logo row: an uploaded image (its asset id) and the name designers choose it by. */
export interface LogoDraft {
  key: number;
  name: string;
  assetId: string;
}

/** The organisation's own kit as the screen holds it while it is edited. */
export interface BrandKitDraft {
  colours: ColourDraft[];
  logos: LogoDraft[];
  typefaces: FontFace[];
  /** Points as typed; empty for no rule of its own. */
  imprintMinFontSize: string;
}

let nextKey = 1;
/** A key no other row of this page has. */
export function newKey(): number {
  return nextKey++;
}

/** A new, empty colour row. */
export function emptyColour(): ColourDraft {
  return { key: newKey(), name: '', inks: { c: '0', m: '0', y: '0', k: '0' } };
}

/** The screen's draft of a kit the server answered (its colours are always `cmyk(...)`). */
export function draftOf(kit: BrandKit): BrandKitDraft {
  return {
    colours: kit.colours.map((c) => {
      const ink = inkOf(c.colour);
      return { key: newKey(), name: c.name, inks: { c: String(ink.c), m: String(ink.m), y: String(ink.y), k: String(ink.k) } };
    }),
    logos: kit.logos.map((l) => ({ key: newKey(), name: l.name, assetId: l.assetId })),
    typefaces: [...kit.typefaces],
    imprintMinFontSize: kit.imprintMinFontSize === null ? '' : String(kit.imprintMinFontSize),
  };
}

/** The colour string a row stands for, `cmyk(c, m, y, k)` as typed (not checked here: the server names a bad one). */
export function colourOf(row: ColourDraft): string {
  return `cmyk(${INKS.map((i) => row.inks[i].trim()).join(', ')})`;
}

/**
 * What the swatch shows for a row: its inks soft-proofed through the output profile (common/colour, the one
 * colour pipeline the preview and the PDF use), or null while the inks typed are not a colour.
 */
export function swatchOf(row: ColourDraft): string | null {
  const colour = colourOf(row);
  return parseColour(colour) ? colourToCss(colour) : null;
}

/**
 * The body of PUT /api/organisations/:orgId/brand-kit for a draft. Values go as typed (names untrimmed,
 * inks unchecked): the server's schema is the one check, and its answer names each bad field.
 */
export function kitOf(draft: BrandKitDraft): BrandKit {
  const size = draft.imprintMinFontSize.trim();
  return {
    colours: draft.colours.map((c) => ({ name: c.name, colour: colourOf(c) })),
    logos: draft.logos.map((l) => ({ name: l.name, assetId: l.assetId })),
    typefaces: [...draft.typefaces],
    // An empty field is "no rule of its own" (a number input gives '' for anything that is not a number).
    imprintMinFontSize: size === '' ? null : Number(size),
  };
}

/** A logo's name from its file's ("party-logo.png" → "party logo"), for the agent to change. */
export function logoNameFromFile(fileName: string): string {
  const stem = fileName.replace(/\.[A-Za-z0-9]{1,5}$/, '').replace(/[-_]+/g, ' ').trim();
  return stem.slice(0, 40) || 'Logo';
}

/**
 * The paths of the fields the screen shows for a draft (`colours[0].name`, `colours[0].colour`, `logos[1].assetId`,
 * `typefaces`, `imprintMinFontSize` ...): a problem the server names at one of these is shown by that field.
 */
export function fieldPathsOf(draft: BrandKitDraft): string[] {
  return [
    'colours',
    ...draft.colours.flatMap((_, i) => [`colours[${i}].name`, `colours[${i}].colour`]),
    'logos',
    ...draft.logos.flatMap((_, i) => [`logos[${i}].name`, `logos[${i}].assetId`]),
    'typefaces',
    'imprintMinFontSize',
  ];
}

/**
 * The server's field problems by the path of the field that shows each (the first message per field). A
 * path deeper than any field (`typefaces[2]`, `colours[0]`) goes to the nearest field or list that holds it;
 * what fits none comes back under `''`, for the summary.
 */
export function problemsForFields(fields: ReadonlyArray<{ path: string; message: string }>, draft: BrandKitDraft): Record<string, string> {
  const shown = new Set(fieldPathsOf(draft));
  const out: Record<string, string> = {};
  for (const f of fields) {
    let path = f.path;
    while (path && !shown.has(path)) {
      const up = path.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
      path = up === path ? '' : up;
    }
    out[path] ??= f.message;
  }
  return out;
}
