import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Request, Response } from 'express';
import { chooseEncoding, STATIC_ENCODINGS } from './precompressed-static';

/** The browser client's index.html, read once: every page of the client (home, console, share page) is this file. */
export interface ClientIndex {
  readonly body: Buffer;
  /** Strong ETag of the body. */
  readonly etag: string;
  /**
   * Sends the page: by default revalidated on every visit (304 when the browser has it). A page that
   * must not be kept at all (a volunteer's share page) sets its own Cache-Control before calling.
   */
  send(req: Request, res: Response, status?: number): void;
}

/**
 * Reads `clientDir/index.html` when the app is built; null when there is no built client (API-only
 * deployments, some tests). Kept in memory because it is small and asked for on every visit: under a
 * flood of the home page, a stat, an open, a read and a close per request (express.static) cost more
 * CPU than the rest of the answer.
 */
export function loadClientIndex(clientDir: string | undefined): ClientIndex | null {
  if (!clientDir) return null;
  const file = path.join(clientDir, 'index.html');
  if (!fs.existsSync(file)) return null;
  const body = fs.readFileSync(file);
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  // The build's brotli and gzip copies (scripts/precompress.ts), each with its own ETag: a cache must not
  // answer a gzip-only client with the brotli bytes it revalidated.
  const variants = new Map<string, { body: Buffer; etag: string }>(
    STATIC_ENCODINGS.filter((e) => fs.existsSync(file + e.suffix)).map((e) => [e.encoding, { body: fs.readFileSync(file + e.suffix), etag: `${etag.slice(0, -1)}-${e.encoding}"` }] as const),
  );
  const encodings = [...variants.keys()];
  return {
    body,
    etag,
    send(req, res, status = 200) {
      res.type('html');
      if (!res.get('Cache-Control')) res.set('Cache-Control', 'no-cache');
      const encoding = chooseEncoding(req.headers['accept-encoding'], encodings);
      const variant = (encoding && variants.get(encoding)) || { body, etag };
      if (encodings.length > 0) res.vary('Accept-Encoding');
      if (encoding) res.set('Content-Encoding', encoding);
      const cacheable = !/no-store/.test(String(res.get('Cache-Control')));
      if (cacheable) res.set('ETag', variant.etag);
      if (cacheable && status === 200 && req.headers['if-none-match'] === variant.etag) {
        res.status(304).end();
        return;
      }
      res.status(status).send(variant.body);
    },
  };
}
