import { caseSensitiveRouter } from '../http/case-sensitive-router';
import type { Router } from 'express';
import { PAPER_SIZES, trimSize } from '../../common/design/paper-formats';
import type { Template } from '../../common/templates/build-template';
import { findTemplate, TEMPLATES } from '../../common/templates/templates';
import { AppError } from '../http/app-error';
import { precompressBody, sendPrecompressed } from '../http/precompressed-body';

/** A template as the gallery lists it. */
function summary(t: Template) {
  const { size, orientation = 'portrait' } = t.design.format;
  const trim = trimSize(size, orientation);
  return {
    id: t.id,
    name: t.name,
    description: t.description,
    format: { size, orientation, widthMm: trim.width, heightMm: trim.height },
    pages: t.design.pages.length,
    url: `/api/templates/${t.id}`,
  };
}

/** The built-in templates: a list for the gallery, and each one's full design document. */
export function templatesRouter(): Router {
  const router = caseSensitiveRouter();
  // Built-in and fixed while the process runs: each answer is serialised and compressed once.
  const list = precompressBody(JSON.stringify({ templates: TEMPLATES.map(summary), paperSizes: PAPER_SIZES }));
  const documents = new Map(TEMPLATES.map((t) => [t.id, precompressBody(JSON.stringify({ ...summary(t), design: t.design }))]));
  router.get('/api/templates', (req, res) => {
    res.set('Cache-Control', 'public, max-age=300');
    sendPrecompressed(req, res, list, 'json');
  });
  router.get('/api/templates/:id', (req, res) => {
    const t = findTemplate(req.params.id);
    const body = t && documents.get(t.id);
    if (!body) throw new AppError(404, 'unknown_template', `there is no template "${req.params.id.slice(0, 60)}"; GET /api/templates lists them`);
    res.set('Cache-Control', 'public, max-age=300');
    sendPrecompressed(req, res, body, 'json');
  });
  return router;
}
