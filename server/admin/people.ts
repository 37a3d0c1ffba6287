import type { PersonView } from '../../common/api/admin-status';

/** Finds who `account:<id>` strings name (server/sessions/admin-session.ts writes them). */
export type PeopleLookup = (whos: readonly string[]) => Promise<Record<string, PersonView>>;

const ACCOUNT = /^account:([a-f0-9]{32})$/;

/**
 * The people behind `account:<id>` strings, from the account store: their e-mail address (accounts have
 * no name yet: when they do, it goes in `name`). An account that no longer exists is named as such;
 * anything else (the admin token's label) is left out, and the console shows it as it is.
 */
export function accountPeople(accounts: { findById(id: string): Promise<{ email: string } | null> }): PeopleLookup {
  return async (whos) => {
    const people: Record<string, PersonView> = {};
    for (const who of new Set(whos)) {
      const id = ACCOUNT.exec(who)?.[1];
      if (!id) continue;
      const account = await accounts.findById(id);
      people[who] = { name: null, email: account?.email ?? null };
    }
    return people;
  };
}
