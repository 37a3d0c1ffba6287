import { caseSensitiveRouter } from '../http/case-sensitive-router';
import { escapeHtml } from '../http/escape-html';
import { sendStoredFile } from '../http/send-stored-file';
import { type Router, type Response } from 'express';
import type { HotFiles } from '../http/hot-files';
import type { ClientIndex } from '../client-files/client-index';
import { pdfKey } from '../../common/queue/names';
import { AppError } from '../http/app-error';
import { attachmentDisposition } from '../http/attachment-disposition';
import { sharedLeafletResponse } from './share-link-response';
import type { ShareLinkStore } from './share-link-store';

/** The answer for an unknown, revoked or expired token: all three look the same. */
const linkNotValid = () => new AppError(404, 'share_link_not_valid', 'this share link has expired or has been withdrawn; ask the campaigner for a new one');

/** Headers of everything a share link opens: never cached, never indexed, never passed on as a referrer. */
function privateHeaders(res: Response): void {
  res.set({ 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex, nofollow', 'Referrer-Policy': 'no-referrer' });
}

/**
 * What a volunteer with a share link can reach, and nothing else: the page (`/s/<token>`, the browser
 * client draws it), its data (`/api/share/<token>`) and the PDF (`/s/<token>/leaflet.pdf`). No
 * session is needed or read. These must keep working in maintenance mode.
 * @param clientIndex The built client's page, which draws the share page; null when there is none.
 */
export function sharedLeafletRouter(deps: { shareLinks: ShareLinkStore; files: HotFiles; clientIndex: ClientIndex | null }): Router {
  const router = caseSensitiveRouter();

  router.get('/api/share/:token', async (req, res) => {
    privateHeaders(res);
    const link = await deps.shareLinks.findByToken(req.params.token);
    if (!link) throw linkNotValid();
    res.json(sharedLeafletResponse(link, req.params.token));
  });

  router.get('/s/:token', async (req, res) => {
    privateHeaders(res);
    const link = await deps.shareLinks.findByToken(req.params.token);
    if (deps.clientIndex) {
      deps.clientIndex.send(req, res, link ? 200 : 404);
      return;
    }
    res.status(link ? 200 : 404);
    // No browser client built (API-only deployments, some tests): a plain page that still works.
    const body = link
      ? `<h1>${escapeHtml(link.title)}</h1><p><a href="/s/${req.params.token}/leaflet.pdf" download>Download the PDF</a></p>`
      : '<h1>This share link has expired or has been withdrawn</h1><p>Ask the campaigner who sent it for a new one.</p>';
    res.type('html').send(`<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Rosette</title></head><body><main>${body}</main></body></html>`);
  });

  router.get('/s/:token/leaflet.pdf', async (req, res) => {
    privateHeaders(res);
    const link = await deps.shareLinks.findByToken(req.params.token);
    const file = link ? await deps.files.open(pdfKey(link.pdfHash)) : null;
    if (!link || !file) throw linkNotValid();
    await sendStoredFile(req, res, deps.files, {
      file,
      headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': attachmentDisposition(link.title) },
    });
  });

  return router;
}
