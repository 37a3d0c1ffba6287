import { ApiError } from './api-error';
import { csrfHeaders } from './csrf-token';
import { errorFromResponse } from './error-from-response';
import { reportClosed } from '../service-status/service-status';

/**
 * Calls the API and returns its JSON body (undefined for 204); throws an ApiError for a failed answer
 * or an unreachable server. State-changing requests carry the session's CSRF token.
 */
export async function fetchJson<T>(url: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  const method = (init.method ?? 'GET').toUpperCase();
  const csrf = method === 'GET' || method === 'HEAD' ? {} : csrfHeaders();
  try {
    res = await fetch(url, { ...init, credentials: 'same-origin', headers: { Accept: 'application/json', ...csrf, ...init.headers } });
  } catch (err) {
    if (init.signal?.aborted) throw err;
    reportClosed({ state: 'unreachable' });
    throw new ApiError(0, 'network', 'the server could not be reached');
  }
  const text = await res.text();
  if (!res.ok) {
    const error = errorFromResponse(res.status, text, res.headers.get('Retry-After'));
    if (error.maintenance) reportClosed({ state: 'maintenance', notice: error.maintenance });
    throw error;
  }
  return (text ? JSON.parse(text) : undefined) as T;
}
