import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { formatUkDateTime } from '../admin/london-time';
import { ApiError } from '../api/api-error';
import { errorSentence } from '../api/error-sentence';
import { publishTemplate } from '../api/published-templates-api';
import { TEMPLATES_HASH } from '../app/use-hash-route';
import { SignedInHeader } from '../session/signed-in-header';
import { useSession } from '../session/session-context';
import { elementChoices, type ElementChoice } from './element-choices';
import { LockedPreview } from './locked-preview';
import { usePublishState, type PublishState } from './use-publish-state';
import './publishing.css';

/**
 * Publishing one saved design as a template for the organisations below (issue 16): the agent ticks the
 * elements that stay as they are (the logo, a band, the imprint's place), sees them outlined on the
 * pages, and publishes; each later publish is the next version. The versions published so far are
 * listed with what each locked.
 */
export function PublishScreen({ designId }: { designId: string }) {
  const { account } = useSession();
  const [state, reload] = usePublishState(designId);
  // Kept here, above the form: the form starts afresh (from the new version's locks) once the list reloads.
  const [published, setPublished] = useState<string | null>(null);
  useEffect(() => {
    const before = document.title;
    document.title = 'Publish a template · Rosette';
    return () => {
      document.title = before;
    };
  }, []);
  const mayPublish = account.role === 'agent' || account.role === 'admin';
  return (
    <>
      <SignedInHeader title="Publish a template" />
      <main id="main" tabIndex={-1} className="publish-page-main">
        <p>
          <a href={TEMPLATES_HASH}>← Your organisation’s templates</a>
        </p>
        {!mayPublish ? (
          <>
            <h1>Publish a template</h1>
            <p className="notice notice-error">Only your organisation’s agent (or an admin) can publish templates. Ask your agent to publish this design.</p>
          </>
        ) : state.status === 'loading' ? (
          <p role="status">Loading the design…</p>
        ) : state.status === 'failed' ? (
          <>
            <h1>Publish a template</h1>
            <p className="notice notice-error" role="alert">
              The design could not be loaded: {state.message}
            </p>
          </>
        ) : (
          <PublishForm
            key={`${state.design.id}@${state.versions[0]?.version ?? 0}`}
            state={state}
            published={published}
            onChange={() => setPublished(null)}
            onPublished={(sentence) => (setPublished(sentence), reload())}
          />
        )}
      </main>
    </>
  );
}

type Ready = Extract<PublishState, { status: 'ready' }>;

