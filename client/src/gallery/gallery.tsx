import { useState } from 'react';
import type { TemplateDetail } from '../api/templates-api';
import { HISTORY_HASH } from '../app/use-hash-route';
import { SavedDesignList } from '../designs/saved-design-list';
import { listDrafts, saveDraft } from '../drafts/draft-store';
import { SignedInHeader } from '../session/signed-in-header';
import { DraftList } from './draft-list';
import { newDraft } from './new-draft';
import { OrganisationImprintNotice } from './organisation-imprint-notice';
import { useOrganisationImprint } from '../organisation/use-organisation-imprint';
import { TemplateCard } from './template-card';
import { useTemplates } from './use-templates';
import './gallery.css';

/** The home page: leaflets in progress, and the templates to start a new one from. */
export function Gallery({ onOpenDraft }: { onOpenDraft: (id: string) => void }) {
  const templates = useTemplates();
  const [drafts, setDrafts] = useState(() => listDrafts());
  const [saveFailed, setSaveFailed] = useState(false);
  const imprint = useOrganisationImprint();
  const start = (template: TemplateDetail) => {
    const draft = newDraft(template, Date.now(), imprint.status === 'set' ? imprint.imprint : undefined);
    try {
      saveDraft(draft);
    } catch {
      setSaveFailed(true);
      return;
    }
    onOpenDraft(draft.id);
  };
  return (
    <>
      <SignedInHeader />
      <main id="main" tabIndex={-1} className="gallery">
        <h1>Make a leaflet</h1>
        <p className="lead">Pick a template, change the words, pictures and colours, fill in the imprint, and send it to print. You get a print-ready PDF to download and share.</p>
        <p className="gallery-links">
          <a className="button button-secondary" href={HISTORY_HASH}>
            Print history
          </a>{' '}
          <span className="field-hint">Your organisation’s past print jobs: PDFs, share links, print again.</span>
        </p>
        {saveFailed ? <p className="notice notice-error">This browser refused to save a draft (storage full or turned off), so the editor cannot keep your work. Free some space or allow site storage, then try again.</p> : null}
        <OrganisationImprintNotice state={imprint} />
        <SavedDesignList onOpenDraft={onOpenDraft} />
        <DraftList drafts={drafts} onChange={() => setDrafts(listDrafts())} />
        <section aria-labelledby="templates-heading">
          <h2 id="templates-heading">Start from a template</h2>
          {templates.status === 'loading' ? <p role="status">Loading the templates…</p> : null}
          {templates.status === 'failed' ? (
            <p className="notice notice-error" role="alert">
              The templates could not be loaded ({templates.message}). Check your connection and reload the page.
            </p>
          ) : null}
          {templates.status === 'ready' ? (
            <ul className="template-grid">
              {templates.templates.map((t) => (
                <TemplateCard key={t.id} template={t} onStart={start} />
              ))}
            </ul>
          ) : null}
        </section>
      </main>
    </>
  );
}
