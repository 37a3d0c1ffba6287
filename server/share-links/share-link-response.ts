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

export function createdShareLinkResponse(link: ShareLink, token: string): CreatedShareLinkResponse {
  return { ...shareLinkResponse(link), url: sharePagePath(token) };
}

export function sharedLeafletResponse(link: ShareLink, token: string): SharedLeafletResponse {
  const front = JSON.parse(link.front) as FrontPage;
  return { title: link.title, pages: link.pages, front: { geometry: front.geometry, items: front.items }, download: { url: sharedPdfPath(token), bytes: link.bytes } };
}
