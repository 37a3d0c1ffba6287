import type { FrontPage } from './front-page';
import type { ShareLink } from './share-link';

/** A share link in the campaigner's list: no token (it is not stored), so it cannot be copied again, only revoked. */
export interface ShareLinkResponse {
  id: string;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601, or null for a link that works until revoked. */
  expiresAt: string | null;
}

/**
 * A link in the organisation's list (GET /api/share-links), which holds links of jobs the queue has
 * dropped too: which leaflet it shares, so the campaigner knows what they withdraw.
 */
export interface OrganisationShareLinkResponse extends ShareLinkResponse {
  /** The print job it was made from (the job itself may be gone: finished jobs are kept 30 days). */
  jobId: string;
  /** The leaflet's title when the link was made. */
  title: string;
  /** Account id of whoever made it; null for links made before this was recorded. */
  createdBy: string | null;
}

/**
 * A link in the admin's view of an organisation (GET /api/admin/organisations/:orgId/share-links):
 * enough to see it and withdraw it, and nothing of the organisation's leaflet or job, which admins do
 * not see elsewhere either.
 */
export interface AdminShareLinkResponse extends ShareLinkResponse {
  /** Account id of whoever made it; null for links made before this was recorded. */
  createdBy: string | null;
}

/** A link just made: the only time its address is shown. */
export interface CreatedShareLinkResponse extends ShareLinkResponse {
  /** Path of the volunteer's page, `/s/<token>`. */
  url: string;
}

/**
 * What a volunteer's page gets: the leaflet's title and size, its front page to draw, and where to
 * download it. Nothing about the job, the organisation or any account.
 */
export interface SharedLeafletResponse {
  title: string;
  pages: number;
  front: FrontPage;
  download: { url: string; bytes: number };
}

/** Where a share link's volunteer page is. */
export const sharePagePath = (token: string) => `/s/${token}`;
/** Where a share link's PDF is. */
export const sharedPdfPath = (token: string) => `/s/${token}/leaflet.pdf`;

export function shareLinkResponse(link: ShareLink): ShareLinkResponse {
  return { id: link.id, createdAt: new Date(link.createdAt).toISOString(), expiresAt: link.expiresAt ? new Date(link.expiresAt).toISOString() : null };
}

export function organisationShareLinkResponse(link: ShareLink): OrganisationShareLinkResponse {
  return { ...shareLinkResponse(link), jobId: link.jobId, title: link.title, createdBy: link.createdBy ?? null };
}

export function adminShareLinkResponse(link: ShareLink): AdminShareLinkResponse {
  return { ...shareLinkResponse(link), createdBy: link.createdBy ?? null };
}

export function createdShareLinkResponse(link: ShareLink, token: string): CreatedShareLinkResponse {
  return { ...shareLinkResponse(link), url: sharePagePath(token) };
}

export function sharedLeafletResponse(link: ShareLink, token: string): SharedLeafletResponse {
  const front = JSON.parse(link.front) as FrontPage;
  return { title: link.title, pages: link.pages, front: { geometry: front.geometry, items: front.items }, download: { url: sharedPdfPath(token), bytes: link.bytes } };
}
