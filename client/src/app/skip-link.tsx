import type { MouseEvent } from 'react';

/**
 * "Skip to the main content" for keyboard users. It focuses <main> by script: following "#main" would
 * change the hash, which is this app's route.
 */
export function SkipLink() {
  const skip = (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    const main = document.getElementById('main');
    main?.focus();
    main?.scrollIntoView();
  };
  return (
    <a className="skip-link" href="#main" onClick={skip}>
      Skip to the main content
    </a>
  );
}
