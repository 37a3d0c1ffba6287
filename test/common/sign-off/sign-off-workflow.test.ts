import { canMove, SIGN_OFF_ACTIONS, SIGN_OFF_ACTOR, SIGN_OFF_STATUSES, SIGN_OFF_TRANSITIONS, type SignOffStatus } from '../../../common/sign-off/sign-off-workflow';

const edges = (from: SignOffStatus) => SIGN_OFF_TRANSITIONS[from].map((to) => `${from} -> ${to}`);

describe('the sign-off workflow table', () => {
  it('allows exactly these moves', () => {
    expect(SIGN_OFF_STATUSES.flatMap(edges)).toEqual(['pending -> approved', 'pending -> returned', 'pending -> superseded', 'returned -> pending', 'returned -> superseded']);
  });

  it('answers canMove from the table, for every pair of statuses', () => {
    for (const from of SIGN_OFF_STATUSES) {
      for (const to of SIGN_OFF_STATUSES) expect([from, to, canMove(from, to)]).toEqual([from, to, SIGN_OFF_TRANSITIONS[from].includes(to)]);
    }
  });

  it('keeps an approval final: any change is a new version with a request of its own', () => {
    expect(SIGN_OFF_TRANSITIONS.approved).toEqual([]);
    expect(SIGN_OFF_TRANSITIONS.superseded).toEqual([]);
  });

  it('never moves a status to itself, and every status can be reached from pending', () => {
    for (const from of SIGN_OFF_STATUSES) expect(SIGN_OFF_TRANSITIONS[from]).not.toContain(from);
    const reached = new Set<SignOffStatus>(['pending']);
    for (let round = 0; round < SIGN_OFF_STATUSES.length; round++) for (const s of [...reached]) SIGN_OFF_TRANSITIONS[s].forEach((t) => reached.add(t));
    expect([...reached].sort()).toEqual([...SIGN_OFF_STATUSES].sort());
  });

  it('lets only agents decide, and names an audit verb for every move', () => {
    expect(SIGN_OFF_ACTOR).toEqual({ approved: 'agent', returned: 'agent', pending: 'member', superseded: 'member' });
    expect(new Set(Object.values(SIGN_OFF_ACTIONS)).size).toBe(SIGN_OFF_STATUSES.length);
  });
});
