import { z } from 'zod';
import { colourSchema } from '../design/colour';
import { FONT_FACES } from '../layout/font-files';

const name = (what: string) => z.string({ error: `must be the ${what}'s name` }).trim().min(1, 'must not be empty').max(40, 'must be at most 40 characters');

/**
 * An organisation's own brand kit (issue 16), as PUT /api/organisations/:orgId/brand-kit takes it: what it
 * adds to the kits of the organisations above it, which it inherits and cannot remove from.
 */
export const brandKitSchema = z.strictObject(
  {
    /** Named colours; each written cmyk(c, m, y, k) (an sRGB #rrggbb is converted once, through the output profile). */
    colours: z
      .array(z.strictObject({ name: name('colour'), colour: colourSchema }, { error: 'must be an object such as { "name": "Party red", "colour": "cmyk(0, 100, 80, 0)" }' }), { error: 'must be a list of named colours' })
      .max(24, 'must have at most 24 colours')
      .default([]),
    /** Logos: uploaded images (POST /api/assets), with a name each (such as "Joint-party logo"). */
    logos: z
      .array(
        z.strictObject(
          { name: name('logo'), assetId: z.string({ error: 'must be an asset id returned by POST /api/assets' }).regex(/^[a-f0-9]{64}$/, 'must be an asset id returned by POST /api/assets') },
          { error: 'must be an object such as { "name": "Logo", "assetId": "..." }' },
        ),
        { error: 'must be a list of logos' },
      )
      .max(12, 'must have at most 12 logos')
      .default([]),
    /** Typefaces of Rosette's fonts (sans, serif, condensed). */
    typefaces: z.array(z.enum(FONT_FACES, { error: `must be one of ${FONT_FACES.join(', ')}` }), { error: 'must be a list of typefaces' }).max(3).default([]),
    /** The smallest size the imprint may be set at, points; null for no rule of its own. */
    imprintMinFontSize: z.number({ error: 'must be a size in points, or null' }).min(4, 'must be at least 4 pt').max(20, 'must be at most 20 pt').nullable().default(null),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? 'only colours, logos, typefaces and imprintMinFontSize can be set' : 'must be an object such as { "colours": [], "logos": [], "typefaces": [] }') },
).superRefine((kit, ctx) => {
  const seen = new Set<string>();
  kit.colours.forEach((c, i) => {
    const key = c.name.toLowerCase();
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['colours', i, 'name'], message: `names a second colour "${c.name}"` });
    seen.add(key);
  });
  // A logo is chosen by its name in the editor: two of one name could not be told apart.
  const logos = new Set<string>();
  kit.logos.forEach((l, i) => {
    const key = l.name.toLowerCase();
    if (logos.has(key)) ctx.addIssue({ code: 'custom', path: ['logos', i, 'name'], message: `names a second logo "${l.name}"` });
    logos.add(key);
  });
  if (new Set(kit.typefaces).size !== kit.typefaces.length) ctx.addIssue({ code: 'custom', path: ['typefaces'], message: 'must not name a typeface twice' });
});
export type BrandKit = z.output<typeof brandKitSchema>;

/** A named brand colour with the organisation it comes from. */
export interface BrandColour {
  name: string;
  /** cmyk(c, m, y, k). */
  colour: string;
  /** The organisation whose kit has it (the asker's own or an ancestor's). */
  from: string;
}

/** The kit an organisation works with: its ancestors' kits and its own, added together. */
export interface EffectiveBrandKit {
  colours: BrandColour[];
  logos: Array<{ name: string; assetId: string; from: string }>;
  typefaces: string[];
  /** The largest of the minimum imprint sizes in the tree (the strictest rule), points; null for none. */
  imprintMinFontSize: number | null;
}

/**
 * Adds kits together, the topmost organisation's first: a child adds colours, logos and typefaces and may
 * tighten the imprint rule, never remove or loosen what is above it. A child's colour or logo whose name an
 * ancestor already uses is left out (the ancestor's stays).
 */
export function effectiveBrandKit(kits: ReadonlyArray<{ organisation: string; kit: BrandKit }>): EffectiveBrandKit {
  const out: EffectiveBrandKit = { colours: [], logos: [], typefaces: [], imprintMinFontSize: null };
  for (const { organisation, kit } of kits) {
    for (const c of kit.colours) if (!out.colours.some((o) => o.name.toLowerCase() === c.name.toLowerCase())) out.colours.push({ ...c, from: organisation });
    for (const l of kit.logos) if (!out.logos.some((o) => o.name.toLowerCase() === l.name.toLowerCase())) out.logos.push({ ...l, from: organisation });
    for (const t of kit.typefaces) if (!out.typefaces.includes(t)) out.typefaces.push(t);
    if (kit.imprintMinFontSize !== null) out.imprintMinFontSize = Math.max(out.imprintMinFontSize ?? 0, kit.imprintMinFontSize);
  }
  return out;
}
