import { fetchJson } from './fetch-json';

/** One organisation in the admin's tree (GET /api/admin/organisation-tree): its name and parent only. */
export interface TreeOrganisation {
  id: string;
  name: string;
  /** The organisation above it; null at the top of the tree. */
  parentId: string | null;
}

/** Every organisation with its parent, and how many levels the tree may have. */
export function getOrganisationTree(): Promise<{ organisations: TreeOrganisation[]; maxDepth: number }> {
  return fetchJson('/api/admin/organisation-tree', { cache: 'no-store' });
}

/** Puts an organisation under `parentId`, or at the top of the tree (null); 409 for a cycle or a tree too deep. */
export function setOrganisationParent(orgId: string, parentId: string | null): Promise<{ organisation: TreeOrganisation }> {
  return fetchJson(`/api/admin/organisations/${encodeURIComponent(orgId)}/parent`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ parentId }) });
}
