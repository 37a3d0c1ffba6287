import { deflateSync } from 'node:zlib';
import { LRUCache } from 'lru-cache';
import sharp from 'sharp';
import { totalAreaCoverage } from '../../common/colour/cmyk';
import type { AssetInfo } from '../../common/layout/layout-design';
import type { ImageItem, Rect } from '../../common/layout/draw-items';
import { OUTPUT_PROFILE_PATH } from '../../common/node/output-profile-file';

/** An image above this effective resolution is resampled, in pixels per inch: more only makes the file bigger. */
export const DOWNSAMPLE_ABOVE_PPI = 450;
/** The resolution a resampled image gets, pixels per inch. */
export const DOWNSAMPLE_TO_PPI = 300;
/** JPEG quality of embedded images (1-100): high, for print. */
const JPEG_QUALITY = 90;
/** Longest side of the thumbnail an image's ink coverage is measured on, pixels. */
const COVERAGE_SAMPLE_SIDE = 256;

/** An image ready to embed: CMYK through the output profile, cropped to what shows, at no more than the needed resolution. */
export interface PrintImage {
  /** The conversion's name (PrintImagePlan.key). */
  key: string;
  /** Baseline JPEG with four (CMYK) components, Adobe-style inverted as libjpeg writes them. */
  jpeg: Buffer;
  width: number;
  height: number;
  /** The alpha channel as raw 8-bit grey, Flate-compressed, when the image has transparency. */
  alpha?: Buffer;
  /** Where the embedded pixels land on the page, millimetres (the visible part of the placement). */
  rect: Rect;
  /** Highest total ink of any pixel (sampled), percent. */
  maxInkCoverage: number;
}

/** Converted images by source and geometry: a campaign prints the same photo at the same size again and again. */
const cache = new LRUCache<string, PrintImage>({ maxSize: 96 * 1024 * 1024, sizeCalculation: (i) => i.jpeg.length + (i.alpha?.length ?? 0) + 1 });

/**
 * What converting one placed image involves, worked out from its pixel size and placement alone: the
 * working size, the part that shows, where it lands on the page, and the conversion's name.
 */
export interface PrintImagePlan {
  /** Names the conversion (the source's content hash and the geometry): equal keys give equal pictures. */
  key: string;
  /** Scale applied to the whole picture before cropping (1: none). */
  scale: number;
  /** The picture's size after that scale, pixels. */
  work: { width: number; height: number };
  /** The visible part, in working pixels. */
  crop: { left: number; top: number; width: number; height: number };
  /** Where the embedded pixels land on the page, millimetres. */
  rect: Rect;
}

/**
 * Plans one placed image for print: crops it to the part that shows (clip within placement), and resamples
 * it when it would embed at more than DOWNSAMPLE_ABOVE_PPI.
 * @param assetId the image's content hash: together with the geometry, the conversion's key.
 * @param size the image's size in pixels (upright, as the asset store keeps it).
 */
export function planPrintImage(assetId: string, size: AssetInfo, item: ImageItem): PrintImagePlan {
  const { placement, clip } = item;
  const left = Math.max(placement.x, clip.x);
  const top = Math.max(placement.y, clip.y);
  const right = Math.min(placement.x + placement.width, clip.x + clip.width);
  const bottom = Math.min(placement.y + placement.height, clip.y + clip.height);
  // Above DOWNSAMPLE_ABOVE_PPI the whole picture is first scaled to DOWNSAMPLE_TO_PPI: scaling before
  // cropping lets libjpeg decode a large photo at half or a quarter of its size, much the fastest way.
  const sourcePpi = Math.min(size.width / placement.width, size.height / placement.height) * 25.4;
  const scale = sourcePpi > DOWNSAMPLE_ABOVE_PPI ? DOWNSAMPLE_TO_PPI / sourcePpi : 1;
  const work = { width: Math.max(1, Math.round(size.width * scale)), height: Math.max(1, Math.round(size.height * scale)) };
  // The visible part in working pixels, rounded outwards so no edge pixel is lost.
  const pxPerMmX = work.width / placement.width;
  const pxPerMmY = work.height / placement.height;
  const x0 = Math.max(0, Math.floor((left - placement.x) * pxPerMmX));
  const y0 = Math.max(0, Math.floor((top - placement.y) * pxPerMmY));
  const x1 = Math.min(work.width, Math.ceil((right - placement.x) * pxPerMmX));
  const y1 = Math.min(work.height, Math.ceil((bottom - placement.y) * pxPerMmY));
  const crop = { left: Math.min(x0, work.width - 1), top: Math.min(y0, work.height - 1), width: Math.max(1, x1 - x0), height: Math.max(1, y1 - y0) };
  const rect = { x: placement.x + crop.left / pxPerMmX, y: placement.y + crop.top / pxPerMmY, width: crop.width / pxPerMmX, height: crop.height / pxPerMmY };
  const key = `${assetId}:${work.width}x${work.height}:${crop.left},${crop.top},${crop.width},${crop.height}`;
  return { key, scale, work, crop, rect };
}

/**
 * Prepares one placed image for print (planPrintImage), converts it to CMYK through the output profile
 * (perceptual intent, as colours typed in sRGB are), and measures its ink coverage. A conversion already
 * made in this thread is reused.
 * @param assetId the image's content hash: together with the geometry, the cache key.
 */
