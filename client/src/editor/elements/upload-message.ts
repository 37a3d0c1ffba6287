import { ApiError } from '../../api/api-error';
import { formatBytes } from '../../app/format-bytes';

/** A failed upload in plain words: what went wrong and what to do about it. */
export function uploadMessage(err: unknown, file: File): string {
  if (!(err instanceof ApiError)) return 'The upload stopped before it finished. Please try again.';
  switch (err.status) {
    case 413:
      return `This file is too big to upload (${formatBytes(file.size)}): ${err.message}. Save it smaller, for example as a JPEG, and try again.`;
    case 415:
      return 'This file is not a PNG or JPEG image. Choose a PNG or JPEG photo or logo.';
    case 422:
      return `This image cannot be used: ${err.message}.`;
    case 429:
    case 503:
      return 'Rosette is very busy or in maintenance right now. Your leaflet is saved; try the upload again in a minute.';
    case 0:
      return 'Rosette could not be reached. Check your internet connection and try again.';
    default:
      return `The upload failed: ${err.message}.`;
  }
}
