import Papa from 'papaparse';
import { MAX_VARIANT_ROWS, type VariantField, type VariantRow } from './variant-table';

/** A problem with an uploaded CSV file, with the line (1 = the header row) and the column where known. */
export interface CsvProblem {
  /** 1-based line of the file; null for the file as a whole. */
  line: number | null;
  /** The column's header as written in the file, where the problem is one column's. */
  column?: string;
  message: string;
}

export type CsvResult = { ok: true; rows: VariantRow[] } | { ok: false; problems: CsvProblem[] };

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP's CSV injection list). An exported
 * cell that starts with one is written after an apostrophe, which spreadsheets show as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Reads a table's header cell as a field: by its key or its label, in any case, spaces trimmed. */
function fieldOfHeader(fields: readonly VariantField[], header: string): VariantField | undefined {
  const h = header.trim().toLowerCase();
  return fields.find((f) => f.key === h || f.label.trim().toLowerCase() === h);
}

/**
 * Reads a CSV file (RFC 4180: a header row, then one variant a row; quotes around cells with commas,
 * quotes or line breaks) into rows of a variant table. Every column must be a field, by key or label,
 * and every field must have a column. Cells are kept as text, exactly: `=HYPERLINK(...)` stays those
 * characters and is never evaluated. An apostrophe that Rosette's own export put before such a cell is
 * taken off again.
 */
export function parseVariantCsv(text: string, fields: readonly VariantField[]): CsvResult {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy', delimiter: ',' });
  const problems: CsvProblem[] = parsed.errors.slice(0, 10).map((e) => ({ line: e.row === undefined ? null : e.row + 1, message: csvErrorMessage(e) }));
  if (problems.length > 0) return { ok: false, problems };
  const [header, ...body] = parsed.data;
  if (!header) return { ok: false, problems: [{ line: null, message: 'the file is empty: it needs a header row naming the fields, then a row per variant' }] };
  const columns = header.map((h) => fieldOfHeader(fields, h));
  header.forEach((h, i) => {
    if (!columns[i]) problems.push({ line: 1, column: h, message: `"${h}" is not a field of this design (the fields are ${fields.map((f) => `"${f.key}"`).join(', ')})` });
    else if (columns.indexOf(columns[i]) !== i) problems.push({ line: 1, column: h, message: `"${h}" is a second column for the field "${columns[i]!.key}"` });
  });
  for (const f of fields) if (!columns.includes(f)) problems.push({ line: 1, message: `no column for the field "${f.key}" (${f.label})` });
  if (body.length === 0) problems.push({ line: null, message: 'the file has a header row but no variants' });
  if (body.length > MAX_VARIANT_ROWS) problems.push({ line: MAX_VARIANT_ROWS + 2, message: `a table holds at most ${MAX_VARIANT_ROWS} variants; this file has ${body.length}` });
  body.forEach((cells, r) => {
    if (cells.length !== header.length && problems.length < 10) problems.push({ line: r + 2, message: `has ${cells.length} cells where the header has ${header.length}` });
  });
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, 10) };
  const rows = body.map((cells) => Object.fromEntries(cells.map((cell, i) => [columns[i]!.key, cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell])));
  return { ok: true, rows };
}

function csvErrorMessage(e: Papa.ParseError): string {
  if (e.code === 'MissingQuotes') return 'a quoted cell is not closed (a " is missing)';
  if (e.code === 'InvalidQuotes') return 'a cell has a " inside it that is not doubled ("")';
  if (e.code === 'UndetectableDelimiter') return 'the cells must be separated by commas';
  return e.message;
}

/** A cell for export: quoted as RFC 4180 wants, and written as text when a spreadsheet would take it for a formula. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A variant table as CSV: a header of the fields' keys, then a row per variant, lines ended by CRLF. */
export function variantCsv(fields: readonly VariantField[], rows: readonly VariantRow[]): string {
  const lines = [fields.map((f) => csvCell(f.key)), ...rows.map((row) => fields.map((f) => csvCell(row[f.key] ?? '')))];
  return lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}
