import type { DesignInput } from '../../../common/design/design-schema';

/** JSON with object keys sorted: the server's copy (PostgreSQL jsonb) keeps keys in another order than the browser's. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v));
}

/** Whether two designs are the same document, whatever the order of their keys. */
export function sameDesign(a: DesignInput, b: DesignInput): boolean {
  return canonical(a) === canonical(b);
}
