import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Saved designs and every saved version of them: a save adds a version, it never overwrites one. A
 * version belongs to one design; a design's current version exists (checked at commit).
 */
export const designs: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table designs (
        id char(32) primary key check (id ~ '^[a-f0-9]{32}$'),
        org_id char(32) not null references organisations (id),
        created_by char(32) not null references accounts (id),
        title text not null,
        -- What the list shows, copied from the current version so a list of thousands reads no documents.
        format_size text not null,
        orientation text not null,
        page_count integer not null check (page_count >= 1),
        current_version integer not null check (current_version >= 1),
        created_at timestamptz not null,
        updated_at timestamptz not null,
        deleted_at timestamptz
      )`.execute(db);
    await sql`create index designs_by_org on designs (org_id, updated_at desc, id) where deleted_at is null`.execute(db);
    await sql`
      create table design_versions (
        design_id char(32) not null references designs (id),
        version integer not null check (version >= 1),
        design jsonb not null,
        saved_by char(32) not null references accounts (id),
        saved_at timestamptz not null,
        primary key (design_id, version)
      )`.execute(db);
    await sql`
      alter table designs add constraint current_version_exists
        foreign key (id, current_version) references design_versions (design_id, version)
        deferrable initially deferred`.execute(db);
  },
};
