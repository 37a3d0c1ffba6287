import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A design made from a published template remembers which one and which version (issue 16): its locks
 * are checked against that version on every save and print. Designs made before, or from a built-in
 * template, have none.
 */
export const designTemplateLink: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      alter table designs
        add column template_id char(32),
        add column template_version int,
        add constraint design_template_version_exists foreign key (template_id, template_version) references published_template_versions (template_id, version),
        add constraint design_template_both check ((template_id is null) = (template_version is null))`.execute(db);
  },
};
