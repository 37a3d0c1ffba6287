import type { ZodError } from 'zod';

/** One bad field of a request, named by its path in the request body (`design.pages[0].elements[1].text`). */
export interface FieldProblem {
  path: string;
  message: string;
}

/**
 * The one error type of the HTTP API. Its code is stable (clients branch on it), its message is a
 * sentence for people; neither ever contains a stack trace or personal data.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
    /** Extra response headers, such as Retry-After. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  static validation(fields: FieldProblem[], message?: string): AppError {
    const first = fields[0];
    return new AppError(400, 'invalid_request', message ?? (first ? `${first.path || 'body'}: ${first.message}` : 'the request is not valid'), fields);
  }

  static notFound(what: string): AppError {
    return new AppError(404, 'not_found', `${what} was not found`);
  }
}

/** Formats a path such as ['design', 'pages', 0, 'text'] as `design.pages[0].text`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '');
}

/** Turns a zod error into field problems, each path prefixed with where the value came from. */
export function zodFields(error: ZodError, prefix: ReadonlyArray<PropertyKey> = []): FieldProblem[] {
  return error.issues.slice(0, 20).map((issue) => ({ path: formatPath([...prefix, ...issue.path]), message: issue.message }));
}
