import { useEffect, useId, useMemo, useState, type ChangeEvent } from 'react';
import { designSchema, type Design } from '../../../common/design/design-schema';
import { layoutDesign } from '../../../common/layout/layout-design';
import { applyVariant } from '../../../common/variants/apply-variant';
import { bilingualVariantCsv, parseBilingualVariantCsv, parseVariantCsv, variantCsv, type CsvProblem } from '../../../common/variants/variant-csv';
import { MAX_VARIANT_ROWS, VARIANT_LANGUAGE_NAMES, type BilingualField, type VariantKind } from '../../../common/variants/variant-table';
import { bilingualValues, plainFields } from '../../../common/variants/variant-versions';
import { ApiError } from '../api/api-error';
import { getDesign } from '../api/designs-api';
import { getVariantTable, saveVariantTable } from '../api/variants-api';
import type { Draft } from '../drafts/draft';
import { newDraftId, saveDraft } from '../drafts/draft-store';
import { PageSvg } from '../preview/page-svg';
import { useAssetSizes, useAssetSizesOf } from '../preview/use-asset-sizes';
import { SignedInHeader } from '../session/signed-in-header';
import { fieldFor, fillableElements } from './fillable-elements';
import { changeKind, gridColumns, gridRowsOf, holdsWords, tableOf, type GridRow } from './grid-columns';
import { PrintRunPanel } from './print-run-panel';
import { useVariantChecks } from './use-variant-checks';
import { VariantGrid, type VersionRef } from './variant-grid';
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
 * a preview of any row, and the table saved with the design. Chosen "English and Welsh", each row holds an
 * English and a Welsh text per words field and makes two versions, each checked, previewed and printed.
 */
