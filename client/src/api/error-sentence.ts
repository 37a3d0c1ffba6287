import { ApiError } from './api-error';

/** An API error as a sentence for a notice: the server's message, capitalised and full-stopped; anything else, a generic one. */
export function errorSentence(err: unknown): string {
  const text = err instanceof ApiError ? err.message : 'Something went wrong';
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
