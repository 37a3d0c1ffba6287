import { ApiError, type FieldProblem, type MaintenanceNotice } from './api-error';
import { parseRetryAfter } from './retry-after';

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; fields?: unknown };
  maintenance?: { message?: unknown; expectedBackAt?: unknown };
}

/** Builds the ApiError for a failed answer from its status, Retry-After and JSON error body (if it has one). */
export function errorFromResponse(status: number, bodyText: string, retryAfter: string | null): ApiError {
  let body: ErrorBody = {};
  try {
    body = JSON.parse(bodyText) as ErrorBody;
  } catch {
    // Not JSON (a proxy's error page, say): fall back to the status alone.
  }
  const e = body.error ?? {};
  const code = typeof e.code === 'string' ? e.code : `http_${status}`;
  const message = typeof e.message === 'string' ? e.message : `the server answered ${status}`;
  const fields = Array.isArray(e.fields) ? e.fields.filter(isFieldProblem) : [];
  return new ApiError(status, code, message, fields, parseRetryAfter(retryAfter), status === 503 ? maintenanceOf(body) : null);
}

/** The admin's message and expected return from a maintenance answer; null when the body has none. */
export function maintenanceOf(body: ErrorBody): MaintenanceNotice | null {
  const m = body.maintenance;
  if (typeof m !== 'object' || m === null) return null;
  return {
    message: typeof m.message === 'string' ? m.message : null,
    expectedBackAt: typeof m.expectedBackAt === 'string' ? m.expectedBackAt : null,
  };
}

function isFieldProblem(f: unknown): f is FieldProblem {
  return typeof f === 'object' && f !== null && typeof (f as FieldProblem).path === 'string' && typeof (f as FieldProblem).message === 'string';
}
