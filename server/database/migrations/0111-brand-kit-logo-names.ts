import { sql, type Kysely, type Migration } from 'kysely';

/** Longest logo name the brand kit schema takes (common/brand/brand-kit.ts). */
const NAME_MAX = 40;

/**
 * Two logos of one name (case aside) in one brand kit: refused since 6 December 2026, because the editor
 * chooses a logo by its name. A kit saved before with two would fail the schema on every read, and a kit
 * that fails it is left out (server/brand-kits/brand-kit-store.ts): the whole kit would be lost to its
 * organisation and those below. The second such logo is renamed "Name (2)", the third "Name (3)", so every
 * kit reads again, no logo lost.
 */
export const brandKitLogoNames: Migration = {
  async up(db: Kysely<unknown>) {
    const { rows } = await sql<{ org_id: string; logos: unknown }>`select org_id, logos from brand_kits`.execute(db);
    for (const row of rows) {
      if (!Array.isArray(row.logos)) continue;
      const renamed = distinctNames(row.logos);
      if (renamed) await sql`update brand_kits set logos = ${JSON.stringify(renamed)}::jsonb where org_id = ${row.org_id}`.execute(db);
    }
  },
};

/** The logos with a number after each repeated name; null when no name repeats (or the list is not of named logos). */
export function distinctNames(logos: readonly unknown[]): unknown[] | null {
  const taken = new Set<string>();
  let changed = false;
  const out = logos.map((logo) => {
    if (typeof logo !== 'object' || logo === null || typeof (logo as { name?: unknown }).name !== 'string') return logo;
    const name = (logo as { name: string }).name.trim();
    let unique = name;
    for (let n = 2; taken.has(unique.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      unique = `${name.slice(0, NAME_MAX - suffix.length)}${suffix}`;
    }
    taken.add(unique.toLowerCase());
    if (unique === name) return logo;
    changed = true;
    return { ...logo, name: unique };
  });
  return changed ? out : null;
}
