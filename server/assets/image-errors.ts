import { AppError } from '../http/app-error';

/**
 * The client errors of an image upload. Each names the field `body` (the upload is the whole request
 * body) and says what the campaigner can do about it.
 */

/** The request carried no bytes. */
export function missingImage(): AppError {
  return AppError.validation([{ path: 'body', message: 'send the image file itself as the request body (Content-Type image/png or image/jpeg)' }]);
}

/** The upload is larger than `maxBytes` bytes. */
export function imageTooManyBytes(maxBytes: number): AppError {
  const message = `the image is larger than the upload limit of ${formatBytes(maxBytes)}`;
  // Same code as the error middleware's for any other oversized body, so clients need one branch.
  return new AppError(413, 'body_too_large', message, [{ path: 'body', message }]);
}

/** The bytes are neither PNG nor JPEG. */
export function unsupportedImageType(): AppError {
  return new AppError(415, 'unsupported_image_type', 'only PNG and JPEG images can be uploaded', [
    { path: 'body', message: 'is not a PNG or JPEG image; export the picture as JPEG (photos) or PNG (graphics) and upload it again' },
  ]);
}

/** The image has more than `maxPixels` pixels (`width` and `height` as its header declares them). */
export function imageTooManyPixels(maxPixels: number, width?: number, height?: number): AppError {
  const size = width && height ? ` at ${width} x ${height} pixels (${formatPixels(width * height)})` : '';
  const message = `the image is too large${size}; the limit is ${formatPixels(maxPixels)}, so scale it down and upload it again`;
  return new AppError(422, 'image_too_large', message, [{ path: 'body', message }]);
}

/** The image is smaller than `minSide` pixels across or high. */
export function imageTooSmall(minSide: number, width: number, height: number): AppError {
  const message = `the image is only ${width} x ${height} pixels; it must be at least ${minSide} x ${minSide}`;
  return new AppError(422, 'image_too_small', message, [{ path: 'body', message }]);
}

/** The file starts like an image but does not decode: truncated, damaged, or not what it claims. */
export function invalidImage(): AppError {
  const message = 'the image is damaged or incomplete; open it on your computer, save it again, and upload the new file';
  return new AppError(422, 'invalid_image', message, [{ path: 'body', message }]);
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

function formatPixels(pixels: number): string {
  return pixels >= 100_000 ? `${Number((pixels / 1_000_000).toFixed(1))} megapixels` : `${pixels} pixels`;
}
