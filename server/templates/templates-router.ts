import { caseSensitiveRouter } from '../http/case-sensitive-router';
import type { Router } from 'express';
import { PAPER_SIZES, trimSize } from '../../common/design/paper-formats';
import type { Template } from '../../common/templates/build-template';
import { findTemplate, TEMPLATES } from '../../common/templates/templates';
import { AppError } from '../http/app-error';

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
  const list = { templates: TEMPLATES.map(summary), paperSizes: PAPER_SIZES };
  router.get('/api/templates', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=300').json(list);
  });
  router.get('/api/templates/:id', (req, res) => {
    const t = findTemplate(req.params.id);
    if (!t) throw new AppError(404, 'unknown_template', `there is no template "${req.params.id.slice(0, 60)}"; GET /api/templates lists them`);
    res.set('Cache-Control', 'public, max-age=300').json({ ...summary(t), design: t.design });
  });
  return router;
}
