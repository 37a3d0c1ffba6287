import { DEFAULT_PRINT_SETTINGS } from '../../../common/colour/print-settings';
import { useEffect, useState } from 'react';
import type { LaidOutDesign } from '../../../common/layout/draw-items';
import { getSharedLeaflet, type SharedLeaflet } from '../api/share-links-api';
import { formatBytes } from '../app/format-bytes';
import { PageSvg } from '../preview/page-svg';
import './share.css';

type State = { state: 'loading' } | { state: 'ready'; leaflet: SharedLeaflet } | { state: 'gone' } | { state: 'failed' };

/** A volunteer's page (`/s/<token>`): the leaflet's title, its front page, and the download. No account needed. */
export function SharePage({ token }: { token: string }) {
  const [state, setState] = useState<State>({ state: 'loading' });
  useEffect(() => {
    getSharedLeaflet(token).then(
      (leaflet) => setState({ state: 'ready', leaflet }),
      (err: unknown) => setState((err as { status?: number }).status === 404 ? { state: 'gone' } : { state: 'failed' }),
    );
  }, [token]);
  useEffect(() => {
    if (state.state === 'ready') document.title = `${state.leaflet.title}: Rosette`;
  }, [state]);
  return (
    <>
      <header className="site-header">
        <span className="brand">Rosette</span>
        <p className="header-title">A leaflet shared with you</p>
      </header>
      <main id="main" tabIndex={-1} className="share-page">
        {state.state === 'loading' ? <p role="status">Loading the leaflet…</p> : null}
        {state.state === 'gone' ? (
          <>
            <h1>This link no longer works</h1>
            <p>It has expired or has been withdrawn. Ask the campaigner who sent it for a new one.</p>
          </>
        ) : null}
        {state.state === 'failed' ? (
          <p className="notice notice-error" role="alert">
            The leaflet could not be loaded. Check your connection and reload the page.
          </p>
        ) : null}
        {state.state === 'ready' ? <SharedLeafletView leaflet={state.leaflet} /> : null}
      </main>
    </>
  );
}

function SharedLeafletView({ leaflet }: { leaflet: SharedLeaflet }) {
  const layout: LaidOutDesign = {
    geometry: { trim: leaflet.front.geometry.trim, bleed: leaflet.front.geometry.bleed, slug: 0, cropMarks: false },
    language: 'en-GB',
    print: DEFAULT_PRINT_SETTINGS,
    pages: [{ items: leaflet.front.items, elements: [] }],
    warnings: [],
    errors: [],
  };
  return (
    <>
      <h1>{leaflet.title || 'Untitled leaflet'}</h1>
      <div className="share-thumbnail">
        <PageSvg layout={layout} pageIndex={0} title={`Front page of ${leaflet.title || 'the leaflet'}`} className="thumbnail" />
      </div>
      <p>
        <a className="button button-primary button-large" href={leaflet.download.url} download>
          Download the PDF
        </a>
      </p>
      <p className="field-hint">
        Print-ready PDF, {leaflet.pages} {leaflet.pages === 1 ? 'page' : 'pages'}, {formatBytes(leaflet.download.bytes)}.
      </p>
    </>
  );
}
