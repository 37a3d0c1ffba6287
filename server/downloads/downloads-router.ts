import { Router } from 'express';
import type { FileStore } from '../../common/node/file-store';
import { pdfKey } from '../../common/queue/names';
import { AppError } from '../http/app-error';

const PDF_NAME = /^([a-f0-9]{64})\.pdf$/;

/**
 * Finished PDFs, straight from the file store: no Redis, no session, so downloads keep working when
 * the queue is down or the site is in maintenance. The name is the content hash, so the answer never
 * changes: cache it forever.
 */
export function downloadsRouter(deps: { store: FileStore }): Router {
  const router = Router();
  router.get('/downloads/:name', async (req, res) => {
    const hash = PDF_NAME.exec(req.params.name)?.[1];
    const stat = hash ? await deps.store.stat(pdfKey(hash)) : null;
    if (!hash || !stat) throw AppError.notFound('this PDF');
    const etag = `"${hash}"`;
    res.set({
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="leaflet-${hash.slice(0, 12)}.pdf"`,
      ETag: etag,
      'Cache-Control': 'public, max-age=31536000, immutable',
      'Last-Modified': stat.modified.toUTCString(),
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.headers['if-none-match'] === etag) {
      res.status(304).end();
      return;
    }
    res.set('Content-Length', String(stat.size));
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const stream = deps.store.stream(pdfKey(hash));
      stream.on('error', reject);
      res.on('close', () => {
        stream.destroy();
        resolve();
      });
      stream.pipe(res);
    });
  });
  return router;
}
