import { sql, type Kysely, type Migration } from 'kysely';

/**
 * An organisation's brand kit (issue 16): named CMYK colours, logos (uploaded asset ids), typefaces and
 * the imprint's minimum size, at most one per organisation. What those below it inherit is worked out on
 * reading (server/brand-kits/), so a kit stores only the organisation's own additions.
 */
export const brandKits: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table brand_kits (
        org_id char(32) primary key references organisations (id),
        colours jsonb not null check (jsonb_typeof(colours) = 'array' and jsonb_array_length(colours) <= 24),
        logos jsonb not null check (jsonb_typeof(logos) = 'array' and jsonb_array_length(logos) <= 12),
        typefaces jsonb not null check (jsonb_typeof(typefaces) = 'array' and jsonb_array_length(typefaces) <= 3),
        imprint_min_font_size real check (imprint_min_font_size between 4 and 20),
        updated_by char(32) not null references accounts (id),
        updated_at timestamptz not null
      )`.execute(db);
  },
};
