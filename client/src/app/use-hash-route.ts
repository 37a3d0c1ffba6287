import { useEffect, useState } from 'react';

/** Which screen the address shows: the gallery (#/) or a draft's editor (#/draft/<id>). */
export type Route = { screen: 'gallery' } | { screen: 'editor'; draftId: string };

export function parseRoute(hash: string): Route {
  const draft = /^#\/draft\/([A-Za-z0-9]{1,64})$/.exec(hash);
  return draft ? { screen: 'editor', draftId: draft[1]! } : { screen: 'gallery' };
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
