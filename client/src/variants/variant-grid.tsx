import { memo } from 'react';
import type { VariantCheck, VariantProblem } from '../../../common/variants/check-variants';
import { VARIANT_LANGUAGE_NAMES, VARIANT_LANGUAGES, type VariantLanguage } from '../../../common/variants/variant-table';
import type { GridColumn, GridRow } from './grid-columns';

/** A version of a row: the row's index, and its language in a bilingual table (null in a plain one). */
export interface VersionRef {
  row: number;
  language: VariantLanguage | null;
}

interface GridProps {
  /** Whether each row makes an English and a Welsh version. */
  bilingual: boolean;
  columns: GridColumn[];
  /** The fields' labels by key, to name a problem's field. */
  labels: ReadonlyMap<string, string>;
  rows: GridRow[];
  checks: VariantCheck[];
  onChange: (rows: GridRow[]) => void;
  onPreview: (version: VersionRef) => void;
  /** Opens the version in the editor, to print it. */
  onOpen: (version: VersionRef) => void;
}

/**
 * The versions as a table: a row each, a column per field (a bilingual table's words fields two, English
 * and Welsh), what the check found, and a preview and print per version and remove per row.
 */
export function VariantGrid({ bilingual, columns, labels, rows, checks, onChange, onPreview, onOpen }: GridProps) {
  const setCell = (r: number, key: string, value: string) => onChange(rows.map((row, i) => (i === r ? { ...row, [key]: value } : row)));
  const remove = (r: number) => onChange(rows.filter((_, i) => i !== r));
  return (
    <div className="variant-grid-frame">
      <table className="variant-grid">
        <caption className="visually-hidden">{bilingual ? 'The versions, a row each for its English and its Welsh version' : 'The versions, a row each'}</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            {columns.map((c) => (
              <th scope="col" key={c.id}>
                {c.label}
              </th>
            ))}
            <th scope="col">Check</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <GridRowView key={r} index={r} row={row} bilingual={bilingual} columns={columns} labels={labels} check={checks[r]} onCell={setCell} onPreview={onPreview} onOpen={onOpen} onRemove={remove} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps {
  index: number;
  row: GridRow;
  bilingual: boolean;
  columns: GridColumn[];
  labels: ReadonlyMap<string, string>;
  check: VariantCheck | undefined;
  onCell: (row: number, key: string, value: string) => void;
  onPreview: (version: VersionRef) => void;
  onOpen: (version: VersionRef) => void;
  onRemove: (row: number) => void;
}

/** Whether a problem is the column's: its field's, and in a bilingual table its language's (a shared field's is untagged). */
const problemOf = (c: GridColumn) => (p: VariantProblem) => p.field === c.fieldKey && (c.language === null || p.language === undefined || p.language === c.language);

/** One row; drawn again only when its own values or check change (a 600-row table stays quick to type in). */
const GridRowView = memo(function GridRowView({ index, row, bilingual, columns, labels, check, onCell, onPreview, onOpen, onRemove }: RowProps) {
  const errors = check?.problems.filter((p) => p.severity === 'error') ?? [];
  const warnings = check?.problems.filter((p) => p.severity === 'warning') ?? [];
  const name = `version ${index + 1}`;
  // Each button's name starts with its visible words ("Preview in Welsh, version 3"), as WCAG 2.5.3 asks.
  const versions: Array<{ language: VariantLanguage | null; words: string }> = bilingual ? VARIANT_LANGUAGES.map((language) => ({ language, words: ` in ${VARIANT_LANGUAGE_NAMES[language]}` })) : [{ language: null, words: '' }];
  // A version cannot print while it, or the row as a whole (a shared photo), has an error.
  const blocked = (language: VariantLanguage | null) => !check || errors.some((p) => p.language === undefined || p.language === language);
  return (
    <tr className={errors.length > 0 ? 'variant-row-error' : undefined} data-row={index}>
      <th scope="row">{index + 1}</th>
      {columns.map((c) => {
        const wrong = errors.some(problemOf(c));
        const props = {
          value: row[c.id] ?? '',
          'aria-label': `${c.label}, ${name}`,
          'aria-invalid': wrong || undefined,
          lang: c.language === 'cy' ? 'cy' : undefined,
          onChange: (e: { target: { value: string } }) => onCell(index, c.id, e.target.value),
        };
        return <td key={c.id}>{c.kind === 'text' ? <textarea rows={3} {...props} /> : <input type="text" {...props} />}</td>;
      })}
      <td className="variant-check">
        {!check ? (
          <span>Checking…</span>
        ) : errors.length + warnings.length === 0 ? (
          <span>{bilingual ? 'Both fit' : 'Fits'}</span>
        ) : (
          <ul>
            {[...errors, ...warnings].map((p, i) => (
              <li key={i} className={p.severity === 'error' ? 'variant-problem-error' : 'variant-problem-warning'}>
                {p.severity === 'error' ? 'Must change' : 'Check'}
                {p.field || p.language ? ` (${[p.field ? (labels.get(p.field) ?? p.field) : null, p.language ? VARIANT_LANGUAGE_NAMES[p.language] : null].filter(Boolean).join(', ')})` : ''}: {p.message}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td className="variant-row-actions">
        {versions.map(({ language, words }) => (
          <span key={language ?? 'plain'} className={bilingual ? 'variant-version-actions' : undefined}>
            <button type="button" className="button-quiet" onClick={() => onPreview({ row: index, language })} aria-label={language ? `Preview${words}, ${name}` : `Preview ${name}`}>
              Preview{words}
            </button>
            <button type="button" className="button-quiet" onClick={() => onOpen({ row: index, language })} aria-label={language ? `Print${words}, ${name}` : `Print ${name}`} disabled={blocked(language)}>
              Print{words}
            </button>
          </span>
        ))}
        <button type="button" className="button-quiet button-danger" onClick={() => onRemove(index)} aria-label={`Remove ${name}`}>
          Remove
        </button>
      </td>
    </tr>
  );
});
