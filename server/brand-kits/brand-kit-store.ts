import type { Kysely } from 'kysely';
import { brandKitSchema, type BrandKit } from '../../common/brand/brand-kit';
import type { Database } from '../database/schema';

const ID = /^[a-f0-9]{32}$/;

/** Brand kits in PostgreSQL (table `brand_kits`): each organisation's own, at most one. */
export class BrandKitStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number,
  ) {}

  /** The own kits of these organisations, by id (an organisation without one, or whose stored kit no longer parses, is absent). */
  async kitsOf(orgIds: readonly string[]): Promise<Map<string, BrandKit>> {
    const ids = orgIds.filter((id) => ID.test(id));
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('brand_kits').select(['org_id', 'colours', 'logos', 'typefaces', 'imprint_min_font_size']).where('org_id', 'in', ids).execute();
    const out = new Map<string, BrandKit>();
    for (const r of rows) {
      // Checked again on every read: a bad record is never trusted.
      const parsed = brandKitSchema.safeParse({ colours: r.colours, logos: r.logos, typefaces: r.typefaces, imprintMinFontSize: r.imprint_min_font_size });
      if (parsed.success) out.set(r.org_id, parsed.data);
    }
    return out;
  }

  /** Sets (replaces) the organisation's own kit, checked by the caller. */
  async set(orgId: string, kit: BrandKit, accountId: string): Promise<void> {
    const row = { colours: JSON.stringify(kit.colours), logos: JSON.stringify(kit.logos), typefaces: JSON.stringify(kit.typefaces), imprint_min_font_size: kit.imprintMinFontSize, updated_by: accountId, updated_at: new Date(this.now()) };
    await this.db
      .insertInto('brand_kits')
      .values({ org_id: orgId, ...row })
      .onConflict((oc) => oc.column('org_id').doUpdateSet(row))
      .execute();
  }
}
