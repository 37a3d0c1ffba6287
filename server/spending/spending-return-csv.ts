import { decimalPounds } from '../../common/spending/money';
import type { SpendingReturn } from './spending-return';

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A number this module wrote itself from pence ("-12.30"): left as a number, since nobody else chose it. */
const OWN_NUMBER = /^-?\d+\.\d{2}$/;

/** One cell: a leading formula character is disarmed with a quote, and the cell is quoted (RFC 4180) when it must be. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) && !OWN_NUMBER.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const line = (cells: readonly string[]) => cells.map(csvCell).join(',');

/**
 * The return as CSV (UTF-8 with a byte-order mark, so spreadsheets read "£" right; CRLF lines): one row
 * per item, amounts in pounds as plain numbers, then the total, the limit and the invoices still missing.
 */
export function returnCsv(ret: SpendingReturn): string {
  const lines = [
    line(['Reference', 'Date incurred', 'Date paid', 'Item', 'Supplier', 'Supplier address', 'Amount incl. VAT (GBP)', 'VAT (GBP)', `Share of ${ret.candidate.name} (GBP)`, 'Invoice', 'Note']),
    ...ret.rows.map((r) => line([r.ref, r.incurredOn, r.paidOn ?? '', r.item, r.supplierName, r.supplierAddress, decimalPounds(r.amountPence), decimalPounds(r.vatPence), decimalPounds(r.sharePence), r.invoice, r.note])),
    line(['Total', '', '', '', '', '', '', '', decimalPounds(ret.totalPence), '', '']),
    line(['Limit', '', '', '', '', '', '', '', ret.candidate.limitPence === null ? 'not set' : decimalPounds(ret.candidate.limitPence), '', '']),
  ];
  if (ret.missingInvoices.length > 0) lines.push(line(['Invoices missing', ret.missingInvoices.join(' '), '', '', '', '', '', '', '', '', '']));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
