import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { AppError } from '../../../server/http/app-error';
import { DEFAULT_IMAGE_LIMITS, processImage, sniffImageType } from '../../../server/assets/process-image';
import { EXIF_TAG, exifIfd0Tags, noisyJpeg, pngBomb, solid } from './image-fixtures';

const XMP = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="Jane Campaigner"/></rdf:RDF></x:xmpmeta>';

/** The AppError processImage throws for `data`, or fails the test when it throws none. */
async function refusal(data: Buffer, limits = DEFAULT_IMAGE_LIMITS): Promise<AppError> {
  const error = await processImage(data, limits).then(
    () => null,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Every kind of metadata sharp can report, so a test can say "none of it". */
async function metadataOf(data: Buffer) {
  const m = await sharp(data).metadata();
  return { exif: m.exif, icc: m.icc, xmp: m.xmp, iptc: m.iptc, comments: m.comments, orientation: m.orientation };
}
const NO_METADATA = { exif: undefined, icc: undefined, xmp: undefined, iptc: undefined, comments: undefined, orientation: undefined };

describe('processImage', () => {
  describe('when the image is a photo with camera metadata', () => {
    let input: Buffer;
    beforeAll(async () => {
      input = await solid(64, 32)
        .withIccProfile('p3')
        .withXmp(XMP)
        .withExif({ IFD0: { Copyright: 'Jane Campaigner' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1' } })
        .withMetadata({ orientation: 6 })
        .jpeg()
        .toBuffer();
    });

    it('starts out with EXIF (GPS, orientation), ICC and XMP', async () => {
      const m = await sharp(input).metadata();
      expect(exifIfd0Tags(m.exif!)).toEqual(expect.arrayContaining([EXIF_TAG.gpsIfd, EXIF_TAG.copyright, EXIF_TAG.orientation]));
      expect(m.orientation).toBe(6);
      expect(m.icc).toBeDefined();
      expect(m.xmp).toBeDefined();
    });

    it('turns it upright and drops all metadata', async () => {
      const out = await processImage(input);
      expect(out).toMatchObject({ type: 'jpeg', width: 32, height: 64 });
      expect(await metadataOf(out.data)).toEqual(NO_METADATA);
      expect(out.data.includes('Jane Campaigner')).toBe(false);
      expect((await sharp(out.data).metadata()).space).toBe('srgb');
    });

    it('names it by the hash of the bytes it returns', async () => {
      const out = await processImage(input);
      expect(out.id).toBe(createHash('sha256').update(out.data).digest('hex'));
      expect(out.bytes).toBe(out.data.length);
    });
  });

  it('drops EXIF and XMP from a PNG and keeps its transparency', async () => {
    const input = await solid(40, 40, '#ff000080', 4).withXmp(XMP).withExif({ IFD0: { Copyright: 'Jane Campaigner' } }).png().toBuffer();
    expect((await sharp(input).metadata()).exif).toBeDefined();
    const out = await processImage(input);
    expect(out.type).toBe('png');
    expect(await metadataOf(out.data)).toEqual(NO_METADATA);
    const m = await sharp(out.data).metadata();
    expect(m.hasAlpha).toBe(true);
    expect(out.data.includes('Jane Campaigner')).toBe(false);
  });

  it('converts a CMYK JPEG to sRGB with about the same colours', async () => {
    const input = await solid(32, 32, '#3a6').toColourspace('cmyk').jpeg({ quality: 95 }).toBuffer();
    expect((await sharp(input).metadata()).space).toBe('cmyk');
    const out = await processImage(input);
    const m = await sharp(out.data).metadata();
    expect([m.space, m.channels]).toEqual(['srgb', 3]);
    const { data } = await sharp(out.data).raw().toBuffer({ resolveWithObject: true });
    const [r, g, b] = data;
    // #33aa66 after a round trip through a CMYK profile: close, not exact.
    expect(Math.abs(r! - 0x33) + Math.abs(g! - 0xaa) + Math.abs(b! - 0x66)).toBeLessThan(60);
  });

  it('stores 16-bit PNGs with 8 bits per channel', async () => {
    const input = await solid(32, 32, '#123456').toColourspace('rgb16').png().toBuffer();
    expect((await sharp(input).metadata()).depth).toBe('ushort');
    const out = await processImage(input);
    expect((await sharp(out.data).metadata()).depth).toBe('uchar');
  });

  it('knows PNG and JPEG by their first bytes only', async () => {
    expect(sniffImageType(await solid(16, 16).png().toBuffer())).toBe('png');
    expect(sniffImageType(await solid(16, 16).jpeg().toBuffer())).toBe('jpeg');
    expect(sniffImageType(await solid(16, 16).gif().toBuffer())).toBeNull();
    expect(sniffImageType(await solid(16, 16).webp().toBuffer())).toBeNull();
    expect(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
  });

  describe('refuses', () => {
    it('a WebP with 415', async () => {
      const error = await refusal(await solid(32, 32).webp().toBuffer());
      expect([error.status, error.code, error.fields]).toEqual([415, 'unsupported_image_type', [{ path: 'body', message: expect.any(String) }]]);
    });

    it('more bytes than the limit with 413', async () => {
      const jpeg = await noisyJpeg(200, 200);
      const error = await refusal(jpeg, { ...DEFAULT_IMAGE_LIMITS, maxBytes: jpeg.length - 1 });
      expect([error.status, error.code]).toEqual([413, 'body_too_large']);
    });

    it('more pixels than the limit with 422, naming the limit', async () => {
      const error = await refusal(await solid(100, 100).png().toBuffer(), { ...DEFAULT_IMAGE_LIMITS, maxPixels: 9_999 });
      expect([error.status, error.code]).toEqual([422, 'image_too_large']);
      expect(error.message).toMatch(/100 x 100 pixels .*limit is 9999 pixels/);
    });

    it('a decompression bomb from its header alone', async () => {
      const error = await refusal(pngBomb(30000, 30000));
      expect([error.status, error.code]).toEqual([422, 'image_too_large']);
      // From the header alone: the same header over pixel data no decoder could read is refused for its
      // size too, so the refusal came before any decoding (a decoder would have called it invalid).
      const headerOnly = await refusal(pngBomb(30000, 30000, { pixels: 'garbage' }));
      expect([headerOnly.status, headerOnly.code]).toEqual([422, 'image_too_large']);
      // The control: that pixel data, under a header of an allowed size, is decoded, and refused as invalid.
      const decoded = await refusal(pngBomb(100, 100, { pixels: 'garbage' }));
      expect([decoded.status, decoded.code]).toEqual([422, 'invalid_image']);
    });

    it('an image smaller than 16 x 16 pixels with 422', async () => {
      const error = await refusal(await solid(15, 200).png().toBuffer());
      expect([error.status, error.code]).toEqual([422, 'image_too_small']);
    });

    it('a truncated JPEG with 422', async () => {
      const jpeg = await noisyJpeg();
      const error = await refusal(jpeg.subarray(0, Math.floor(jpeg.length * 0.7)));
      expect([error.status, error.code]).toEqual([422, 'invalid_image']);
    });

    it('a truncated PNG with 422', async () => {
      const png = await sharp({ create: { width: 200, height: 200, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).png().toBuffer();
      const error = await refusal(png.subarray(0, Math.floor(png.length * 0.7)));
      expect([error.status, error.code]).toEqual([422, 'invalid_image']);
    });

    it('a JPEG signature followed by garbage with 422, without the decoder message', async () => {
      const error = await refusal(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]));
      expect([error.status, error.code]).toEqual([422, 'invalid_image']);
      expect(error.message).not.toMatch(/vips/i);
    });
  });
});