function PublishForm({ state, published, onChange, onPublished }: { state: Ready; published: string | null; onChange: () => void; onPublished: (sentence: string) => void }) {
  const { design, template, versions } = state;
  const choices = useMemo(() => elementChoices(design.design), [design.design]);
  const present = useMemo(() => new Set(choices.map((c) => c.id)), [choices]);
  // Publishing again starts from what the newest version locks (of the elements the design still has).
  const [locked, setLocked] = useState<ReadonlySet<string>>(() => new Set((versions[0]?.locked ?? []).filter((id) => present.has(id))));
  const [name, setName] = useState(template?.name ?? design.title);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const nameId = useId();
  const toggle = (id: string) => {
    onChange();
    setLocked((before) => {
      const next = new Set(before);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  };
  const nextVersion = (versions[0]?.version ?? 0) + 1;
  const newest = versions[0];
  // Publishing the same saved version with the same locks again would only make a copy of the newest version.
  const unchanged = newest !== undefined && newest.sourceDesignVersion === design.version && newest.locked.length === locked.size && newest.locked.every((id) => locked.has(id));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      // The list in the design's order, so the versions table reads as the pages do.
      const ids = choices.filter((c) => locked.has(c.id)).map((c) => c.id);
      const done = await publishTemplate({ designId: design.id, locked: ids, name: name.trim() || undefined });
      onPublished(`Published version ${done.version} of “${done.name}”. The organisations below yours find it in their gallery, under “Templates from your party”.`);
    } catch (err) {
      setProblem(err instanceof ApiError && err.fields[0] ? `${err.fields[0].path}: ${err.fields[0].message}.` : errorSentence(err));
    } finally {
      setBusy(false);
    }
  };
  const pages = [...new Set(choices.map((c) => c.page))];
  return (
    <>
      <h1>Publish “{design.title || 'Untitled leaflet'}” as a template</h1>
      <p className="lead">
        The organisations below yours will find it beside the built-in templates. Tick the parts they must keep exactly as they are: locked parts cannot be
        moved, resized, changed or deleted, and Rosette refuses to save or print a design that changes them. Everything else is theirs to fill in.
      </p>
      <p role="status" className={published ? 'notice notice-ok' : 'visually-hidden'}>
        {published ?? ''}
      </p>
      <div className="publish-layout">
        <form className="publish-form" onSubmit={(e) => void submit(e)} aria-labelledby="publish-heading">
          <h2 id="publish-heading">{template ? `Version ${nextVersion}` : 'First version'}</h2>
          <p className="field-hint">
            Publishes the design as last saved: version {design.version}, saved {formatUkDateTime(design.updatedAt)} (UK time). Changes still in the editor are not
            included until you save them.
          </p>
          <div className="field">
            <label htmlFor={nameId}>Name in the gallery</label>
            <input id={nameId} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
          </div>
          {pages.map((p) => (
            <fieldset key={p} className="lock-list">
              <legend>Locked parts: {choices.find((c) => c.page === p)?.pageName}</legend>
              {choices
                .filter((c) => c.page === p)
                .map((c) => (
                  <LockChoice key={c.id} choice={c} checked={locked.has(c.id)} onToggle={toggle} />
                ))}
            </fieldset>
          ))}
          <p className="publish-summary">{locked.size === 0 ? 'Nothing locked: those below may change every part.' : `${locked.size} ${locked.size === 1 ? 'part' : 'parts'} locked.`}</p>
          {unchanged ? (
            <p className="field-hint" id="publish-unchanged">
              Version {newest.version} already has this saved version of the design and these locks. Save changes to the design, or change what is locked, to
              publish a new version.
            </p>
          ) : null}
          <button type="submit" className="button button-primary" disabled={busy || unchanged} aria-describedby={unchanged ? 'publish-unchanged' : undefined}>
            {busy ? 'Publishing…' : template ? `Publish version ${nextVersion}` : 'Publish as a template'}
          </button>
          {problem ? (
            <p className="notice notice-error" role="alert">
              It was not published: {problem}
            </p>
          ) : null}
        </form>
        <section className="publish-preview" aria-labelledby="publish-preview-heading">
          <h2 id="publish-preview-heading">Preview</h2>
          <p className="field-hint">Locked parts are outlined in blue. Click a part of the page to lock or unlock it.</p>
          <LockedPreview design={design.design} locked={locked} onToggle={toggle} />
        </section>
      </div>
      <VersionList versions={versions} labels={new Map(choices.map((c) => [c.id, c.label]))} />
    </>
  );
}

function LockChoice({ choice, checked, onToggle }: { choice: ElementChoice; checked: boolean; onToggle: (id: string) => void }) {
  const id = useId();
  return (
    <div className={`lock-choice${checked ? ' lock-choice-on' : ''}`}>
      <input id={id} type="checkbox" checked={checked} onChange={() => onToggle(choice.id)} data-element-id={choice.id} />
      <label htmlFor={id}>
        {choice.label} <span className="lock-choice-id">({choice.id})</span>
      </label>
    </div>
  );
}

function VersionList({ versions, labels }: { versions: Ready['versions']; labels: Map<string, string> }) {
  return (
    <section aria-labelledby="published-versions-heading" className="publish-versions">
      <h2 id="published-versions-heading">Published versions</h2>
      {versions.length === 0 ? (
        <p>Not published yet.</p>
      ) : (
        <>
          <p className="field-hint">Each version stays as it was published. Designs already made from an older version keep its locks; their makers are told a newer one is out.</p>
          <div className="publish-versions-scroll" role="region" aria-label="Published versions, a table that scrolls sideways" tabIndex={0}>
          <table className="publish-versions-table">
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Published (UK time)</th>
                <th scope="col">Name</th>
                <th scope="col">Locked parts</th>
                <th scope="col">From the design’s version</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v, i) => (
                <tr key={v.version}>
                  <td>
                    {v.version}
                    {i === 0 ? ' (newest)' : ''}
                  </td>
                  <td>{formatUkDateTime(v.publishedAt)}</td>
                  <td>{v.name}</td>
                  <td>{v.locked.length === 0 ? 'none' : v.locked.map((id) => labels.get(id) ?? id).join('; ')}</td>
                  <td>{v.sourceDesignVersion}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        </>
      )}
    </section>
  );
}
