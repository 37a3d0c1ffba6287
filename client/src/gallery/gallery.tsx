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
import { createDesignFromTemplate, type PublishedTemplateResponse } from '../api/published-templates-api';
import { draftFromSaved } from '../designs/draft-from-saved';
import { PublishedTemplateCard } from './published-template-card';
import { usePublishedTemplates } from './use-published-templates';
import './gallery.css';

/** The home page: leaflets in progress, and the templates to start a new one from. */
export function Gallery({ onOpenDraft }: { onOpenDraft: (id: string) => void }) {
  const templates = useTemplates();
  const [drafts, setDrafts] = useState(() => listDrafts());
  const [saveFailed, setSaveFailed] = useState(false);
  const imprint = useOrganisationImprint();
  const published = usePublishedTemplates();
  const [starting, setStarting] = useState<{ busy: boolean; problem: string | null }>({ busy: false, problem: null });
  // A design from a published template is saved for the organisation at once: the server then knows its template and keeps its locks.
  const startPublished = async (template: PublishedTemplateResponse) => {
    setStarting({ busy: true, problem: null });
    try {
      const design = imprint.status === 'set' ? { ...structuredClone(template.design), imprint: structuredClone(imprint.imprint) } : structuredClone(template.design);
      const draft = draftFromSaved(await createDesignFromTemplate(design, { id: template.id, version: template.version }), []);
      saveDraft(draft);
      onOpenDraft(draft.id);
    } catch (err) {
      setStarting({ busy: false, problem: err instanceof Error ? err.message : 'the server could not be reached' });
    }
  };
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
        {published.status === 'ready' && published.templates.length > 0 ? (
          <section aria-labelledby="published-templates-heading">
            <h2 id="published-templates-heading">Templates from your party</h2>
            <p className="field-hint">Published by the organisations your party belongs to. Their locked parts (such as the logo) stay as they are; fill in the rest.</p>
            {starting.problem ? (
              <p className="notice notice-error" role="alert">
                The design could not be started ({starting.problem}); try again.
              </p>
            ) : null}
            <ul className="template-grid">
              {published.templates.map((t) => (
                <PublishedTemplateCard key={t.id} template={t} busy={starting.busy} onStart={(t) => void startPublished(t)} />
              ))}
            </ul>
          </section>
        ) : null}
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
