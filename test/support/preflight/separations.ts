import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';

const run = promisify(execFile);

/** Longest a Ghostscript run may take, in milliseconds. */
const GS_TIMEOUT_MS = 60_000;

/** Default raster resolution in dots per inch: enough for body text at 9 pt to cover whole pixels. */
const DEFAULT_RESOLUTION_DPI = 100;

/** The process plates, in the order Ghostscript's tiffsep names them. */
export const PROCESS_PLATES = ['Cyan', 'Magenta', 'Yellow', 'Black'] as const;

export interface SeparationOptions {
  /** Raster resolution in dots per inch; default 100. */
  resolution?: number;
}

/** One page's plates. Coverage is in percent of full ink (0-100 per plate). */
export interface PageSeparations {
  index: number;
  /** Raster size in pixels. The raster covers the whole MediaBox, bleed included; Ghostscript applies any /Rotate. */
  widthPx: number;
  heightPx: number;
  /** Raster size in PDF points. */
  widthPt: number;
  heightPt: number;
  /** Plate names: the four process plates, then any spot plates Ghostscript found (named after their colorants). */
  plates: string[];
  /** Highest coverage of each plate anywhere on the page, in percent. */
  maxCoverage: Record<string, number>;
  /** Highest C+M+Y+K at any one pixel, in percent (0-400); spot plates are not included. */
  maxTotalCoverage: number;
}

/** A rectangle in PDF points measured from the MediaBox's top-left corner, y growing downwards (as pdfkit draws). */
export interface RegionPt {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Ink per plate as Ghostscript's tiffsep device rasterised it, with overprint honoured. */
export interface SeparationReport {
  /** Dots per inch. */
  resolution: number;
  pages: PageSeparations[];
  /**
   * Each plate's highest coverage (percent) within a region of a page: the pixels the region touches.
   * Coordinates are PDF points from the top-left corner of the MediaBox, y downwards.
   */
  inkAt(pageIndex: number, xPt: number, yPt: number, wPt: number, hPt: number): Record<string, number>;
  /** Highest C+M+Y+K (percent) at any pixel within the region; coordinates as for `inkAt`. */
  maxTotalIn(pageIndex: number, region: RegionPt): number;
}

/** Ink on one plate, one byte per pixel, 0 = none and 255 = full (tiffsep itself writes the inverse). */
type Plate = Uint8Array;

function percent(ink: number): number {
  return Math.round((ink / 255) * 1000) / 10;
}

/**
 * Rasterises every page (the whole MediaBox) into separations with Ghostscript's tiffsep device.
 * tiffsep writes one 8-bit grey TIFF per plate per page in which 0 is full ink and 255 is no ink;
 * the composite CMYK TIFF it also writes is ignored.
 */
export async function separations(data: Buffer, opts: SeparationOptions = {}): Promise<SeparationReport> {
  const resolution = opts.resolution ?? DEFAULT_RESOLUTION_DPI;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-separations-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    fs.writeFileSync(file, data);
    await run(
      'gs',
      ['-q', '-dSAFER', '-dBATCH', '-dNOPAUSE', '-sDEVICE=tiffsep', '-dOverprint=/enable', `-r${resolution}`, `-sOutputFile=${path.join(dir, 'p%d.tif')}`, file],
      { timeout: GS_TIMEOUT_MS, maxBuffer: 4 * 1024 * 1024 },
    );
    const byPage = new Map<number, Map<string, string>>();
    for (const name of fs.readdirSync(dir)) {
      const m = /^p(\d+)\((.+)\)\.tif$/.exec(name);
      if (!m) continue;
      const page = Number(m[1]) - 1;
      const plates = byPage.get(page) ?? new Map<string, string>();
      plates.set(m[2]!, path.join(dir, name));
      byPage.set(page, plates);
    }
    const rasters: Array<Map<string, Plate>> = [];
    const pages: PageSeparations[] = [];
    for (const index of [...byPage.keys()].sort((a, b) => a - b)) {
      const files = byPage.get(index)!;
      const names = [...PROCESS_PLATES.filter((p) => files.has(p)), ...[...files.keys()].filter((p) => !(PROCESS_PLATES as readonly string[]).includes(p)).sort()];
      const plates = new Map<string, Plate>();
      let width = 0;
      let height = 0;
      for (const name of names) {
        const { data: raw, info } = await sharp(files.get(name)!).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
        width = info.width;
        height = info.height;
        const ink = new Uint8Array(raw.length);
        for (let i = 0; i < raw.length; i++) ink[i] = 255 - raw[i]!;
        plates.set(name, ink);
      }
      const maxCoverage: Record<string, number> = {};
      for (const [name, ink] of plates) maxCoverage[name] = percent(ink.reduce((a, b) => (b > a ? b : a), 0));
      rasters[index] = plates;
      pages[index] = {
        index,
        widthPx: width,
        heightPx: height,
        widthPt: (width * 72) / resolution,
        heightPt: (height * 72) / resolution,
        plates: names,
        maxCoverage,
        maxTotalCoverage: maxTotal(plates, width, { x0: 0, y0: 0, x1: width, y1: height }),
      };
    }

    function pixels(pageIndex: number, r: RegionPt) {
      const page = pages[pageIndex];
      if (!page) throw new Error(`no page ${pageIndex} (the document has ${pages.length})`);
      const s = resolution / 72;
      const clamp = (v: number, max: number) => Math.max(0, Math.min(max, v));
      const x0 = clamp(Math.floor(r.x * s), page.widthPx);
      const y0 = clamp(Math.floor(r.y * s), page.heightPx);
      const x1 = clamp(Math.ceil((r.x + r.width) * s), page.widthPx);
      const y1 = clamp(Math.ceil((r.y + r.height) * s), page.heightPx);
      return { page, plates: rasters[pageIndex]!, box: { x0, y0, x1: Math.max(x1, x0 + 1), y1: Math.max(y1, y0 + 1) } };
    }

    return {
      resolution,
      pages,
      inkAt(pageIndex, x, y, width, height) {
        const { page, plates, box } = pixels(pageIndex, { x, y, width, height });
        const out: Record<string, number> = {};
        for (const [name, ink] of plates) {
          let max = 0;
          for (let py = box.y0; py < box.y1; py++) for (let px = box.x0; px < box.x1; px++) max = Math.max(max, ink[py * page.widthPx + px] ?? 0);
          out[name] = percent(max);
        }
        return out;
      },
      maxTotalIn(pageIndex, region) {
        const { page, plates, box } = pixels(pageIndex, region);
        return maxTotal(plates, page.widthPx, box);
      },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function maxTotal(plates: Map<string, Plate>, width: number, box: { x0: number; y0: number; x1: number; y1: number }): number {
  const process = PROCESS_PLATES.map((p) => plates.get(p)).filter((p): p is Plate => p !== undefined);
  let max = 0;
  for (let y = box.y0; y < box.y1; y++) {
    for (let x = box.x0; x < box.x1; x++) {
      const i = y * width + x;
      let sum = 0;
      for (const ink of process) sum += ink[i]!;
      if (sum > max) max = sum;
    }
  }
  return percent(max);
}
