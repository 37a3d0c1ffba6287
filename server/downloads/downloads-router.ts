import { caseSensitiveRouter } from '../http/case-sensitive-router';
import { sendStoredFile } from '../http/send-stored-file';
import type { Router } from 'express';
import type { HotFiles } from '../http/hot-files';
import { pdfKey } from '../../common/queue/names';
import { AppError } from '../http/app-error';

const PDF_NAME = /^([a-f0-9]{64})\.pdf$/;

/**
 * Finished PDFs, straight from the file store: no Redis, no session, so downloads keep working when
 * the queue is down or the site is in maintenance. The name is the content hash, so the answer never
 * changes: cache it forever.
 */
export function downloadsRouter(deps: { files: HotFiles }): Router {
  const router = caseSensitiveRouter();
  router.get('/downloads/:name', async (req, res) => {
    const hash = PDF_NAME.exec(req.params.name)?.[1];
    const file = hash ? await deps.files.open(pdfKey(hash)) : null;
    if (!hash || !file) throw AppError.notFound('this PDF');
    await sendStoredFile(req, res, deps.files, {
      file,
      etag: `"${hash}"`,
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="leaflet-${hash.slice(0, 12)}.pdf"`,
        'Cache-Control': 'public, max-age=31536000, immutable',
        'Last-Modified': file.modified.toUTCString(),
      },
    });
  });
  return router;
}
