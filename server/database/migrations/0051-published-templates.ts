import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Templates an organisation publishes to the organisations below it (issue 16): one row per template
 * (made from one of its saved designs, at most one template per design), and a frozen row per version,
 * each a design document and the ids of the elements it locks. Versions are never changed or deleted.
 */
export const publishedTemplates: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table published_templates (
        id char(32) primary key check (id ~ '^[a-f0-9]{32}$'),
        org_id char(32) not null references organisations (id),
        source_design_id char(32) not null unique references designs (id),
        current_version int not null check (current_version >= 1),
        created_at timestamptz not null
      )`.execute(db);
    await sql`create index published_templates_by_org on published_templates (org_id)`.execute(db);
    await sql`
      create table published_template_versions (
        template_id char(32) not null references published_templates (id),
        version int not null check (version >= 1),
        name text not null check (length(name) between 1 and 120),
        design jsonb not null check (jsonb_typeof(design) = 'object'),
        locked jsonb not null check (jsonb_typeof(locked) = 'array' and jsonb_array_length(locked) <= 60),
        source_design_version int not null check (source_design_version >= 1),
        published_by char(32) not null references accounts (id),
        published_at timestamptz not null,
        primary key (template_id, version)
      )`.execute(db);
  },
};
