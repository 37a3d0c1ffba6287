import type { PersonView } from '../../../common/api/admin-status';

/**
 * Who `setBy` or an audit entry's `who` is, in words: "Jo Bloggs (jo@example.org)", or the e-mail
 * address alone while accounts have no names; the admin token's label as it is.
 */
export function personName(who: string, people: Readonly<Record<string, PersonView>> | undefined): string {
  const person = people?.[who];
  if (!person) return who.startsWith('account:') ? 'an account' : who;
  if (person.email === null) return 'an account that no longer exists';
  return person.name ? `${person.name} (${person.email})` : person.email;
}
