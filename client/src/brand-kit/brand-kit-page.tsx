import { useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type { BrandKit } from '../../../common/brand/brand-kit';
import { colourToCss } from '../../../common/design/colour';
import { FONT_FACES, type FontFace } from '../../../common/layout/font-files';
import { ApiError } from '../api/api-error';
import { getBrandKit, putBrandKit, type BrandKitResponse } from '../api/brand-kit-api';
import { screenAssetUrl, UPLOAD_TYPES, uploadAsset } from '../api/assets-api';
import { errorSentence } from '../api/error-sentence';
import { uploadMessage } from '../editor/elements/upload-message';
import { TYPEFACE_LABELS } from '../editor/typeface-options';
import { SignedInHeader } from '../session/signed-in-header';
import { useSession } from '../session/session-context';
import { colourOf, draftOf, emptyColour, INKS, kitOf, logoNameFromFile, newKey, problemsForFields, swatchOf, type BrandKitDraft, type ColourDraft, type Ink } from './brand-kit-draft';
import './brand-kit-page.css';

const INK_NAMES: Record<Ink, string> = { c: 'Cyan', m: 'Magenta', y: 'Yellow', k: 'Black' };

/** The id of the control that edits the value at a path of the kit (`colours[0].name`), so a problem can move focus to it. */
const fieldId = (path: string) => `brand-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/-+$/, '')}`;

type Save = { kind: 'idle' | 'saving' | 'saved' } | { kind: 'failed'; message: string };

/**
 * "Brand kit": the organisation's named CMYK colours, logos, typefaces and imprint rule, which its designers
 * are offered in the editor, and (read-only, by organisation) what it inherits from the organisations above it.
 * Its agents (and admins) change it; everyone else of the organisation reads it. The server checks every change
 * (PUT /api/organisations/:orgId/brand-kit) and its problems are shown by the field they name.
 */
export function BrandKitPage({ orgId }: { orgId?: string }) {
  const { account } = useSession();
  const id = orgId ?? account.organisationId;
  const canEdit = account.role === 'agent' || account.role === 'admin';
  const [kit, setKit] = useState<BrandKitResponse | null>(null);
  const [loadFailed, setLoadFailed] = useState<string | null>(null);
  const [draft, setDraft] = useState<BrandKitDraft | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [save, setSave] = useState<Save>({ kind: 'idle' });
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    getBrandKit(id, ctrl.signal).then(
      (body) => {
        setKit(body);
        setDraft(draftOf(body.own));
      },
      (err: unknown) => {
        if (!ctrl.signal.aborted) setLoadFailed(errorSentence(err));
      },
    );
    return () => ctrl.abort();
  }, [id]);

  /** A change to the draft; `rows` when rows were added or removed, which moves the fields the problems were for. */
  const change = (next: (d: BrandKitDraft) => BrandKitDraft, rows = false) => {
    setDraft((d) => (d ? next(d) : d));
    if (rows) setProblems({});
    setSave({ kind: 'idle' });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    setSave({ kind: 'saving' });
    try {
      const body = await putBrandKit(id, kitOf(draft));
      setKit(body);
      setDraft(draftOf(body.own));
      setProblems({});
      setSave({ kind: 'saved' });
      summary.current?.focus();
    } catch (err) {
      const found = err instanceof ApiError ? problemsForFields(err.fields, draft) : {};
      setProblems(found);
      const count = Object.keys(found).filter((p) => p !== '').length;
      setSave({ kind: 'failed', message: count > 0 ? `Not saved: ${count === 1 ? 'one field needs' : `${count} fields need`} changing (marked below).${found[''] ? ` ${found['']}` : ''}` : errorSentence(err) });
      // Focus moves to the first field named that can take it (a logo's missing upload is said by its name field).
      const target = Object.keys(found)
        .filter((p) => p !== '')
        .map((p) => document.getElementById(fieldId(p.replace(/\.assetId$/, '.name'))))
        .find((el) => el !== null);
      if (target) target.focus();
      else summary.current?.focus();
    }
  };

  const name = kit?.organisation.name ?? account.organisation;
  return (
    <>
      <SignedInHeader title="Brand kit" />
      <main id="main" tabIndex={-1} className="brand-kit-page">
        <p>
          <a href="#/">← Back to your leaflets</a>
        </p>
        <h1>{name}&rsquo;s brand kit</h1>
        <p className="lead">
          The colours, logos and typefaces your designers are offered first in the editor, and the smallest size your imprint may be printed at. Organisations below {name} inherit all of
          it and may add their own; nobody can remove what is inherited.
        </p>
        {loadFailed ? (
          <p className="notice notice-error" role="alert">
            The brand kit could not be loaded: {loadFailed} Reload the page to try again.
          </p>
        ) : null}
        {kit === null && !loadFailed ? <p role="status">Loading…</p> : null}
        {kit && draft ? (
          <>
            <Inherited kit={kit} />
            <section aria-labelledby="own-kit-heading">
              <h2 id="own-kit-heading">{name}&rsquo;s own</h2>
              {canEdit ? (
                <form onSubmit={(e) => void submit(e)} noValidate>
                  <ColoursFields draft={draft} problems={problems} change={change} />
                  <LogosFields draft={draft} problems={problems} change={change} />
                  <TypefacesFields draft={draft} kit={kit} problem={problems.typefaces} change={change} />
                  <ImprintRuleField draft={draft} kit={kit} problem={problems.imprintMinFontSize} change={change} />
                  <div ref={summary} tabIndex={-1} aria-live="polite" className="brand-kit-summary">
                    {save.kind === 'saved' ? <p className="notice-ok">Saved. The editor offers these to {name} and the organisations below it.</p> : null}
                    {save.kind === 'failed' ? <p className="notice notice-error">{save.message}</p> : null}
                  </div>
                  <div className="button-row">
                    <button type="submit" className="button button-primary" disabled={save.kind === 'saving'}>
                      {save.kind === 'saving' ? 'Saving…' : 'Save the brand kit'}
                    </button>
                  </div>
                </form>
              ) : (
                <>
                  <p className="field-hint">Only your organisation&rsquo;s agent can change the brand kit.</p>
                  <KitView kit={kit.own} />
                </>
              )}
            </section>
          </>
        ) : null}
      </main>
    </>
  );
}

