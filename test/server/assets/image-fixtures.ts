import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

/** A solid-colour image of `width` x `height` pixels, as sharp's `create` input. */
export function solid(width: number, height: number, background = '#3a6', channels: 3 | 4 = 3) {
  return sharp({ create: { width, height, channels, background } });
}

/** A noisy JPEG: big enough that cutting it in half loses image data, not just padding. */
export function noisyJpeg(width = 400, height = 300): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** A PNG chunk: length, type, data, CRC of type and data. */
function pngChunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/**
 * A valid 1-bit black PNG of `width` x `height` pixels: a decompression bomb. 20000 x 20000 is 48 KB on
 * the wire, 50 MB once inflated, and 1.2 GB as the RGB pixels a decoder would allocate.
 * Built by hand because encoding it with sharp takes seconds.
 */
export function pngBomb(width: number, height: number, options: { pixels?: 'zeros' | 'garbage' } = {}): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale; compression, filter and interlace stay 0
  const rows = Buffer.alloc((Math.ceil(width / 8) + 1) * height); // each row: filter byte 0, then zeros
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    // 'garbage': pixel data that is not even valid deflate, so only a reader that stops at the header accepts it.
    pngChunk('IDAT', options.pixels === 'garbage' ? Buffer.from('not deflate data, never to be decoded') : deflateSync(rows, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** EXIF tag ids, from the TIFF structure sharp returns as `metadata().exif`. */
export const EXIF_TAG = { gpsIfd: 0x8825, copyright: 0x8298, orientation: 0x0112 } as const;

/** The tag ids of IFD0 of an EXIF block as sharp returns it (`Exif\0\0` then a TIFF header). */
export function exifIfd0Tags(exif: Buffer): number[] {
  const tiff = exif.subarray(exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? 6 : 0);
  const little = tiff.subarray(0, 2).toString('latin1') === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd0 = u32(4);
  return Array.from({ length: u16(ifd0) }, (_, i) => u16(ifd0 + 2 + i * 12));
}
