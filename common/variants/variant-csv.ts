import Papa from 'papaparse';
import { MAX_VARIANT_ROWS, VARIANT_LANGUAGE_NAMES, VARIANT_LANGUAGES, type BilingualField, type BilingualRow, type VariantField, type VariantRow } from './variant-table';

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

/** A column a CSV file must have: what it fills, the names its header may have (lower case), and how to name it. */
interface Column {
  /** The field's key, or for one language of a bilingual field `key.en` / `key.cy`. */
  id: string;
  /** Header cells that name it, trimmed and in lower case. */
  names: string[];
  /** 'the field "ward"' */
  describe: string;
  /** The header a campaigner would write: "Ward", "Ward (Welsh)". */
  label: string;
}

/**
 * Reads a CSV file (RFC 4180: a header row, then one variant a row; quotes around cells with commas,
 * quotes or line breaks) into one record of cells per row, by column id. Every header must name a
 * column and every column must have a header. Cells are kept as text, exactly: `=HYPERLINK(...)` stays
 * those characters and is never evaluated. An apostrophe that Rosette's own export put before such a
 * cell is taken off again.
 */
function readColumns(text: string, columns: readonly Column[], columnsSaid: string): { ok: true; rows: Array<Record<string, string>> } | { ok: false; problems: CsvProblem[] } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy', delimiter: ',' });
  const problems: CsvProblem[] = parsed.errors.slice(0, 10).map((e) => ({ line: e.row === undefined ? null : e.row + 1, message: csvErrorMessage(e) }));
  if (problems.length > 0) return { ok: false, problems };
  const [header, ...body] = parsed.data;
  if (!header) return { ok: false, problems: [{ line: null, message: 'the file is empty: it needs a header row naming the fields, then a row per variant' }] };
  const found = header.map((h) => columns.find((c) => c.names.includes(h.trim().toLowerCase())));
  header.forEach((h, i) => {
    if (!found[i]) problems.push({ line: 1, column: h, message: `"${h}" is not a field of this design (the fields are ${columnsSaid})` });
    else if (found.indexOf(found[i]) !== i) problems.push({ line: 1, column: h, message: `"${h}" is a second column for ${found[i]!.describe}` });
  });
  for (const c of columns) if (!found.includes(c)) problems.push({ line: 1, message: `no column for ${c.describe} (${c.label})` });
  if (body.length === 0) problems.push({ line: null, message: 'the file has a header row but no variants' });
  if (body.length > MAX_VARIANT_ROWS) problems.push({ line: MAX_VARIANT_ROWS + 2, message: `a table holds at most ${MAX_VARIANT_ROWS} variants; this file has ${body.length}` });
  body.forEach((cells, r) => {
    if (cells.length !== header.length && problems.length < 10) problems.push({ line: r + 2, message: `has ${cells.length} cells where the header has ${header.length}` });
  });
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, 10) };
  const rows = body.map((cells) => Object.fromEntries(cells.map((cell, i) => [found[i]!.id, cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell])));
  return { ok: true, rows };
}

/**
 * Reads a CSV file into rows of a plain variant table: every column is a field, by key or label (in any
 * case, spaces trimmed), and every field must have a column. Formulae stay text (see readColumns).
 */
export function parseVariantCsv(text: string, fields: readonly VariantField[]): CsvResult {
  const columns = fields.map((f) => ({ id: f.key, names: [f.key, f.label.trim().toLowerCase()], describe: `the field "${f.key}"`, label: f.label }));
  return readColumns(text, columns, fields.map((f) => `"${f.key}"`).join(', '));
}

export type BilingualCsvResult = { ok: true; rows: BilingualRow[] } | { ok: false; problems: CsvProblem[] };

/** A bilingual field's columns: one per language for a text field (`ward.en`, "Ward (English)"), one for a shared field. */
function bilingualColumns(fields: readonly BilingualField[]): Column[] {
  return fields.flatMap((f): Column[] =>
    f.shared
      ? [{ id: f.key, names: [f.key, f.label.trim().toLowerCase()], describe: `the field "${f.key}"`, label: f.label }]
      : VARIANT_LANGUAGES.map((language) => {
          const name = VARIANT_LANGUAGE_NAMES[language];
          return { id: `${f.key}.${language}`, names: [`${f.key}.${language}`, `${f.label.trim()} (${name})`.toLowerCase(), `${f.key} (${name})`.toLowerCase()], describe: `the ${name} text of "${f.key}"`, label: `${f.label.trim()} (${name})` };
        }),
  );
}

/**
 * Reads a CSV file into rows of a bilingual table: a text field has two columns, its English and its
 * Welsh text, headed `<label> (English)` and `<label> (Welsh)` or by key `<key>.en` and `<key>.cy`; a
 * shared field (a photo) one column, by key or label. Cells are kept as text in both languages: a
 * formula such as `=HYPERLINK(...)` is never evaluated (see readColumns).
 */
export function parseBilingualVariantCsv(text: string, fields: readonly BilingualField[]): BilingualCsvResult {
  const columns = bilingualColumns(fields);
  const read = readColumns(text, columns, columns.map((c) => `"${c.id}"`).join(', '));
  if (!read.ok) return read;
  const rows = read.rows.map((cells) => Object.fromEntries(fields.map((f): [string, BilingualRow[string]] => [f.key, f.shared ? cells[f.key]! : { en: cells[`${f.key}.en`]!, cy: cells[`${f.key}.cy`]! }])));
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

/**
 * A bilingual table as CSV: a header of the columns' keys (`ward.en`, `ward.cy`, `photo`), then a row per
 * table row, lines ended by CRLF; every cell, English and Welsh, written as text where a spreadsheet
 * would take it for a formula. parseBilingualVariantCsv() reads it back.
 */
export function bilingualVariantCsv(fields: readonly BilingualField[], rows: readonly BilingualRow[]): string {
  const cellsOf = (row: BilingualRow | null) =>
    fields.flatMap((f) => {
      if (f.shared) return [csvCell(row ? String(row[f.key] ?? '') : f.key)];
      const pair = row?.[f.key];
      return VARIANT_LANGUAGES.map((language) => csvCell(row === null ? `${f.key}.${language}` : typeof pair === 'object' ? pair[language] : (pair ?? '')));
    });
  return [cellsOf(null), ...rows.map(cellsOf)].map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}