export function VariantsScreen({ designId, onOpenDraft }: { designId: string; onOpenDraft: (draftId: string) => void }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [kind, setKind] = useState<VariantKind>('plain');
  const [fields, setFields] = useState<BilingualField[]>([]);
  const [rows, setRows] = useState<GridRow[]>([]);
  const [csvProblems, setCsvProblems] = useState<CsvProblem[]>([]);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [previewOf, setPreviewOf] = useState<VersionRef | null>(null);
  const fileId = useId();
  const kindHintId = useId();
  useEffect(() => {
    document.title = 'Versions: Rosette';
    let live = true;
    Promise.all([getDesign(designId), getVariantTable(designId)]).then(
      ([saved, table]) => {
        if (!live) return;
        const design = designSchema.parse(saved.design);
        setLoaded({ state: 'ready', design, title: saved.title });
        setKind(table.kind ?? 'plain');
        setFields(table.fields);
        setRows(gridRowsOf(table));
      },
      (err) => live && setLoaded({ state: 'failed', message: err instanceof ApiError && err.status === 404 ? 'This design was not found: it may have been deleted.' : 'The design could not be loaded. Check your connection and reload the page.' }),
    );
    return () => void (live = false);
  }, [designId]);

  const master = loaded.state === 'ready' ? loaded.design : null;
  const elements = useMemo(() => (master ? fillableElements(master) : []), [master]);
  const kindOf = useMemo(() => (f: BilingualField) => elements.find((e) => e.page === f.page && e.elementId === f.elementId)?.kind ?? 'heading', [elements]);
  const columns = useMemo(() => gridColumns(kind, fields, kindOf), [kind, fields, kindOf]);
  const labels = useMemo(() => new Map(fields.map((f) => [f.key, f.label])), [fields]);
  const table = useMemo(() => tableOf(kind, fields, rows), [kind, fields, rows]);
  const assets = useAssetSizes(master);
  // The photos the rows name, whose sizes the check needs (a photo too coarse to print is flagged in its row).
  const photoIds = useMemo(() => {
    const photoColumns = columns.filter((c) => c.kind === 'image').map((c) => c.id);
    return rows.flatMap((r) => photoColumns.map((k) => (r[k] ?? '').trim())).filter((id) => /^[a-f0-9]{64}$/.test(id));
  }, [rows, columns]);
  const allAssets = useAssetSizesOf(photoIds, assets);
  const checks = useVariantChecks(master, table, allAssets);
  const needing = checks.checks.filter((c) => c.problems.some((p) => p.severity === 'error')).length;
  const bilingual = kind === 'bilingual';
  const rowsSaid = (n: number) => (bilingual ? `${n} ${n === 1 ? 'row' : 'rows'} (${n * 2} versions)` : `${n} ${n === 1 ? 'version' : 'versions'}`);

  /** A new row's value of a column: the master's, in both languages until the Welsh is typed. */
  const masterValue = (fieldKey: string) => {
    const f = fields.find((x) => x.key === fieldKey);
    return (f && elements.find((e) => e.page === f.page && e.elementId === f.elementId)?.value) ?? '';
  };
  const chooseKind = (to: VariantKind) => {
    if (to === kind) return;
    setNotice(null);
    setPreviewOf(null);
    const changed = changeKind(to, fields, rows, kindOf);
    setKind(to);
    setFields(changed.fields);
    setRows(changed.rows);
  };

  const toggleField = (element: (typeof elements)[number], on: boolean) => {
    setNotice(null);
    if (on) {
      const plain = fieldFor(element, new Set(fields.map((f) => f.key)));
      const field: BilingualField = bilingual && !holdsWords(element.kind) ? { ...plain, shared: true } : plain;
      const cells: GridRow = bilingual && !field.shared ? { [`${field.key}.en`]: element.value, [`${field.key}.cy`]: element.value } : { [field.key]: element.value };
      setFields([...fields, field]);
      setRows((rs) => (rs.length === 0 ? [cells] : rs.map((r) => ({ ...r, ...cells }))));
    } else {
      const gone = fields.find((f) => f.page === element.page && f.elementId === element.elementId);
      if (!gone) return;
      const rest = fields.filter((f) => f !== gone);
      const goneIds = new Set([gone.key, `${gone.key}.en`, `${gone.key}.cy`]);
      setFields(rest);
      setRows((rs) => (rest.length === 0 ? [] : rs.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !goneIds.has(k))))));
    }
  };
  const addRow = () => {
    if (!master || rows.length >= MAX_VARIANT_ROWS) return;
    setRows([...rows, Object.fromEntries(columns.map((c) => [c.id, masterValue(c.fieldKey)]))]);
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
    const text = await file.text();
    const result = bilingual ? parseBilingualVariantCsv(text, fields) : parseVariantCsv(text, plainFields(fields));
    if (!result.ok) setCsvProblems(result.problems);
    else {
      setRows(bilingual ? gridRowsOf({ kind: 'bilingual', fields, rows: result.rows }) : (result.rows as GridRow[]));
      setNotice({ kind: 'ok', text: `Read ${rowsSaid(result.rows.length)} from ${file.name}. Save the table to keep them.` });
    }
  };
  const downloadCsv = () => {
    const csv = table.kind === 'bilingual' ? bilingualVariantCsv(table.fields, table.rows) : variantCsv(table.fields, table.rows);
    const blob = new Blob([csv], { type: 'text/csv;charset=utf-8' });
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
      await saveVariantTable(designId, table);
      setNotice({ kind: 'ok', text: `Saved ${rowsSaid(rows.length)}.` });
      return true;
    } catch (err) {
      setNotice({ kind: 'error', text: `Not saved. ${sentence(err, 'Rosette could not be reached; try again.')}` });
      return false;
    }
  };

  /** A version as a design: the row's values in the version's language, and that language set (en-GB, cy-GB). */
  const versionDesign = (version: VersionRef) => {
    const row = table.rows[version.row];
    if (!master || !row) return null;
    const values = table.kind === 'bilingual' ? bilingualValues(row, version.language ?? 'en') : (row as GridRow);
    const parsed = designSchema.safeParse(applyVariant(master, plainFields(fields), values, { language: version.language }));
    return parsed.success ? { design: parsed.data, values } : null;
  };
  // One version opened in the editor as a browser draft of its own, to print as any leaflet is (not saved
  // over the master: the draft belongs to no saved design), titled after the design and the version.
  const openVersion = (version: VersionRef) => {
    const made = versionDesign(version);
    if (!master || !made) return;
    const first = (made.values[fields[0]!.key] ?? '').replace(/\s+/g, ' ').trim();
    const title = `${master.title} (${first || `version ${version.row + 1}`})`.slice(0, 120);
    const draft: Draft = { id: newDraftId(), templateId: '', design: { ...made.design, title }, assets: {}, page: 0, pendingPrint: null, sentPrint: null, savedAt: Date.now() };
    saveDraft(draft);
    onOpenDraft(draft.id);
  };

  const preview = useMemo(() => {
    if (!previewOf) return null;
    const made = versionDesign(previewOf);
    return made ? layoutDesign(made.design, new Map(Object.entries(allAssets))) : null;
    // versionDesign reads only master, table and fields.
  }, [master, previewOf, table, fields, allAssets]);
  const previewName = previewOf ? `version ${previewOf.row + 1}${previewOf.language ? ` in ${VARIANT_LANGUAGE_NAMES[previewOf.language]}` : ''}` : '';

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
            <fieldset className="variant-kind" aria-describedby={kindHintId}>
              <legend>Languages</legend>
              <p id={kindHintId} className="field-hint">
                With English and Welsh, each row has an English and a Welsh text for every part with words, and makes two versions; photos and QR codes are the same in both.
              </p>
              <label className="variant-field-choice">
                <input type="radio" name="variant-kind" value="plain" checked={!bilingual} onChange={() => chooseKind('plain')} /> One language: a version per row
              </label>
              <label className="variant-field-choice">
                <input type="radio" name="variant-kind" value="bilingual" checked={bilingual} onChange={() => chooseKind('bilingual')} /> English and Welsh: two versions per row
              </label>
            </fieldset>
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
                    ? `Checking ${checks.done} of ${rows.length} ${bilingual ? 'rows' : 'versions'}…`
                    : needing > 0
                      ? `${needing} of ${rowsSaid(rows.length)} ${needing === 1 ? 'needs' : 'need'} a change before printing: see the rows marked below.`
                      : bilingual
                        ? `All ${rows.length * 2} versions fit (${rows.length} in English, ${rows.length} in Welsh).`
                        : `All ${rows.length} ${rows.length === 1 ? 'version fits' : 'versions fit'}.`}
                </p>
                <VariantGrid bilingual={bilingual} columns={columns} labels={labels} rows={rows} checks={checks.checks} onChange={setRows} onPreview={setPreviewOf} onOpen={openVersion} />
                <div className="button-row variant-actions">
                  <button type="button" className="button" onClick={addRow} disabled={rows.length >= MAX_VARIANT_ROWS}>
                    {bilingual ? 'Add a row' : 'Add a version'}
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
            {preview && previewOf ? (
              <section aria-labelledby="variant-preview-heading" className="variant-preview">
                <h2 id="variant-preview-heading">
                  {previewName.charAt(0).toUpperCase() + previewName.slice(1)}
                </h2>
                <div className="variant-preview-pages">
                  {preview.pages.map((_, p) => (
                    <PageSvg key={p} layout={preview} pageIndex={p} title={`${p === 0 ? 'Front' : 'Back'} of ${previewName}`} />
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
