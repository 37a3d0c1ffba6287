import { ancestorNames, buildOrganisationTree, type OrganisationBranch } from '../../../client/src/admin/organisation-tree';

const org = (id: string, name: string, parentId: string | null = null) => ({ id, name, parentId });
/** The tree as nested names, to compare at a glance. */
const names = (branches: OrganisationBranch[]): unknown[] => branches.map((b) => (b.children.length ? [b.organisation.name, names(b.children)] : b.organisation.name));

describe("the admin's organisation tree", () => {
  it('nests each organisation under its parent, every level in name order', () => {
    const list = [org('l2', 'Riverside Local', 'r'), org('r', 'Western Region', 'n'), org('n', 'National Party'), org('l1', 'Hillside Local', 'r'), org('x', 'an independent')];
    expect(names(buildOrganisationTree(list))).toEqual(['an independent', ['National Party', [['Western Region', ['Hillside Local', 'Riverside Local']]]]]);
  });

  it('shows an organisation whose parent is missing, or that sits in a loop, at the top rather than losing it', () => {
    expect(names(buildOrganisationTree([org('a', 'Orphan', 'gone')]))).toEqual(['Orphan']);
    const looped = buildOrganisationTree([org('a', 'A', 'b'), org('b', 'B', 'a')]);
    expect(looped).toHaveLength(1);
    expect(names(looped)).toEqual([['A', ['B']]]);
  });

  it('names the ancestors of an organisation, the top first', () => {
    const list = [org('l', 'Riverside Local', 'r'), org('r', 'Western Region', 'n'), org('n', 'National Party')];
    expect(ancestorNames(list, 'l')).toEqual(['National Party', 'Western Region']);
    expect(ancestorNames(list, 'n')).toEqual([]);
    expect(ancestorNames([org('a', 'A', 'b'), org('b', 'B', 'a')], 'a')).toEqual(['B']);
  });
});
