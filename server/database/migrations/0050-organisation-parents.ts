import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Organisations form a tree (issue 16: a national party, its regions, their local parties): each may
 * have a parent. The database refuses a cycle and a tree deeper than 4 levels (ORGANISATION_TREE_MAX_DEPTH
 * in common/organisations/organisation-tree.ts), whoever writes the row: a trigger walks the ancestors
 * under one advisory lock, so two admins re-parenting at once cannot make a loop between them.
 */
export const organisationParents: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      alter table organisations
        add column parent_id char(32) references organisations (id),
        add constraint organisation_not_own_parent check (parent_id is null or parent_id <> id)`.execute(db);
    await sql`create index organisations_by_parent on organisations (parent_id) where parent_id is not null`.execute(db);
    await sql`
      create function organisation_tree_check() returns trigger language plpgsql as $$
      declare
        ancestors int;
        below int;
      begin
        if new.parent_id is null then return new; end if;
        -- One writer of the tree at a time: the walk below then sees every committed parent.
        perform pg_advisory_xact_lock(hashtext('rosette.organisation_tree'));
        if exists (
          with recursive up(id, parent_id) as (
            select id, parent_id from organisations where id = new.parent_id
            union all
            select o.id, o.parent_id from organisations o join up on o.id = up.parent_id
          ) cycle id set looped using path
          select 1 from up where up.id = new.id
        ) then
          raise exception 'organisation % would be its own ancestor', new.id using errcode = '23514', constraint = 'organisation_tree_cycle';
        end if;
        with recursive up(id, parent_id, n) as (
          select id, parent_id, 1 from organisations where id = new.parent_id
          union all
          select o.id, o.parent_id, up.n + 1 from organisations o join up on o.id = up.parent_id where up.n < 100
        ) select max(n) into ancestors from up;
        with recursive down(id, n) as (
          select id, 0 from organisations where id = new.id
          union all
          select o.id, down.n + 1 from organisations o join down on o.parent_id = down.id where down.n < 100
        ) select max(n) into below from down;
        -- Levels: the new parent's ancestors (itself included), this organisation, and the levels below it.
        if coalesce(ancestors, 0) + 1 + coalesce(below, 0) > 4 then
          raise exception 'the organisation tree would be deeper than 4 levels' using errcode = '23514', constraint = 'organisation_tree_depth';
        end if;
        return new;
      end $$`.execute(db);
    await sql`
      create trigger organisation_tree_check before insert or update of parent_id on organisations
        for each row execute function organisation_tree_check()`.execute(db);
  },
};
