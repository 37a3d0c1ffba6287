import { useEffect, useState } from 'react';

/**
 * Which screen the address shows: the gallery (#/), a draft's editor (#/draft/<id>), the
 * organisation's print history (#/history), the organisation's imprint (#/imprint), sign-off
 * (#/sign-off, #/sign-off/<request id>), a saved design's versions (#/variants/<design id>), the agent's
 * published templates (#/templates) and publishing one design as a template (#/publish/<design id>), print orders (#/orders), the organisation's printers (#/printers), election spending (#/spending), the organisation's brand kit (#/brand-kit; an admin's view of another organisation's, #/brand-kit/<org id>), the admin's accounts page (#/admin/accounts), or the
 * set-password page of an invite (#/invite/<token>: the token stays in the fragment, which browsers
 * never send to a server).
 */
export type Route = { screen: 'gallery' } | { screen: 'editor'; draftId: string } | { screen: 'history' } | { screen: 'accounts' } | { screen: 'imprint' } | { screen: 'sign-off'; requestId: string | null } | { screen: 'variants'; designId: string } | { screen: 'orders' } | { screen: 'printers' } | { screen: 'spending' } | { screen: 'brand-kit'; orgId: string | null } | { screen: 'templates' } | { screen: 'publish'; designId: string } | { screen: 'invite'; token: string };

/** The address of the organisation's print history. */
export const HISTORY_HASH = '#/history';
/** The agent's page of the organisation's published templates. */
export const TEMPLATES_HASH = '#/templates';
/** The address of the screen that publishes one saved design as a template. */
export const publishHash = (designId: string) => `#/publish/${designId}`;

export function parseRoute(hash: string): Route {
  const draft = /^#\/draft\/([A-Za-z0-9]{1,64})$/.exec(hash);
  if (draft) return { screen: 'editor', draftId: draft[1]! };
  const invite = /^#\/invite\/([A-Za-z0-9_-]{1,100})$/.exec(hash);
  if (invite) return { screen: 'invite', token: invite[1]! };
  if (hash === '#/admin/accounts') return { screen: 'accounts' };
  if (hash === '#/imprint') return { screen: 'imprint' };
  if (hash === HISTORY_HASH) return { screen: 'history' };
  if (hash === '#/orders') return { screen: 'orders' };
  if (hash === '#/printers') return { screen: 'printers' };
  if (hash === '#/spending') return { screen: 'spending' };
  if (hash === '#/brand-kit') return { screen: 'brand-kit', orgId: null };
  const brandKit = /^#\/brand-kit\/([a-f0-9]{32})$/.exec(hash);
  if (brandKit) return { screen: 'brand-kit', orgId: brandKit[1]! };
  if (hash === TEMPLATES_HASH) return { screen: 'templates' };
  const publish = /^#\/publish\/([a-f0-9]{32})$/.exec(hash);
  if (publish) return { screen: 'publish', designId: publish[1]! };
  if (hash === '#/sign-off') return { screen: 'sign-off', requestId: null };
  const signOff = /^#\/sign-off\/([a-f0-9]{32})$/.exec(hash);
  if (signOff) return { screen: 'sign-off', requestId: signOff[1]! };
  const variants = /^#\/variants\/([a-f0-9]{32})$/.exec(hash);
  if (variants) return { screen: 'variants', designId: variants[1]! };
  return { screen: 'gallery' };
}

/**
 * The screen from the address's hash, so a reload (or the Back button) returns to the same screen.
 * Hash routing needs no server support: the server only serves index.html.
 */
export function useHashRoute(): [Route, (hash: string) => void] {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const go = (hash: string) => {
    window.location.hash = hash;
  };
  return [route, go];
}