export async function preparePrintImage(assetId: string, data: Buffer, item: ImageItem): Promise<PrintImage> {
  const plan = planPrintImage(assetId, await pixelSize(assetId, data), item);
  const cached = cachedPrintImage(plan);
  if (cached) return cached;
  const prepared = await convertPrintImage(data, plan);
  rememberPrintImage(prepared);
  return prepared;
}

/** A conversion this thread has made or been given (rememberPrintImage), placed at the plan's rect; undefined if none. */
export function cachedPrintImage(plan: PrintImagePlan): PrintImage | undefined {
  const cached = cache.get(plan.key);
  return cached && { ...cached, rect: plan.rect };
}

/** Keeps a conversion for the next image planned with the same key (one made elsewhere: a run's render). */
export function rememberPrintImage(image: PrintImage): void {
  cache.set(image.key, image);
}

/** Converts the planned part of an image to CMYK JPEG, with its alpha and its ink coverage. */
async function convertPrintImage(data: Buffer, { key, scale, work, crop, rect }: PrintImagePlan): Promise<PrintImage> {
  let source = sharp(data, { failOn: 'error' });
  if (scale !== 1) source = source.resize(work.width, work.height, { fit: 'fill', kernel: 'lanczos3' });
  source = source.extract(crop);
  // Raw pixels between the steps: an encoded intermediate would cost an encode and a decode, and quality.
  const pixels = await source.raw().toBuffer({ resolveWithObject: true });
  const raw = { width: pixels.info.width, height: pixels.info.height, channels: pixels.info.channels as 1 | 2 | 3 | 4 };
  const opaque = () => sharp(pixels.data, { raw }).removeAlpha();
  const jpeg = await opaque().withIccProfile(OUTPUT_PROFILE_PATH, { attach: false }).jpeg({ quality: JPEG_QUALITY, chromaSubsampling: '4:4:4' }).toBuffer();
  const alpha = raw.channels === 4 || raw.channels === 2 ? deflateSync(await sharp(pixels.data, { raw }).extractChannel(raw.channels === 4 ? 3 : 1).raw().toBuffer()) : undefined;
  const sample = await opaque()
    .resize(COVERAGE_SAMPLE_SIDE, COVERAGE_SAMPLE_SIDE, { fit: 'inside', withoutEnlargement: true })
    .withIccProfile(OUTPUT_PROFILE_PATH, { attach: false })
    .raw()
    .toBuffer({ resolveWithObject: true });
  let maxInkCoverage = 0;
  const s = sample.data;
  for (let i = 0; i + 3 < s.length; i += sample.info.channels) {
    const tac = totalAreaCoverage({ c: s[i]!, m: s[i + 1]!, y: s[i + 2]!, k: s[i + 3]! }) * (100 / 255);
    if (tac > maxInkCoverage) maxInkCoverage = tac;
  }
  return { key, jpeg, width: crop.width, height: crop.height, alpha, rect, maxInkCoverage };
}

/** Empties the cache of converted pictures (for benchmarks that measure a first conversion). */
export function forgetPrintImages(): void {
  cache.clear();
}

const sizes = new LRUCache<string, AssetInfo>({ max: 256 });

/** An image's size in pixels, from its header (stored images are upright: the store applied their orientation). */
async function pixelSize(assetId: string, data: Buffer): Promise<AssetInfo> {
  let size = sizes.get(assetId);
  if (!size) {
    const meta = await sharp(data).metadata();
    size = { width: meta.width ?? 1, height: meta.height ?? 1 };
    sizes.set(assetId, size);
  }
  return size;
}

const embedded = new WeakMap<PDFKit.PDFDocument, Map<PrintImage['key'], { name: string; ref: PDFKit.PDFKitReference }>>();

/**
 * Writes a prepared image as an image XObject (once per document and conversion key) and returns its resource name. The JPEG
 * is embedded as it is (DCTDecode, DeviceCMYK, with the Decode array that Adobe-style inverted CMYK JPEGs
 * need); transparency becomes a soft mask, which PDF/X-4 allows.
 */
export function embedPrintImage(doc: PDFKit.PDFDocument, image: PrintImage): string {
  let byData = embedded.get(doc);
  if (!byData) embedded.set(doc, (byData = new Map()));
  let entry = byData.get(image.key);
  if (!entry) {
    let smask: PDFKit.PDFKitReference | undefined;
    if (image.alpha) {
      smask = doc.ref({ Type: 'XObject', Subtype: 'Image', Width: image.width, Height: image.height, BitsPerComponent: 8, ColorSpace: 'DeviceGray', Filter: 'FlateDecode' });
      smask.end(image.alpha);
    }
    const ref = doc.ref({
      Type: 'XObject',
      Subtype: 'Image',
      Width: image.width,
      Height: image.height,
      BitsPerComponent: 8,
      ColorSpace: 'DeviceCMYK',
      Decode: [1, 0, 1, 0, 1, 0, 1, 0],
      Filter: 'DCTDecode',
      ...(smask ? { SMask: smask } : {}),
    });
    ref.end(image.jpeg);
    entry = { name: `RImg${byData.size + 1}`, ref };
    byData.set(image.key, entry);
  }
  const page = doc.page as unknown as { xobjects: Record<string, unknown>; dictionary: { data: Record<string, unknown> } };
  page.xobjects[entry.name] = entry.ref;
  // A page with a soft mask says that it blends in CMYK (the output intent's space), as PDF/X-4 advises.
  if (image.alpha) page.dictionary.data.Group = { Type: 'Group', S: 'Transparency', CS: 'DeviceCMYK' };
  return entry.name;
}
