import { useEffect, useState } from 'react';
import { formatUkDateTime } from '../admin/london-time';
import { listDesigns, type SavedDesignSummary } from '../api/designs-api';
import { errorSentence } from '../api/error-sentence';
import { listPublishedTemplates, type PublishedTemplateSummary } from '../api/published-templates-api';
import { publishHash } from '../app/use-hash-route';
import { SignedInHeader } from '../session/signed-in-header';
import { useSession } from '../session/session-context';
import './publishing.css';

type DeskState = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; templates: PublishedTemplateSummary[]; designs: SavedDesignSummary[] };

/**
 * The agent's templates (issue 16): what the organisation has published to those below it, and its
 * saved designs, each of which can be published (or published again, as its next version).
 */
export function TemplatesDesk() {
  const { account } = useSession();
  const [state, setState] = useState<DeskState>({ status: 'loading' });
  const mayPublish = account.role === 'agent' || account.role === 'admin';
  useEffect(() => {
    const before = document.title;
    document.title = 'Templates · Rosette';
    return () => {
      document.title = before;
    };
  }, []);
  useEffect(() => {
    if (!mayPublish) return;
    Promise.all([listPublishedTemplates(), listDesigns()]).then(
      ([templates, designs]) => setState({ status: 'ready', templates: templates.filter((t) => t.own), designs }),
      (err: unknown) => setState({ status: 'failed', message: errorSentence(err) }),
    );
  }, [mayPublish]);
  return (
    <>
      <SignedInHeader title="Templates" />
      <main id="main" tabIndex={-1} className="publish-page-main">
        <h1>Templates you publish</h1>
        <p className="lead">
          A design of {account.organisation} published as a template appears in the gallery of every organisation below it, with the parts you lock (the logo, a
          band, the imprint’s place) kept as they are.
        </p>
        {!mayPublish ? (
          <p className="notice notice-error">Only your organisation’s agent (or an admin) can publish templates.</p>
        ) : state.status === 'loading' ? (
          <p role="status">Loading…</p>
        ) : state.status === 'failed' ? (
          <p className="notice notice-error" role="alert">
            The templates could not be loaded: {state.message}
          </p>
        ) : (
          <Desk templates={state.templates} designs={state.designs} />
        )}
      </main>
    </>
  );
}

function Desk({ templates, designs }: { templates: PublishedTemplateSummary[]; designs: SavedDesignSummary[] }) {
  const published = new Map(templates.flatMap((t) => (t.sourceDesignId ? [[t.sourceDesignId, t] as const] : [])));
  return (
    <>
      <section aria-labelledby="published-heading">
        <h2 id="published-heading">Published</h2>
        {templates.length === 0 ? (
          <p>Nothing published yet. Pick one of your saved designs below.</p>
        ) : (
          <ul className="desk-list">
            {templates.map((t) => (
              <li key={t.id} className="desk-item">
                <span className="desk-name">{t.name}</span>
                <span className="desk-meta">
                  version {t.version}, published {formatUkDateTime(t.publishedAt)} (UK time) · {t.locked.length === 0 ? 'nothing locked' : `${t.locked.length} ${t.locked.length === 1 ? 'part' : 'parts'} locked`}
                </span>
                {t.sourceDesignId && designs.some((d) => d.id === t.sourceDesignId) ? (
                  <a href={publishHash(t.sourceDesignId)} aria-label={`Versions and new version: “${t.name}”`}>
                    Versions and new version
                  </a>
                ) : (
                  <span className="desk-meta">its design has been deleted</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="designs-to-publish-heading">
        <h2 id="designs-to-publish-heading">Your saved designs</h2>
        {designs.length === 0 ? (
          <p>
            No saved designs yet. <a href="#/">Make a leaflet</a> and save it, then publish it from here.
          </p>
        ) : (
          <ul className="desk-list">
            {designs.map((d) => {
              const title = d.title || 'Untitled leaflet';
              const t = published.get(d.id);
              return (
                <li key={d.id} className="desk-item">
                  <span className="desk-name">{title}</span>
                  <span className="desk-meta">
                    {d.format.size} {d.format.orientation}, last edited {formatUkDateTime(d.updatedAt)}
                    {t ? ` · published as “${t.name}”, version ${t.version}` : ''}
                  </span>
                  <a className="button button-secondary" href={publishHash(d.id)} aria-label={`${t ? 'Publish a new version' : 'Publish as a template'}: “${title}”`}>
                    {t ? 'Publish a new version' : 'Publish as a template'}
                  </a>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}
