import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { AssetInfo, AssetType } from '../../common/node/asset-info';
import { imageTooManyBytes, imageTooManyPixels, imageTooSmall, invalidImage, unsupportedImageType } from './image-errors';

/** What an upload may be. */
export interface ImageLimits {
  /** Largest upload, in bytes. */
  maxBytes: number;
  /** Largest image, in pixels (width x height). */
  maxPixels: number;
}

/** The limits when none are configured (the same defaults as UPLOAD_LIMIT_BYTES and UPLOAD_LIMIT_PIXELS). */
export const DEFAULT_IMAGE_LIMITS: ImageLimits = { maxBytes: 20 * 1024 * 1024, maxPixels: 50_000_000 };

/** Smallest accepted width and height, in pixels: anything smaller is an icon, not a picture to print. */
export const MIN_IMAGE_SIDE = 16;

/** JPEG quality of stored images (1 to 100): high, because they are printed at up to 300 dpi. */
export const JPEG_QUALITY = 90;

/** An upload after processing: its facts and the bytes to store. */
export interface ProcessedImage extends AssetInfo {
  /** The re-encoded image: upright, sRGB, 8 bits per channel, without any metadata. */
  data: Buffer;
}

/** First bytes of each accepted format. */
const SIGNATURES: ReadonlyArray<[AssetType, Buffer]> = [
  ['png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
  ['jpeg', Buffer.from([0xff, 0xd8, 0xff])],
];

/** The format by its magic bytes (what the file says it is by name or Content-Type does not count). */
export function sniffImageType(data: Buffer): AssetType | null {
  for (const [type, signature] of SIGNATURES) if (data.subarray(0, signature.length).equals(signature)) return type;
  return null;
}

/**
 * Checks an upload and re-encodes it for storage: turned upright by its EXIF orientation, converted to
 * sRGB (CMYK and ICC-tagged images too), and written in the same format without EXIF, GPS, ICC, XMP
 * or IPTC, so no camera or location data of a campaigner is ever stored or served. The id is the hash of
 * the output, so the same picture uploaded twice is stored once. Throws an AppError (413, 415, 422)
 * for anything a campaigner could send.
 */
export async function processImage(data: Buffer, limits: ImageLimits = DEFAULT_IMAGE_LIMITS): Promise<ProcessedImage> {
  if (data.length > limits.maxBytes) throw imageTooManyBytes(limits.maxBytes);
  const type = sniffImageType(data);
  if (!type) throw unsupportedImageType();

  // metadata() reads the header only, so it needs no pixel limit; checking the declared size here
  // refuses a decompression bomb (a few KB that inflate to gigabytes) before one pixel is decoded.
  const meta = await sharp(data, { limitInputPixels: false })
    .metadata()
    .catch(() => {
      throw invalidImage();
    });
  const { width, height } = meta;
  if (meta.format !== type || !width || !height) throw invalidImage();
  if (width * height > limits.maxPixels) throw imageTooManyPixels(limits.maxPixels, width, height);
  if (width < MIN_IMAGE_SIDE || height < MIN_IMAGE_SIDE) throw imageTooSmall(MIN_IMAGE_SIDE, width, height);

  // limitInputPixels again, in case the decoder disagrees with the header. failOn 'error' refuses
  // truncated and corrupt data but lets through the harmless warnings many cameras' files cause.
  const pipeline = sharp(data, { limitInputPixels: limits.maxPixels, failOn: 'error' })
    .autoOrient()
    // sharp would pick sRGB by itself; saying so keeps CMYK and 16-bit input out of the store should
    // that default ever change (pdfkit and browsers treat untagged images as sRGB).
    .toColourspace('srgb');
  // No keepMetadata()/withMetadata()/withExif(): sharp then writes no metadata at all.
  const encoder = type === 'jpeg' ? pipeline.jpeg({ quality: JPEG_QUALITY, mozjpeg: false }) : pipeline.png();
  const output = await encoder.toBuffer({ resolveWithObject: true }).catch((err: unknown) => {
    throw err instanceof Error && /pixel limit/i.test(err.message) ? imageTooManyPixels(limits.maxPixels) : invalidImage();
  });

  return {
    id: createHash('sha256').update(output.data).digest('hex'),
    type,
    width: output.info.width,
    height: output.info.height,
    bytes: output.data.length,
    data: output.data,
  };
}
