/** SQLSTATE of a unique constraint refusing a row. */
const UNIQUE_VIOLATION = '23505';

/** Whether PostgreSQL refused a row because it would repeat a unique value (of `constraint`, when named). */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { code?: unknown; constraint?: unknown };
  return e.code === UNIQUE_VIOLATION && (constraint === undefined || e.constraint === constraint);
}
