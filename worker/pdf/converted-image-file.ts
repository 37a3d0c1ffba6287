import { createHash } from 'node:crypto';
import { convertedImageKey } from '../../common/queue/names';
import type { PrintImage } from './print-images';

/** First bytes of the file: its format and version. */
const MAGIC = Buffer.from('RCI1');

/** The header after MAGIC and its own length: sizes of the parts that follow, and the picture's facts. */
interface Header {
  key: string;
  width: number;
  height: number;
  maxInkCoverage: number;
  jpegBytes: number;
  alphaBytes: number;
}

/** Where a conversion is kept in the file store (converted/<sha256 of its key>.bin). */
export function convertedImageFileKey(conversionKey: string): string {
  return convertedImageKey(createHash('sha256').update(conversionKey).digest('hex'));
}

/**
 * A converted picture as one file: MAGIC, the header's length (4 bytes, big-endian), the header as
 * JSON, the CMYK JPEG, then the Flate-compressed alpha (if any). Its place on the page is not kept: it
 * depends on where each version places the picture, and the reader works it out again.
 */
export function encodeConvertedImage(image: PrintImage): Buffer {
  const header: Header = { key: image.key, width: image.width, height: image.height, maxInkCoverage: image.maxInkCoverage, jpegBytes: image.jpeg.length, alphaBytes: image.alpha?.length ?? 0 };
  const json = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([MAGIC, length, json, image.jpeg, ...(image.alpha ? [image.alpha] : [])]);
}

/**
 * Reads a file written by encodeConvertedImage back, placed at `rect`; null when it is not one, or is
 * the conversion of another key (then the caller converts again: a kept picture only saves time).
 */
export function decodeConvertedImage(data: Buffer, expectedKey: string, rect: PrintImage['rect']): PrintImage | null {
  if (data.length < MAGIC.length + 4 || !data.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  const headerEnd = MAGIC.length + 4 + data.readUInt32BE(MAGIC.length);
  let header: Header;
  try {
    header = JSON.parse(data.subarray(MAGIC.length + 4, headerEnd).toString('utf8')) as Header;
  } catch {
    return null;
  }
  if (header.key !== expectedKey || headerEnd + header.jpegBytes + header.alphaBytes !== data.length) return null;
  const jpeg = data.subarray(headerEnd, headerEnd + header.jpegBytes);
  const alpha = header.alphaBytes > 0 ? data.subarray(headerEnd + header.jpegBytes) : undefined;
  return { key: header.key, jpeg, width: header.width, height: header.height, ...(alpha && { alpha }), rect, maxInkCoverage: header.maxInkCoverage };
}
