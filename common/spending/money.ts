/**
 * Money in Rosette's spending ledger: an integer number of pence, currency GBP (the only currency of a
 * UK election return). Never a float: amounts are added as integers and only formatted at the edge.
 */
export const CURRENCY = 'GBP';

/** The most one ledger entry may be, pence (£100,000): far above any item on a candidate's return, so a larger figure is a typing slip. */
export const MAX_ENTRY_PENCE = 10_000_000;

/** The most a spending limit may be, pence (£1,000,000). */
export const MAX_LIMIT_PENCE = 100_000_000;

/** Payments of this much or more need an invoice or receipt on the return, pence (£20). */
export const INVOICE_THRESHOLD_PENCE = 2000;

/** "£1,234.56" (or "−£12.30"): pence as pounds for people. */
export function formatPounds(pence: number): string {
  const sign = pence < 0 ? '−' : '';
  const abs = Math.abs(pence);
  const pounds = Math.floor(abs / 100).toLocaleString('en-GB');
  return `${sign}£${pounds}.${String(abs % 100).padStart(2, '0')}`;
}

/** "1234.56" (or "-12.30"): pence as a plain decimal number of pounds, for spreadsheets. */
export function decimalPounds(pence: number): string {
  const sign = pence < 0 ? '-' : '';
  const abs = Math.abs(pence);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * Pounds as a person types them ("12", "12.5", "£1,234.56") to pence, without floating point; null for
 * anything else (a negative, more than two decimal places, letters).
 */
export function parsePounds(text: string): number | null {
  const m = /^£?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  const pence = Number(m[1]!.replace(/,/g, '')) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(pence) ? pence : null;
}
