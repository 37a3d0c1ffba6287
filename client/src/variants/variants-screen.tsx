import { useEffect, useId, useMemo, useState, type ChangeEvent } from 'react';
import { designSchema, type Design } from '../../../common/design/design-schema';
import { layoutDesign } from '../../../common/layout/layout-design';
import { applyVariant } from '../../../common/variants/apply-variant';
import { parseVariantCsv, variantCsv, type CsvProblem } from '../../../common/variants/variant-csv';
import { MAX_VARIANT_ROWS, type VariantField, type VariantRow } from '../../../common/variants/variant-table';
import { ApiError } from '../api/api-error';
import { getDesign } from '../api/designs-api';
import { getVariantTable, saveVariantTable } from '../api/variants-api';
import type { Draft } from '../drafts/draft';
import { newDraftId, saveDraft } from '../drafts/draft-store';
import { PageSvg } from '../preview/page-svg';
import { useAssetSizes, useAssetSizesOf } from '../preview/use-asset-sizes';
import { SignedInHeader } from '../session/signed-in-header';
import { fieldFor, fillableElements } from './fillable-elements';
import { PrintRunPanel } from './print-run-panel';
import { useVariantChecks } from './use-variant-checks';
import { VariantGrid } from './variant-grid';
import '../gallery/gallery.css';
import './variants.css';

/** Largest CSV file read, bytes: 1,000 rows of a few fields fit with room to spare; a 10 MB file is refused before it is read. */
export const MAX_CSV_BYTES = 1024 * 1024;

type Loaded = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; design: Design; title: string };

function sentence(err: unknown, fallback: string): string {
  if (!(err instanceof ApiError) || err.status === 0) return fallback;
  const field = err.fields[0];
  return field ? `${field.path}: ${field.message}` : err.message;
}

/**
 * One design, many versions (#/variants/<design id>): which parts change from version to version (the
 * fields), a row per version (typed in, or read from a CSV file), every row checked as it will print,
 * a preview of any row, and the table saved with the design.
 */
