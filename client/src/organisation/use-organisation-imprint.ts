import { useEffect, useState } from 'react';
import type { Imprint } from '../../../common/design/design-schema';
import { getOrganisationImprint } from '../api/organisation-imprint-api';
import { useSession } from '../session/session-context';

/** The signed-in account's organisation's imprint, as far as it is known yet. */
export type OrganisationImprintState =
  | { status: 'loading' }
  | { status: 'none' }
  | { status: 'set'; imprint: Imprint }
  /** It could not be read (offline, maintenance): new designs start from the template, as before. */
  | { status: 'unknown' };

export function useOrganisationImprint(): OrganisationImprintState {
  const { account } = useSession();
  const [state, setState] = useState<OrganisationImprintState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    getOrganisationImprint(account.organisationId).then(
      (body) => live && setState(body.imprint ? { status: 'set', imprint: body.imprint } : { status: 'none' }),
      () => live && setState({ status: 'unknown' }),
    );
    return () => {
      live = false;
    };
  }, [account.organisationId]);
  return state;
}
