import type { SignOffStatus } from '../../../common/sign-off/sign-off-workflow';

/** How each status reads to people, on the Sign-off screen and in the editor. */
export const STATUS_WORDS: Record<SignOffStatus, string> = {
  pending: 'Waiting for sign-off',
  approved: 'Approved',
  returned: 'Returned with comments',
  superseded: 'Replaced by a newer version',
};

/** What the page's address says: the Sign-off screen, opened on one request or on the queue. */
export const signOffHash = (id?: string) => (id ? `#/sign-off/${id}` : '#/sign-off');