export function VariantsScreen({ designId, onOpenDraft }: { designId: string; onOpenDraft: (draftId: string) => void }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [fields, setFields] = useState<VariantField[]>([]);
  const [rows, setRows] = useState<VariantRow[]>([]);
  const [csvProblems, setCsvProblems] = useState<CsvProblem[]>([]);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [previewRow, setPreviewRow] = useState<number | null>(null);
  const fileId = useId();
  useEffect(() => {
    document.title = 'Versions: Rosette';
    let live = true;
    Promise.all([getDesign(designId), getVariantTable(designId)]).then(
      ([saved, table]) => {
        if (!live) return;
        const design = designSchema.parse(saved.design);
        setLoaded({ state: 'ready', design, title: saved.title });
        setFields(table.fields);
        setRows(table.rows);
      },
      (err) => live && setLoaded({ state: 'failed', message: err instanceof ApiError && err.status === 404 ? 'This design was not found: it may have been deleted.' : 'The design could not be loaded. Check your connection and reload the page.' }),
    );
    return () => void (live = false);
  }, [designId]);

  const master = loaded.state === 'ready' ? loaded.design : null;
  const elements = useMemo(() => (master ? fillableElements(master) : []), [master]);
  const assets = useAssetSizes(master);
  // The photos the rows name, whose sizes the check needs (a photo too coarse to print is flagged in its row).
  const photoIds = useMemo(() => {
    const photoKeys = fields.filter((f) => elements.find((e) => e.page === f.page && e.elementId === f.elementId)?.kind === 'image').map((f) => f.key);
    return rows.flatMap((r) => photoKeys.map((k) => (r[k] ?? '').trim())).filter((id) => /^[a-f0-9]{64}$/.test(id));
  }, [rows, fields, elements]);
  const allAssets = useAssetSizesOf(photoIds, assets);
  const checks = useVariantChecks(master, fields, rows, allAssets);
  const needing = checks.checks.filter((c) => c.problems.some((p) => p.severity === 'error')).length;

  const toggleField = (element: (typeof elements)[number], on: boolean) => {
    setNotice(null);
    if (on) {
      const field = fieldFor(element, new Set(fields.map((f) => f.key)));
      setFields([...fields, field]);
      setRows((rs) => (rs.length === 0 ? [{ [field.key]: element.value }] : rs.map((r) => ({ ...r, [field.key]: element.value }))));
    } else {
      const gone = fields.find((f) => f.page === element.page && f.elementId === element.elementId);
      if (!gone) return;
      const rest = fields.filter((f) => f !== gone);
      setFields(rest);
      setRows((rs) => (rest.length === 0 ? [] : rs.map(({ [gone.key]: _, ...r }) => r)));
    }
  };
  const addRow = () => {
    if (!master || rows.length >= MAX_VARIANT_ROWS) return;
    setRows([...rows, Object.fromEntries(fields.map((f) => [f.key, elements.find((e) => e.page === f.page && e.elementId === f.elementId)?.value ?? '']))]);
  };
  const readCsv = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    setNotice(null);
    setCsvProblems([]);
    if (!file) return;
    if (file.size > MAX_CSV_BYTES) {
      setCsvProblems([{ line: null, message: `the file is ${(file.size / 1024 / 1024).toFixed(1)} MB; a table's CSV file can be at most 1 MB` }]);
      return;
    }
    const result = parseVariantCsv(await file.text(), fields);
    if (!result.ok) setCsvProblems(result.problems);
    else {
      setRows(result.rows);
      setNotice({ kind: 'ok', text: `Read ${result.rows.length} ${result.rows.length === 1 ? 'version' : 'versions'} from ${file.name}. Save the table to keep them.` });
    }
  };
  const downloadCsv = () => {
    const blob = new Blob([variantCsv(fields, rows)], { type: 'text/csv;charset=utf-8' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${(loaded.state === 'ready' ? loaded.title : 'versions').replace(/[^\p{L}\p{N}]+/gu, '-')}-versions.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 0);
  };
  /** Saves the table; says so, and whether it was saved. */
  const save = async (): Promise<boolean> => {
    setNotice(null);
    try {
      await saveVariantTable(designId, fields, rows);
      setNotice({ kind: 'ok', text: `Saved ${rows.length} ${rows.length === 1 ? 'version' : 'versions'}.` });
      return true;
    } catch (err) {
      setNotice({ kind: 'error', text: `Not saved. ${sentence(err, 'Rosette could not be reached; try again.')}` });
      return false;
    }
  };

  // One version opened in the editor as a browser draft of its own, to print as any leaflet is (not saved
  // over the master: the draft belongs to no saved design), titled after the design and the version.
  const openVersion = (r: number) => {
    if (!master || !rows[r]) return;
    const parsed = designSchema.safeParse(applyVariant(master, fields, rows[r]!));
    if (!parsed.success) return;
    const first = (rows[r]![fields[0]!.key] ?? '').replace(/\s+/g, ' ').trim();
    const title = `${master.title} (${first || `version ${r + 1}`})`.slice(0, 120);
    const draft: Draft = { id: newDraftId(), templateId: '', design: { ...parsed.data, title }, assets: {}, page: 0, pendingPrint: null, sentPrint: null, savedAt: Date.now() };
    saveDraft(draft);
    onOpenDraft(draft.id);
  };

  const preview = useMemo(() => {
    if (!master || previewRow === null || !rows[previewRow]) return null;
    const parsed = designSchema.safeParse(applyVariant(master, fields, rows[previewRow]!));
    return parsed.success ? layoutDesign(parsed.data, new Map(Object.entries(allAssets))) : null;
  }, [master, previewRow, rows, fields, allAssets]);

  return (
    <>
      <SignedInHeader />
      <main id="main" tabIndex={-1} className="gallery variants">
        <p className="back-link">
          <a href="#/">← Back to your leaflets</a>
        </p>
        <h1>Versions{loaded.state === 'ready' ? ` of “${loaded.title}”` : ''}</h1>
        <p className="lead">One leaflet, a version for each ward, candidate or language: tick what changes, then give each version its words. Every version is checked as it will print.</p>
        {loaded.state === 'loading' ? <p role="status">Loading the design…</p> : null}
        {loaded.state === 'failed' ? (
          <p className="notice notice-error" role="alert">
            {loaded.message}
          </p>
        ) : null}
        {loaded.state === 'ready' ? (
          <>
            <fieldset className="variant-fields">
              <legend>What changes from version to version</legend>
              {elements.map((el) => {
                const on = fields.some((f) => f.page === el.page && f.elementId === el.elementId);
                return (
                  <label key={`${el.page}/${el.elementId}`} className="variant-field-choice">
                    <input type="checkbox" checked={on} onChange={(e) => toggleField(el, e.target.checked)} /> {el.description}
                  </label>
                );
              })}
            </fieldset>
            {fields.length > 0 ? (
              <section aria-labelledby="versions-heading">
                <h2 id="versions-heading">The versions</h2>
                <p role="status" className={needing > 0 ? 'notice notice-error' : 'notice'}>
                  {checks.state === 'checking'
                    ? `Checking ${checks.done} of ${rows.length} versions…`
                    : needing > 0
                      ? `${needing} of ${rows.length} ${rows.length === 1 ? 'version' : 'versions'} ${needing === 1 ? 'needs' : 'need'} a change before printing: see the rows marked below.`
                      : `All ${rows.length} ${rows.length === 1 ? 'version fits' : 'versions fit'}.`}
                </p>
                <VariantGrid fields={fields} elements={elements} rows={rows} checks={checks.checks} onChange={setRows} onPreview={setPreviewRow} onOpen={openVersion} />
                <div className="button-row variant-actions">
                  <button type="button" className="button" onClick={addRow} disabled={rows.length >= MAX_VARIANT_ROWS}>
                    Add a version
                  </button>
                  <label htmlFor={fileId} className="button">
                    Read versions from a CSV file
                  </label>
                  <input id={fileId} type="file" accept=".csv,text/csv" className="visually-hidden" onChange={(e) => void readCsv(e)} />
                  <button type="button" className="button" onClick={downloadCsv} disabled={rows.length === 0}>
                    Download as CSV
                  </button>
                  <button type="button" className="button button-primary" onClick={() => void save()} disabled={rows.length === 0}>
                    Save the versions
                  </button>
                </div>
                {csvProblems.length > 0 ? (
                  <div className="notice notice-error" role="alert">
                    <p>The CSV file was not read:</p>
                    <ul>
                      {csvProblems.map((p, i) => (
                        <li key={i}>
                          {p.line === null ? '' : `Line ${p.line}: `}
                          {p.message}
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
                {notice ? (
                  <p className={notice.kind === 'ok' ? 'notice' : 'notice notice-error'} role={notice.kind === 'ok' ? 'status' : 'alert'}>
                    {notice.text}
                  </p>
                ) : null}
                <PrintRunPanel designId={designId} save={save} disabled={rows.length === 0 || checks.state === 'checking' || needing > 0} />
              </section>
            ) : (
              <p>Tick at least one part of the leaflet that changes between versions.</p>
            )}
            {preview && previewRow !== null ? (
              <section aria-labelledby="variant-preview-heading" className="variant-preview">
                <h2 id="variant-preview-heading">Version {previewRow + 1}</h2>
                <div className="variant-preview-pages">
                  {preview.pages.map((_, p) => (
                    <PageSvg key={p} layout={preview} pageIndex={p} title={`${p === 0 ? 'Front' : 'Back'} of version ${previewRow + 1}`} />
                  ))}
                </div>
              </section>
            ) : null}
          </>
        ) : null}
      </main>
    </>
  );
}
