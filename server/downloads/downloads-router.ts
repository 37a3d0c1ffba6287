import { caseSensitiveRouter } from '../http/case-sensitive-router';
import { sendStoredFile } from '../http/send-stored-file';
import type { Router } from 'express';
import type { HotFiles } from '../http/hot-files';
import { pdfKey, runZipKey } from '../../common/queue/names';
import { AppError } from '../http/app-error';
import { attachmentDisposition } from '../http/attachment-disposition';
import { withTimeout } from '../../common/node/with-timeout';

const PDF_NAME = /^([a-f0-9]{64})\.pdf$/;
const ZIP_NAME = /^([a-f0-9]{64})\.zip$/;

/** Longest a download waits for its title (PostgreSQL) before it is named by its hash instead, milliseconds. */
export const TITLE_TIMEOUT_MS = 500;
/** Titles kept in memory, by PDF hash (a hash's title never changes). */
const TITLES_KEPT = 2000;

/**
 * Finished PDFs, straight from the file store: no Redis, no session, so downloads keep working when
 * the queue is down or the site is in maintenance. The name is the content hash, so the answer never
 * changes: cache it forever. The file is named after its design's title (print records, PostgreSQL);
 * while that cannot be read the download still works, named by its hash.
 * @param titleOf The title of the design a PDF was drawn from; null when unknown.
 */
export function downloadsRouter(deps: { files: HotFiles; titleOf?: (pdfHash: string) => Promise<string | null> }): Router {
  const router = caseSensitiveRouter();
  const titles = new Map<string, string>();
  const titleOf = async (hash: string): Promise<string | null> => {
    const known = titles.get(hash);
    if (known !== undefined || !deps.titleOf) return known ?? null;
    const title = await withTimeout(deps.titleOf(hash), TITLE_TIMEOUT_MS, 'title lookup timed out').catch(() => null);
    if (title !== null) {
      if (titles.size >= TITLES_KEPT) titles.delete(titles.keys().next().value!);
      titles.set(hash, title);
    }
    return title;
  };
  router.get('/downloads/:name', async (req, res, next) => {
    if (ZIP_NAME.test(req.params.name)) return next();
    const hash = PDF_NAME.exec(req.params.name)?.[1];
    const file = hash ? await deps.files.open(pdfKey(hash)) : null;
    if (!hash || !file) throw AppError.notFound('this PDF');
    const title = await titleOf(hash);
    await sendStoredFile(req, res, deps.files, {
      file,
      etag: `"${hash}"`,
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': attachmentDisposition(title, `leaflet-${hash.slice(0, 12)}`),
        'Cache-Control': 'public, max-age=31536000, immutable',
        'Last-Modified': file.modified.toUTCString(),
      },
    });
  });
  // A print run's ZIP (each version's PDF), by its combined PDF's hash: the link a run's order sends the
  // printer, which needs no account, as a PDF's does. Named by the hash only: a run's title may name a person.
  router.get('/downloads/:name', async (req, res) => {
    const hash = ZIP_NAME.exec(req.params.name)?.[1];
    const file = hash ? await deps.files.open(runZipKey(hash)) : null;
    if (!hash || !file) throw AppError.notFound('this ZIP');
    await sendStoredFile(req, res, deps.files, {
      file,
      etag: `"${hash}-zip"`,
      headers: {
        'Content-Type': 'application/zip',
        'Content-Disposition': `attachment; filename="print-run-${hash.slice(0, 12)}.zip"`,
        'Cache-Control': 'public, max-age=31536000, immutable',
        'Last-Modified': file.modified.toUTCString(),
      },
    });
  });
  return router;
}
