import fs from 'node:fs';
import path from 'node:path';
import type { RequestHandler, Response } from 'express';

/** Encodings the client build writes beside its files (scripts/precompress.ts), best first, with their file suffix. */
export const STATIC_ENCODINGS = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

/** Cache-Control of a file whose name carries a content hash (Vite's assets/): it never changes, so a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Cache-Control of the other files (favicon.svg): kept, but asked about again on every use. */
export const REVALIDATE = 'no-cache';

/** The Cache-Control for a file of the built client, by its path relative to the client folder (`assets/x.js`). */
export function cacheControlFor(relativePath: string): string {
  return relativePath.startsWith('assets/') ? IMMUTABLE : REVALIDATE;
}

/**
 * The encoding to send, from an Accept-Encoding header and the copies that exist (best first): the
 * accepted one with the highest q, our order breaking ties, so brotli wins over gzip when a browser
 * lists both equally (Chrome sends "gzip, deflate, br, zstd"; express's acceptsEncodings would pick
 * gzip, the first listed). Null for the file as it is.
 */
export function chooseEncoding(acceptEncoding: string | undefined, available: readonly string[]): string | null {
  if (!acceptEncoding || available.length === 0) return null;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  let best: string | null = null;
  let bestQ = 0;
  for (const encoding of available) {
    const value = q.get(encoding) ?? q.get('*') ?? 0;
    if (value > bestQ) [best, bestQ] = [encoding, value];
  }
  return best;
}

/**
 * Serves the built client's files (index.html aside: client-index.ts keeps it in memory) with
 * Content-Encoding negotiation: a file with a `.br` or `.gz` copy made at build time is sent as that
 * copy to a browser that accepts it, with `Vary: Accept-Encoding` so caches keep the variants apart.
 * Nothing is compressed per request. Which copies exist is read once, here: the build is immutable
 * while the server runs. Hashed assets are cached for a year (`immutable`), the rest revalidated.
 */
export function precompressedStatic(clientDir: string): RequestHandler {
  const files = indexFiles(clientDir);
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let relative: string;
    try {
      relative = decodeURIComponent(req.path).replace(/^\/+/, '');
    } catch {
      return next();
    }
    const encodings = files.get(relative);
    if (!encodings) return next();
    const encoding = chooseEncoding(req.headers['accept-encoding'], encodings);
    if (encodings.length > 0) res.vary('Accept-Encoding');
    res.setHeader('Cache-Control', cacheControlFor(relative));
    // The type of the file itself: send would take `.br`'s.
    res.type(path.extname(relative));
    const suffix = STATIC_ENCODINGS.find((e) => e.encoding === encoding)?.suffix ?? '';
    if (encoding) res.setHeader('Content-Encoding', encoding);
    sendFile(res, path.join(clientDir, relative + suffix), next);
  };
}

function sendFile(res: Response, file: string, next: (err?: unknown) => void): void {
  res.sendFile(file, { cacheControl: false, dotfiles: 'deny' }, (err?: Error & { code?: string }) => {
    if (err && !res.headersSent) next(err);
  });
}

/** Every file under `clientDir` but the compressed copies and index.html, with the encodings it has copies in. */
function indexFiles(clientDir: string): Map<string, string[]> {
  const files = new Map<string, string[]>();
  const suffixes = STATIC_ENCODINGS.map((e) => e.suffix) as string[];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!suffixes.includes(path.extname(entry.name))) {
        const relative = path.relative(clientDir, full).split(path.sep).join('/');
        if (relative === 'index.html') continue;
        files.set(
          relative,
          STATIC_ENCODINGS.filter((e) => fs.existsSync(full + e.suffix)).map((e) => e.encoding),
        );
      }
    }
  };
  walk(clientDir);
  return files;
}
