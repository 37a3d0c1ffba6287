import type { TreeOrganisation } from '../api/organisation-tree-api';

/** An organisation with the ones directly below it, as the admin's tree page draws it. */
export interface OrganisationBranch {
  organisation: TreeOrganisation;
  children: OrganisationBranch[];
}

const byName = (a: TreeOrganisation, b: TreeOrganisation) => a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' }) || a.id.localeCompare(b.id);

/**
 * The list of organisations as a tree, each level in name order. An organisation whose parent is not in
 * the list (or that sits in a loop, which the database refuses but a client should not trust) is shown
 * at the top rather than lost.
 */
export function buildOrganisationTree(organisations: readonly TreeOrganisation[]): OrganisationBranch[] {
  const ids = new Set(organisations.map((o) => o.id));
  const below = new Map<string, TreeOrganisation[]>();
  for (const o of organisations) {
    if (o.parentId === null || !ids.has(o.parentId)) continue;
    below.set(o.parentId, [...(below.get(o.parentId) ?? []), o]);
  }
  const placed = new Set<string>();
  const branch = (o: TreeOrganisation): OrganisationBranch => {
    placed.add(o.id);
    return { organisation: o, children: (below.get(o.id) ?? []).filter((c) => !placed.has(c.id)).sort(byName).map(branch) };
  };
  const roots = organisations.filter((o) => o.parentId === null || !ids.has(o.parentId)).sort(byName).map(branch);
  // What is left sits in a loop: each loop is shown once, from its first organisation by name.
  for (const o of organisations.filter((x) => !placed.has(x.id)).sort(byName)) if (!placed.has(o.id)) roots.push(branch(o));
  return roots;
}

/** The names of an organisation's ancestors, nearest last ("National Party › Western Region"). */
export function ancestorNames(organisations: readonly TreeOrganisation[], id: string): string[] {
  const byId = new Map(organisations.map((o) => [o.id, o]));
  const names: string[] = [];
  const seen = new Set<string>([id]);
  let parent = byId.get(id)?.parentId ?? null;
  while (parent !== null && !seen.has(parent)) {
    seen.add(parent);
    const o = byId.get(parent);
    if (!o) break;
    names.unshift(o.name);
    parent = o.parentId;
  }
  return names;
}
