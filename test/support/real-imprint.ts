/**
 * A real-looking legal imprint for tests that print a template. Templates ship with a sample imprint,
 * which Rosette refuses to print (common/templates/sample-imprint-problems.ts): a test that prints one
 * fills in these details, as a campaigner must, rather than weakening the check.
 */
export const REAL_IMPRINT = {
  printer: { name: 'Riverside Print Works', address: '14 Dock Street, Cardiff CF10 5AB' },
  promoter: { name: 'Jo Bloggs', address: '5 New Street, Riverside RV1 1AA' },
  onBehalfOf: { name: 'Sam Evans', address: '9 Market Square, Riverside RV1 2BB' },
};

/** The design with the real imprint above in place of whatever it had. */
export function withRealImprint<T extends object>(design: T): T {
  return { ...design, imprint: structuredClone(REAL_IMPRINT) };
}

/**
 * The body of POST /api/print-jobs for a template's design as it is: the real imprint filled in, and
 * the template's own words confirmed (confirm.unchangedTemplateText), as the print panel's "Print as it
 * is" does. `extra` adds to the body (copies, further confirmations).
 */
export function printJobBody<T extends object>(design: T, extra: { copies?: number; confirm?: Record<string, boolean> } = {}): Record<string, unknown> {
  return { design: withRealImprint(design), ...extra, confirm: { unchangedTemplateText: true, ...extra.confirm } };
}
