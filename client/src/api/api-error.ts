/** One bad field named by its path in the request body, such as `design.pages[0].elements[1].text`. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** What a maintenance answer (503) says the admin wrote: shed-answers.ts's `maintenance` field. */
export interface MaintenanceNotice {
  /** The admin's message, or null (maintenance the overload ladder chose, or no message given). */
  message: string | null;
  /** ISO 8601, or null when nobody said. */
  expectedBackAt: string | null;
}

/**
 * Every failed API call, as the server describes it (`{ error: { code, message, fields } }`), or
 * status 0 with code `network` when the server could not be reached at all.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
    /** The server's Retry-After, in seconds; null when it sent none. */
    readonly retryAfterSeconds: number | null = null,
    /** Set when the server is in maintenance (a 503 with the admin's message and expected return). */
    readonly maintenance: MaintenanceNotice | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The service is there but cannot take the request now (maintenance, overload, rate limit), or is unreachable: try again later. */
  get isTemporary(): boolean {
    return this.status === 503 || this.status === 429 || this.status === 0;
  }
}
