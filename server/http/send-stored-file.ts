import type { Request, Response } from 'express';
import type { FileStore } from '../../common/node/file-store';

/** A file in the store and how to answer with it. */
export interface StoredFileAnswer {
  key: string;
  /** Bytes, from FileStore.stat. */
  size: number;
  /** Content-Type, Content-Disposition, Cache-Control and the like. */
  headers: Record<string, string>;
  /** A strong ETag (quoted); content-addressed files use their hash. Omitted: no revalidation. */
  etag?: string;
}

/**
 * Answers a GET or HEAD with a stored file: 304 when If-None-Match matches, otherwise the bytes,
 * streamed (the store's stream is closed when the client goes away early).
 */
export async function sendStoredFile(req: Request, res: Response, store: FileStore, file: StoredFileAnswer): Promise<void> {
  res.set({ 'X-Content-Type-Options': 'nosniff', ...file.headers });
  if (file.etag) {
    res.set('ETag', file.etag);
    if (etagMatches(req.headers['if-none-match'], file.etag)) {
      res.status(304).end();
      return;
    }
  }
  res.set('Content-Length', String(file.size));
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const stream = store.stream(file.key);
    stream.on('error', reject);
    res.on('close', () => {
      stream.destroy();
      resolve();
    });
    stream.pipe(res);
  });
}

/** If-None-Match holds `*` or a list of tags, possibly weak (`W/"..."`); any match means "not modified". */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}
