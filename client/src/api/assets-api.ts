import { ApiError } from './api-error';
import { csrfHeaders } from './csrf-token';
import { errorFromResponse } from './error-from-response';

/** An uploaded image as POST /api/assets answers. */
export interface UploadedAsset {
  /** sha256 of the bytes: the id an image element refers to. */
  id: string;
  type: string;
  /** Pixels. */
  width: number;
  /** Pixels. */
  height: number;
  bytes: number;
  url: string;
}

/** Image types the server accepts. */
export const UPLOAD_TYPES = ['image/png', 'image/jpeg'] as const;

/**
 * Uploads an image's raw bytes. XMLHttpRequest rather than fetch, because only it reports upload progress.
 * @param onProgress Called with the fraction sent, 0 to 1.
 */
export function uploadAsset(file: Blob, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<UploadedAsset> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/assets');
    xhr.setRequestHeader('Content-Type', file.type);
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [name, value] of Object.entries(csrfHeaders())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status === 201 || xhr.status === 200) {
        onProgress(1);
        resolve(JSON.parse(xhr.responseText) as UploadedAsset);
      } else {
        reject(errorFromResponse(xhr.status, xhr.responseText, xhr.getResponseHeader('Retry-After')));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'the server could not be reached'));
    xhr.onabort = () => reject(new DOMException('upload cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

/** Where the server serves an uploaded image, as uploaded (print resolution). */
export function assetUrl(id: string): string {
  return `/api/assets/${encodeURIComponent(id)}`;
}

/** The image at screen size (at most 1600 px, WebP), which the preview draws: a tenth of the bytes of a print-resolution photo. */
export function screenAssetUrl(id: string): string {
  return `${assetUrl(id)}/screen`;
}
