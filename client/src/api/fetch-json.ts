import { ApiError } from './api-error';
import { errorFromResponse } from './error-from-response';

/** Calls the API and returns its JSON body; throws an ApiError for a failed answer or an unreachable server. */
export async function fetchJson<T>(url: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers: { Accept: 'application/json', ...init.headers } });
  } catch (err) {
    if (init.signal?.aborted) throw err;
    throw new ApiError(0, 'network', 'the server could not be reached');
  }
  const text = await res.text();
  if (!res.ok) throw errorFromResponse(res.status, text, res.headers.get('Retry-After'));
  return JSON.parse(text) as T;
}
