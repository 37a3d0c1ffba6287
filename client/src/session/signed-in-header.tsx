import { AccountBar } from './account-bar';

/**
 * The header of every signed-in screen: Rosette's mark (back to `home`), what the screen is for, and the
 * account bar (who is signed in, sign out).
 */
export function SignedInHeader({ title = 'Leaflets and posters for your campaign', home = '#/' }: { title?: string; home?: string }) {
  return (
    <header className="site-header">
      <a className="brand" href={home}>
        Rosette
      </a>
      <p className="header-title">{title}</p>
      <AccountBar />
    </header>
  );
}
