import type { RouteKind } from '../overload/route-kind';

/**
 * The separate rate-limit budgets, by name (the name is also the Redis key prefix and the RateLimit
 * header's policy name). Sign-in has its own limiter in server/sessions (address-rate-limit.ts).
 */
export const BUDGETS = ['print-jobs', 'uploads', 'reads', 'downloads'] as const;

export type Budget = (typeof BUDGETS)[number];

/**
 * The budget each kind of request counts against; null for none. The gate (for clients it already
 * knows are over) and the limiters in Express use this one table, so they always agree.
 */
export const BUDGET_OF_KIND: Record<RouteKind, Budget | null> = {
  printJobSubmit: 'print-jobs',
  upload: 'uploads',
  apiRead: 'reads',
  page: 'reads',
  download: 'downloads',
  // A volunteer's page and its data count with the PDF they lead to.
  share: 'downloads',
  clientAsset: 'reads',
  apiWrite: null,
  signIn: null,
  health: null,
  admin: null,
};

/** The body of every 429, from the gate or from the limiters. */
export function rateLimitedBody() {
  return { error: { code: 'rate_limited', message: 'too many requests from your network; please wait as long as Retry-After says, then try again', fields: [] as never[] } };
}
