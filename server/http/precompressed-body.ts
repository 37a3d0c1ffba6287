import zlib from 'node:zlib';
import type { Request, Response } from 'express';
import { chooseEncoding } from '../client-files/precompressed-static';

/** An answer that never changes while the process runs, with its brotli and gzip forms made once. */
export interface PrecompressedBody {
  readonly identity: Buffer;
  readonly encoded: ReadonlyMap<string, Buffer>;
}

/** Compresses a fixed answer once (a template is about 5 KB of JSON, 1 KB in brotli), at start-up. */
export function precompressBody(text: string): PrecompressedBody {
  const identity = Buffer.from(text, 'utf8');
  return {
    identity,
    encoded: new Map([
      ['br', zlib.brotliCompressSync(identity, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } })],
      ['gzip', zlib.gzipSync(identity, { level: 9 })],
    ]),
  };
}

/** Sends a precompressed answer in the best encoding the client accepts (Vary: Accept-Encoding). */
export function sendPrecompressed(req: Request, res: Response, body: PrecompressedBody, contentType: string): void {
  const encoding = chooseEncoding(req.headers['accept-encoding'], [...body.encoded.keys()]);
  res.vary('Accept-Encoding');
  res.type(contentType);
  if (encoding) res.set('Content-Encoding', encoding);
  res.send((encoding && body.encoded.get(encoding)) || body.identity);
}
