/**
 * The sign-off workflow of one frozen design version. A campaigner sends it (it starts `pending`); an
 * agent approves it or returns it with a comment; a returned version may be sent again as it is; sending
 * a newer version of the same design supersedes a request still pending or returned. An approval is
 * final for that version: any edit makes a new version, which needs sign-off of its own.
 */
export const SIGN_OFF_STATUSES = ['pending', 'approved', 'returned', 'superseded'] as const;
export type SignOffStatus = (typeof SIGN_OFF_STATUSES)[number];

/** Every allowed move, and only those: a status missing here does not compile, and a test walks each edge. */
export const SIGN_OFF_TRANSITIONS: Record<SignOffStatus, readonly SignOffStatus[]> = {
  pending: ['approved', 'returned', 'superseded'],
  returned: ['pending', 'superseded'],
  approved: [],
  superseded: [],
};

/** Who may make a move: the organisation's agents decide; any of its accounts sends again or supersedes. */
export const SIGN_OFF_ACTOR: Record<SignOffStatus, 'agent' | 'member'> = {
  approved: 'agent',
  returned: 'agent',
  pending: 'member',
  superseded: 'member',
};

/** The verb the API and the audit log use for a move to each status. */
export const SIGN_OFF_ACTIONS: Record<SignOffStatus, 'approved' | 'returned' | 'resubmitted' | 'superseded'> = {
  approved: 'approved',
  returned: 'returned',
  pending: 'resubmitted',
  superseded: 'superseded',
};

/** Whether a request may move from one status to the other. */
export function canMove(from: SignOffStatus, to: SignOffStatus): boolean {
  return SIGN_OFF_TRANSITIONS[from].includes(to);
}

/** Longest comment or note on a move, characters. */
export const MAX_SIGN_OFF_COMMENT = 2000;
