import type { Request, Response } from 'express';
import type { HotFiles, OpenedFile } from './hot-files';

/** A file from the store and how to answer with it. */
export interface StoredFileAnswer {
  /** From HotFiles.open. */
  file: OpenedFile;
  /** Content-Type, Content-Disposition, Cache-Control and the like. */
  headers: Record<string, string>;
  /** A strong ETag (quoted); content-addressed files use their hash. Omitted: no revalidation. */
  etag?: string;
}

/**
 * Answers a GET or HEAD with a stored file: 304 when If-None-Match matches, otherwise the bytes, from
 * memory when HotFiles holds them, else streamed (the store's stream is closed when the client goes
 * away early).
 */
export async function sendStoredFile(req: Request, res: Response, files: HotFiles, answer: StoredFileAnswer): Promise<void> {
  const { file } = answer;
  res.set({ 'X-Content-Type-Options': 'nosniff', ...answer.headers });
  if (answer.etag) {
    res.set('ETag', answer.etag);
    if (etagMatches(req.headers['if-none-match'], answer.etag)) {
      res.status(304).end();
      return;
    }
  }
  res.set('Content-Length', String(file.size));
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  if (file.bytes) {
    res.end(file.bytes);
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const stream = files.stream(file.key);
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
