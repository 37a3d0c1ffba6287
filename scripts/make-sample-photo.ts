/**
 * Writes server/assets/sample-photo.jpg, the photo of the built-in templates and the benchmarks: a made-up
 * street scene (sky, out-of-focus buildings, people in front, sensor noise) that compresses like a real
 * photo, so PDF sizes and render times measured with it mean something. Deterministic: a fixed seed, so
 * running it again gives the same bytes (with the sharp version of package-lock.json).
 * Run from the repository root: `npm run build && node dist/scripts/make-sample-photo.js` (an optional
 * argument names another output file).
 * test/server/assets/sample-assets.test.ts fails if the committed file drifts from this script.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { SAMPLE_PHOTO_SIZE } from '../common/templates/sample-photo';

/** JPEG quality, tuned so the file stays small for its size (see test/server/assets/sample-assets.test.ts). */
export const SAMPLE_PHOTO_QUALITY = 80;
/** The scene was drawn for a 1800 px wide photo; every length in it scales with the real width. */
const DESIGN_WIDTH = 1800;
const SEED = 20240917;

type Rgb = readonly [number, number, number];

// Bound once: looked up on the global object in the pixel loops, Math's functions are some 50 times
// slower inside jest's sandbox, where test/server/assets/sample-assets.test.ts runs this script.
const { ceil, floor, imul, max, min, round } = Math;

/** mulberry32: a small seeded generator, so the photo is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An RGB float canvas with the few shapes the scene needs. */
class Canvas {
  readonly px: Float32Array;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.px = new Float32Array(width * height * 3);
  }

  set(x: number, y: number, [r, g, b]: Rgb, alpha = 1): void {
    const i = (y * this.width + x) * 3;
    this.px[i] = this.px[i]! * (1 - alpha) + r * alpha;
    this.px[i + 1] = this.px[i + 1]! * (1 - alpha) + g * alpha;
    this.px[i + 2] = this.px[i + 2]! * (1 - alpha) + b * alpha;
  }

  rect(x0: number, y0: number, x1: number, y1: number, colour: Rgb): void {
    for (let y = max(0, round(y0)); y < min(this.height, round(y1)); y++) {
      for (let x = max(0, round(x0)); x < min(this.width, round(x1)); x++) this.set(x, y, colour);
    }
  }

  ellipse(cx: number, cy: number, rx: number, ry: number, colour: Rgb): void {
    for (let y = max(0, floor(cy - ry)); y <= min(this.height - 1, ceil(cy + ry)); y++) {
      for (let x = max(0, floor(cx - rx)); x <= min(this.width - 1, ceil(cx + rx)); x++) {
        if (((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1) this.set(x, y, colour);
      }
    }
  }

  toRaw(): Buffer {
    const out = Buffer.alloc(this.px.length);
    for (let i = 0; i < this.px.length; i++) out[i] = max(0, min(255, round(this.px[i]!)));
    return out;
  }

  async blur(sigma: number): Promise<void> {
    const raw = await sharp(this.toRaw(), { raw: { width: this.width, height: this.height, channels: 3 } }).blur(sigma).raw().toBuffer();
    for (let i = 0; i < raw.length; i++) this.px[i] = raw[i]!;
  }
}

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
const shade = (c: Rgb, f: number): Rgb => [c[0] * f, c[1] * f, c[2] * f];

/** The sample photo as JPEG bytes. */
export async function makeSamplePhoto(): Promise<Buffer> {
  const { width, height } = SAMPLE_PHOTO_SIZE;
  const rnd = random(SEED);
  const pick = <T>(items: readonly T[]): T => items[floor(rnd() * items.length)]!;
  const canvas = new Canvas(width, height);
  const horizon = round(height * 0.58);

  // Sky and pavement: smooth gradients, as a lens sees them.
  for (let y = 0; y < height; y++) {
    const colour = y < horizon ? mix([104, 150, 204], [222, 228, 232], (y / horizon) ** 1.4) : mix([150, 146, 136], [82, 80, 76], (y - horizon) / (height - horizon));
    for (let x = 0; x < width; x++) canvas.set(x, y, shade(colour, 1 - 0.18 * ((x - width / 2) / width) ** 2));
  }

  // Pixels per pixel of the 1800 px original, so a larger photo shows the same scene in finer detail.
  const u = width / DESIGN_WIDTH;

  // A row of buildings with windows, far behind the subject and so out of focus.
  const walls: Rgb[] = [[168, 92, 70], [196, 180, 150], [122, 118, 128], [210, 198, 172], [150, 70, 60]];
  for (let x = -40 * u; x < width; ) {
    const w = (140 + rnd() * 220) * u;
    const top = horizon - (180 + rnd() * 360) * u;
    const wall = pick(walls);
    canvas.rect(x, top, x + w, horizon + 40 * u, wall);
    for (let wy = top + 30 * u; wy < horizon - 40 * u; wy += 70 * u) {
      for (let wx = x + 20 * u; wx < x + w - 40 * u; wx += 55 * u) canvas.rect(wx, wy, wx + 28 * u, wy + 40 * u, shade(wall, 0.45));
    }
    x += w;
  }
  await canvas.blur(5 * u);

  // People in front: in focus, bright clothes.
  const clothes: Rgb[] = [[200, 40, 60], [40, 90, 170], [240, 190, 40], [60, 140, 80], [235, 235, 230], [40, 40, 48]];
  const skins: Rgb[] = [[236, 196, 170], [198, 148, 112], [140, 96, 70], [92, 62, 46]];
  for (let i = 0; i < 7; i++) {
    const cx = (150 + i * 230 + rnd() * 80) * u;
    const scale = (0.8 + rnd() * 0.45) * u;
    const feet = height - (40 + rnd() * 120) * u;
    const body = 520 * scale;
    canvas.rect(cx - 70 * scale, feet - body * 0.5, cx + 70 * scale, feet, shade(pick(clothes), 0.7));
    canvas.ellipse(cx, feet - body * 0.62, 82 * scale, body * 0.2, pick(clothes));
    canvas.ellipse(cx, feet - body * 0.92, 42 * scale, 52 * scale, pick(skins));
    canvas.ellipse(cx, feet - body * 0.98, 46 * scale, 30 * scale, shade(pick(skins), 0.35));
  }
  // Edges as soft as a lens draws them: a fixed blur in pixels would make a larger photo look sharper than it is.
  await canvas.blur(1.4 * u);

  // Sensor noise, mostly in brightness, as in a phone photo taken outdoors.
  for (let i = 0; i < canvas.px.length; i += 3) {
    const grain = (rnd() + rnd() + rnd() - 1.5) * 3;
    for (let c = 0; c < 3; c++) canvas.px[i + c] = canvas.px[i + c]! + grain + (rnd() - 0.5) * 2;
  }

  return sharp(canvas.toRaw(), { raw: { width, height, channels: 3 } }).jpeg({ quality: SAMPLE_PHOTO_QUALITY, mozjpeg: false }).toBuffer();
}

async function main(): Promise<void> {
  const target = path.resolve(process.argv[2] ?? 'server/assets/sample-photo.jpg');
  const data = await makeSamplePhoto();
  fs.writeFileSync(target, data);
  console.log(`wrote ${target}: ${SAMPLE_PHOTO_SIZE.width} x ${SAMPLE_PHOTO_SIZE.height} px, ${round(data.length / 1024)} KB`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