/** What the organisations above this one give it, each under its name, read-only. */
function Inherited({ kit }: { kit: BrandKitResponse }) {
  return (
    <section aria-labelledby="inherited-heading" className="brand-inherited">
      <h2 id="inherited-heading">Inherited from the organisations above</h2>
      {kit.inherited.length === 0 ? (
        <p>Nothing: no organisation above {kit.organisation.name} has a brand kit.</p>
      ) : (
        <>
          <p className="field-hint">These are offered to your designers too. They cannot be changed or removed here; only that organisation&rsquo;s agent can.</p>
          {kit.inherited.map(({ organisation, kit: theirs }) => (
            <section key={organisation.id} className="brand-card" aria-labelledby={`inherited-${organisation.id}`}>
              <h3 id={`inherited-${organisation.id}`}>From {organisation.name}</h3>
              <KitView kit={theirs} />
            </section>
          ))}
        </>
      )}
    </section>
  );
}

/** A kit shown, not edited: its colours with swatches, its logos, typefaces and imprint rule. */
function KitView({ kit }: { kit: BrandKit }) {
  const empty = kit.colours.length === 0 && kit.logos.length === 0 && kit.typefaces.length === 0 && kit.imprintMinFontSize === null;
  if (empty) return <p>Nothing yet.</p>;
  return (
    <dl className="brand-facts">
      {kit.colours.length > 0 ? (
        <>
          <dt>Colours</dt>
          <dd>
            <ul className="brand-colour-list">
              {kit.colours.map((c, i) => (
                <li key={`${i}-${c.name}`}>
                  <Swatch css={colourToCss(c.colour)} /> {c.name} <span className="brand-cmyk">{c.colour.replace(/^cmyk/, 'CMYK ')}</span>
                </li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
      {kit.logos.length > 0 ? (
        <>
          <dt>Logos</dt>
          <dd>
            <ul className="brand-logo-list">
              {kit.logos.map((l, i) => (
                <li key={`${i}-${l.name}`}>
                  <img src={screenAssetUrl(l.assetId)} alt="" width={96} height={60} /> {l.name}
                </li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
      {kit.typefaces.length > 0 ? (
        <>
          <dt>Typefaces</dt>
          <dd>{kit.typefaces.map((t) => TYPEFACE_LABELS[t]).join(', ')}</dd>
        </>
      ) : null}
      {kit.imprintMinFontSize !== null ? (
        <>
          <dt>Imprint</dt>
          <dd>at least {kit.imprintMinFontSize} pt</dd>
        </>
      ) : null}
    </dl>
  );
}

function Swatch({ css }: { css: string | null }) {
  return (
    <svg viewBox="0 0 10 10" aria-hidden="true" className="brand-swatch">
      {css ? <rect x="0.5" y="0.5" width="9" height="9" rx="1.5" fill={css} stroke="#505050" strokeWidth="0.5" /> : <rect x="0.5" y="0.5" width="9" height="9" rx="1.5" fill="none" stroke="#505050" strokeWidth="0.5" strokeDasharray="1 1" />}
    </svg>
  );
}

/** A problem the server named for a field, tied to it with aria-describedby. */
function Problem({ id, text }: { id: string; text: string | undefined }) {
  return text ? (
    <p id={id} className="field-problem">
      {text}
    </p>
  ) : null;
}

interface SectionProps {
  draft: BrandKitDraft;
  problems: Record<string, string>;
  change: (next: (d: BrandKitDraft) => BrandKitDraft, rows?: boolean) => void;
}

function ColoursFields({ draft, problems, change }: SectionProps) {
  const setRow = (key: number, next: (c: ColourDraft) => ColourDraft) => change((d) => ({ ...d, colours: d.colours.map((c) => (c.key === key ? next(c) : c)) }));
  const add = () => {
    change((d) => ({ ...d, colours: [...d.colours, emptyColour()] }), true);
    requestAnimationFrame(() => document.getElementById(fieldId(`colours[${draft.colours.length}].name`))?.focus());
  };
  return (
    <fieldset className="brand-section" id={fieldId('colours')} tabIndex={-1}>
      <legend>Colours</legend>
      <p className="field-hint">Each colour by its name and its four inks in percent (0 to 100), as your printer or brand guide gives them. The swatch shows how those inks print.</p>
      <Problem id="brand-colours-problem" text={problems.colours} />
      {draft.colours.length === 0 ? <p>No colours of your own yet.</p> : null}
      {draft.colours.map((row, i) => {
        const n = i + 1;
        const namePath = `colours[${i}].name`;
        const colourPath = `colours[${i}].colour`;
        const swatch = swatchOf(row);
        return (
          <fieldset key={row.key} className="brand-row" aria-labelledby={`colour-${row.key}-legend`}>
            <legend id={`colour-${row.key}-legend`}>Colour {n}</legend>
            <div className="field">
              <label htmlFor={fieldId(namePath)}>Colour {n} name</label>
              <input
                id={fieldId(namePath)}
                type="text"
                value={row.name}
                maxLength={60}
                autoComplete="off"
                aria-invalid={problems[namePath] ? true : undefined}
                aria-describedby={problems[namePath] ? `${fieldId(namePath)}-problem` : undefined}
                onChange={(e) => setRow(row.key, (c) => ({ ...c, name: e.target.value }))}
              />
              <Problem id={`${fieldId(namePath)}-problem`} text={problems[namePath]} />
            </div>
            <div className="brand-inks" role="group" aria-labelledby={`colour-${row.key}-inks`} id={fieldId(colourPath)} tabIndex={-1} aria-describedby={problems[colourPath] ? `${fieldId(colourPath)}-problem` : undefined}>
              <span id={`colour-${row.key}-inks`} className="brand-inks-label">
                Colour {n} inks, percent
              </span>
              {INKS.map((ink) => (
                <span key={ink} className="brand-ink">
                  <label htmlFor={`${fieldId(colourPath)}-${ink}`}>
                    {INK_NAMES[ink]}
                    <span className="visually-hidden"> of colour {n}</span>
                  </label>
                  <input
                    id={`${fieldId(colourPath)}-${ink}`}
                    type="number"
                    inputMode="decimal"
                    min={0}
                    max={100}
                    value={row.inks[ink]}
                    aria-invalid={problems[colourPath] ? true : undefined}
                    onChange={(e) => setRow(row.key, (c) => ({ ...c, inks: { ...c.inks, [ink]: e.target.value } }))}
                  />
                </span>
              ))}
              <span className="brand-ink-proof">
                <Swatch css={swatch} />
                <span>{swatch ? `prints as ${colourOf(row).replace(/^cmyk/, 'CMYK ')}` : 'not a colour yet'}</span>
              </span>
            </div>
            <Problem id={`${fieldId(colourPath)}-problem`} text={problems[colourPath]} />
            <button type="button" className="button-quiet" onClick={() => change((d) => ({ ...d, colours: d.colours.filter((c) => c.key !== row.key) }), true)}>
              Remove colour {n}
              {row.name.trim() ? ` (${row.name.trim()})` : ''}
            </button>
          </fieldset>
        );
      })}
      <button type="button" className="button-secondary" onClick={add}>
        Add a colour
      </button>
    </fieldset>
  );
}

type Upload = { state: 'idle' } | { state: 'uploading'; fraction: number; name: string } | { state: 'failed'; message: string };

function LogosFields({ draft, problems, change }: SectionProps) {
  const uid = useId();
  const [upload, setUpload] = useState<Upload>({ state: 'idle' });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    if (!(UPLOAD_TYPES as readonly string[]).includes(file.type)) {
      setUpload({ state: 'failed', message: `“${file.name}” is not a PNG or JPEG image. Choose a PNG or JPEG logo.` });
      return;
    }
    abort.current?.abort();
    abort.current = new AbortController();
    setUpload({ state: 'uploading', fraction: 0, name: file.name });
    try {
      const asset = await uploadAsset(file, (fraction) => setUpload({ state: 'uploading', fraction, name: file.name }), abort.current.signal);
      const index = draft.logos.length;
      change((d) => ({ ...d, logos: [...d.logos, { key: newKey(), name: logoNameFromFile(file.name), assetId: asset.id }] }), true);
      setUpload({ state: 'idle' });
      // Name it next: the name is what designers choose it by.
      requestAnimationFrame(() => document.getElementById(fieldId(`logos[${index}].name`))?.focus());
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      setUpload({ state: 'failed', message: uploadMessage(err, file) });
    }
  };

  return (
    <fieldset className="brand-section" id={fieldId('logos')} tabIndex={-1}>
      <legend>Logos</legend>
      <p className="field-hint">Your logos and their variants (such as a joint-party logo), each with the name designers choose it by.</p>
      <Problem id="brand-logos-problem" text={problems.logos} />
      {draft.logos.length === 0 ? <p>No logos of your own yet.</p> : null}
      {draft.logos.map((row, i) => {
        const n = i + 1;
        const namePath = `logos[${i}].name`;
        const assetPath = `logos[${i}].assetId`;
        const described = [problems[namePath] ? `${fieldId(namePath)}-problem` : null, problems[assetPath] ? `${fieldId(assetPath)}-problem` : null].filter(Boolean).join(' ');
        return (
          <div key={row.key} className="brand-row brand-logo-row">
            <img src={screenAssetUrl(row.assetId)} alt="" width={96} height={60} />
            <div className="field">
              <label htmlFor={fieldId(namePath)}>Logo {n} name</label>
              <input
                id={fieldId(namePath)}
                type="text"
                value={row.name}
                maxLength={60}
                autoComplete="off"
                aria-invalid={problems[namePath] || problems[assetPath] ? true : undefined}
                aria-describedby={described || undefined}
                onChange={(e) => change((d) => ({ ...d, logos: d.logos.map((l) => (l.key === row.key ? { ...l, name: e.target.value } : l)) }))}
              />
              <Problem id={`${fieldId(namePath)}-problem`} text={problems[namePath]} />
              {/* The server's words name its API; the agent needs what to do. */}
              <Problem id={`${fieldId(assetPath)}-problem`} text={problems[assetPath] ? 'Rosette no longer has this image: remove this logo and upload it again.' : undefined} />
            </div>
            <button type="button" className="button-quiet" onClick={() => change((d) => ({ ...d, logos: d.logos.filter((l) => l.key !== row.key) }), true)}>
              Remove logo {n}
              {row.name.trim() ? ` (${row.name.trim()})` : ''}
            </button>
          </div>
        );
      })}
      <div className="field">
        <label htmlFor={`${uid}-file`}>Add a logo: upload a PNG or JPEG</label>
        <input id={`${uid}-file`} type="file" accept={UPLOAD_TYPES.join(',')} aria-describedby={`${uid}-status`} onChange={(e) => void onFile(e)} />
        <div id={`${uid}-status`} role="status" className="upload-status">
          {upload.state === 'uploading' ? (
            <>
              <label htmlFor={`${uid}-progress`}>Uploading {upload.name}</label>
              <progress id={`${uid}-progress`} max={1} value={upload.fraction}>
                {Math.round(upload.fraction * 100)}%
              </progress>
            </>
          ) : null}
          {upload.state === 'failed' ? <p className="field-problem">{upload.message}</p> : null}
        </div>
      </div>
    </fieldset>
  );
}

/** Which organisation above gives each typeface (the topmost that names it). */
function inheritedTypefaces(kit: BrandKitResponse): Map<FontFace, string> {
  const out = new Map<FontFace, string>();
  for (const { organisation, kit: theirs } of kit.inherited) for (const t of theirs.typefaces) if (!out.has(t)) out.set(t, organisation.name);
  return out;
}

function TypefacesFields({ draft, kit, problem, change }: { draft: BrandKitDraft; kit: BrandKitResponse; problem: string | undefined; change: SectionProps['change'] }) {
  const inherited = inheritedTypefaces(kit);
  return (
    <fieldset className="brand-section" id={fieldId('typefaces')} tabIndex={-1} aria-describedby={problem ? 'brand-typefaces-problem' : undefined}>
      <legend>Typefaces</legend>
      <p className="field-hint">The editor lists your brand&rsquo;s typefaces first. Rosette&rsquo;s fonts are all DejaVu: Sans, Serif and Condensed.</p>
      {FONT_FACES.map((face) => {
        const from = inherited.get(face);
        const checked = from !== undefined || draft.typefaces.includes(face);
        return (
          <label key={face} className="brand-choice">
            <input
              type="checkbox"
              checked={checked}
              disabled={from !== undefined}
              onChange={(e) => change((d) => ({ ...d, typefaces: e.target.checked ? [...d.typefaces, face] : d.typefaces.filter((t) => t !== face) }))}
            />{' '}
            {TYPEFACE_LABELS[face]}
            {from !== undefined ? <span className="brand-from"> (inherited from {from})</span> : null}
          </label>
        );
      })}
      <Problem id="brand-typefaces-problem" text={problem} />
    </fieldset>
  );
}

function ImprintRuleField({ draft, kit, problem, change }: { draft: BrandKitDraft; kit: BrandKitResponse; problem: string | undefined; change: SectionProps['change'] }) {
  const id = fieldId('imprintMinFontSize');
  const inherited = kit.inherited.reduce<{ size: number; from: string } | null>((best, { organisation, kit: theirs }) => (theirs.imprintMinFontSize !== null && theirs.imprintMinFontSize > (best?.size ?? 0) ? { size: theirs.imprintMinFontSize, from: organisation.name } : best), null);
  return (
    <div className="field brand-section-field">
      <label htmlFor={id}>Smallest imprint size, points</label>
      <p className="field-hint" id={`${id}-hint`}>
        {inherited ? `${inherited.from} already requires at least ${inherited.size} pt; yours may be larger, not smaller. ` : ''}Leave empty for no rule of your own. Saving or printing a design whose imprint may be smaller is refused.
      </p>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={4}
        max={20}
        step={0.5}
        className="brand-size"
        value={draft.imprintMinFontSize}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-hint ${id}-problem` : `${id}-hint`}
        onChange={(e) => change((d) => ({ ...d, imprintMinFontSize: e.target.value }))}
      />
      <Problem id={`${id}-problem`} text={problem} />
    </div>
  );
}
