/**
 * Brotli and gzip copies of the built client's text files, made once at build time so that neither
 * Express (server/client-files/precompressed-static.ts) nor nginx (`gzip_static`, `brotli_static`)
 * compresses anything per request. client/vite.config.ts runs it after every build.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** Files worth compressing: scripts, styles, the page, SVG, JSON and source maps. WOFF2 is compressed already. */
export const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|map|txt)$/;

/** The encodings made, with their file suffix, best first. */
export const PRECOMPRESSED = [
  { encoding: 'br', suffix: '.br', compress: (data: Buffer) => zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } }) },
  { encoding: 'gzip', suffix: '.gz', compress: (data: Buffer) => zlib.gzipSync(data, { level: 9 }) },
] as const;

/** Writes `<file>.br` and `<file>.gz` beside every compressible file under `dir` (kept only when smaller); returns how many were written. */
export function precompressDir(dir: string): number {
  let written = 0;
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (COMPRESSIBLE.test(entry.name)) {
        const data = fs.readFileSync(full);
        for (const { suffix, compress } of PRECOMPRESSED) {
          const packed = compress(data);
          if (packed.length >= data.length) continue;
          fs.writeFileSync(full + suffix, packed);
          written++;
        }
      }
    }
  };
  walk(dir);
  return written;
}
