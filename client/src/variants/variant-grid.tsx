import { memo } from 'react';
import type { VariantCheck } from '../../../common/variants/check-variants';
import type { VariantField, VariantRow } from '../../../common/variants/variant-table';
import type { FillableElement } from './fillable-elements';

interface GridProps {
  fields: VariantField[];
  elements: FillableElement[];
  rows: VariantRow[];
  checks: VariantCheck[];
  onChange: (rows: VariantRow[]) => void;
  onPreview: (row: number) => void;
  /** Opens the version in the editor, to print it. */
  onOpen: (row: number) => void;
}

/** The versions as a table: a row each, a column per field, what the check found, and a preview and remove per row. */
export function VariantGrid({ fields, elements, rows, checks, onChange, onPreview, onOpen }: GridProps) {
  const kindOf = (f: VariantField) => elements.find((e) => e.page === f.page && e.elementId === f.elementId)?.kind ?? 'heading';
  const setCell = (r: number, key: string, value: string) => onChange(rows.map((row, i) => (i === r ? { ...row, [key]: value } : row)));
  const remove = (r: number) => onChange(rows.filter((_, i) => i !== r));
  return (
    <div className="variant-grid-frame">
      <table className="variant-grid">
        <caption className="visually-hidden">The versions, a row each</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            {fields.map((f) => (
              <th scope="col" key={f.key}>
                {f.label}
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
            <GridRow key={r} index={r} row={row} fields={fields} kindOf={kindOf} check={checks[r]} onCell={setCell} onPreview={onPreview} onOpen={onOpen} onRemove={remove} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps {
  index: number;
  row: VariantRow;
  fields: VariantField[];
  kindOf: (f: VariantField) => FillableElement['kind'];
  check: VariantCheck | undefined;
  onCell: (row: number, key: string, value: string) => void;
  onPreview: (row: number) => void;
  onOpen: (row: number) => void;
  onRemove: (row: number) => void;
}

/** One version; drawn again only when its own values or check change (a 600-row table stays quick to type in). */
const GridRow = memo(function GridRow({ index, row, fields, kindOf, check, onCell, onPreview, onOpen, onRemove }: RowProps) {
  const errors = check?.problems.filter((p) => p.severity === 'error') ?? [];
  const warnings = check?.problems.filter((p) => p.severity === 'warning') ?? [];
  const name = `version ${index + 1}`;
  return (
    <tr className={errors.length > 0 ? 'variant-row-error' : undefined} data-row={index}>
      <th scope="row">{index + 1}</th>
      {fields.map((f) => {
        const wrong = errors.some((p) => p.field === f.key);
        const props = { value: row[f.key] ?? '', 'aria-label': `${f.label}, ${name}`, 'aria-invalid': wrong || undefined, onChange: (e: { target: { value: string } }) => onCell(index, f.key, e.target.value) };
        return <td key={f.key}>{kindOf(f) === 'text' ? <textarea rows={3} {...props} /> : <input type="text" {...props} />}</td>;
      })}
      <td className="variant-check">
        {!check ? (
          <span>Checking…</span>
        ) : errors.length + warnings.length === 0 ? (
          <span>Fits</span>
        ) : (
          <ul>
            {[...errors, ...warnings].map((p, i) => (
              <li key={i} className={p.severity === 'error' ? 'variant-problem-error' : 'variant-problem-warning'}>
                {p.severity === 'error' ? 'Must change' : 'Check'}
                {p.field ? ` (${fields.find((f) => f.key === p.field)?.label ?? p.field})` : ''}: {p.message}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td className="variant-row-actions">
        <button type="button" className="button-quiet" onClick={() => onPreview(index)} aria-label={`Preview ${name}`}>
          Preview
        </button>
        <button type="button" className="button-quiet" onClick={() => onOpen(index)} aria-label={`Print ${name}`} disabled={!check || errors.length > 0}>
          Print
        </button>
        <button type="button" className="button-quiet button-danger" onClick={() => onRemove(index)} aria-label={`Remove ${name}`}>
          Remove
        </button>
      </td>
    </tr>
  );
});
