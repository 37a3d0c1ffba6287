import { convertedImageFileKey, decodeConvertedImage, encodeConvertedImage } from '../../../worker/pdf/converted-image-file';
import type { PrintImage } from '../../../worker/pdf/print-images';

const rect = { x: 10, y: 20, width: 30, height: 40 };
const image: PrintImage = { key: 'abc:100x50:0,0,100,50', jpeg: Buffer.from('not really a jpeg, but bytes'), width: 100, height: 50, alpha: Buffer.from([1, 2, 3]), rect: { x: 0, y: 0, width: 1, height: 1 }, maxInkCoverage: 287.5 };

describe('a converted picture kept as a file', () => {
  it('reads back as the same picture, placed where the reader says', () => {
    const back = decodeConvertedImage(encodeConvertedImage(image), image.key, rect);
    expect(back).toEqual({ ...image, rect });
  });

  it('reads back without alpha when the picture had none', () => {
    const { alpha: _alpha, ...opaque } = image;
    const back = decodeConvertedImage(encodeConvertedImage(opaque), image.key, rect);
    expect(back).toEqual({ ...opaque, rect });
    expect(back).not.toHaveProperty('alpha');
  });

  it.each([
    ['another conversion', (f: Buffer) => f, 'abc:100x50:0,0,99,50'],
    ['a file that is cut short', (f: Buffer) => f.subarray(0, f.length - 1), image.key],
    ['a file with bytes added', (f: Buffer) => Buffer.concat([f, Buffer.from([0])]), image.key],
    ['another format', (f: Buffer) => Buffer.concat([Buffer.from('XXXX'), f.subarray(4)]), image.key],
    ['a header that is not JSON', (f: Buffer) => Buffer.concat([f.subarray(0, 8), Buffer.from('x'), f.subarray(9)]), image.key],
    ['too short to hold a header', () => Buffer.from('RCI'), image.key],
  ])('is not used when it is %s', (_what, change, key) => {
    expect(decodeConvertedImage(change(encodeConvertedImage(image)), key, rect)).toBeNull();
  });

  it('is named in the file store by the hash of its conversion key', () => {
    expect(convertedImageFileKey(image.key)).toMatch(/^converted\/[a-f0-9]{64}\.bin$/);
    expect(convertedImageFileKey(image.key)).not.toBe(convertedImageFileKey(`${image.key} `));
  });
});
