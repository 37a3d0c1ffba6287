import type { RequestHandler, Router } from 'express';
import type { VariantTableResponse } from '../../common/api/variant-table-response';
import { bilingualFieldProblems, fieldProblems } from '../../common/variants/apply-variant';
import { anyVariantTableSchema } from '../../common/variants/variant-table';
import type { AccountServices } from '../accounts/account-services';
import type { DesignStore } from '../designs/design-store';
import type { TemplateLocksDesk } from '../published-templates/template-locks-desk';
import { AppError, formatPath } from '../http/app-error';
import { caseSensitiveRouter } from '../http/case-sensitive-router';
import { csrfProtection } from '../http/csrf';
import { parseWith } from '../http/parse-with';
import { routeParam } from '../http/route-param';
import { authOf } from '../sessions/request-auth';
import { signedIn } from '../sessions/signed-in-guard';
import type { StoredVariantTable, VariantTableStore } from './variant-table-store';

function response(table: StoredVariantTable, accountId: string): VariantTableResponse {
  const meta = { designId: table.designId, updatedAt: new Date(table.updatedAt).toISOString(), updatedByYou: table.updatedBy === accountId };
  return table.kind === 'bilingual' ? { ...meta, kind: 'bilingual', fields: table.fields, rows: table.rows } : { ...meta, kind: 'plain', fields: table.fields, rows: table.rows };
}

/**
 * A saved design's variant table: read, replace, remove. Members of the design's organisation only;
 * anyone else gets 404. Saving checks the table and that each field fills an element of the design's
 * current version; laying every row out is the editor's and the print run's work, not the request's
 * (600 rows take a third of a second of CPU, too long to hold the server's loop).
 */
export function variantsRouter(deps: {
  services: AccountServices;
  designs: DesignStore;
  tables: VariantTableStore;
  /** Published templates' locks: a field may not fill an element the design's template locks; not checked when absent. */
  locks?: TemplateLocksDesk;
}): Router {
  const router = caseSensitiveRouter();
  const member: RequestHandler[] = [signedIn(deps.services), csrfProtection];
  const notFound = () => AppError.notFound('this design');

  router.get('/api/designs/:id/variants', ...member, async (req, res) => {
    const { account } = authOf(res);
    const id = routeParam(req, 'id');
    const table = await deps.tables.get(account.orgId, id);
    res.set('Cache-Control', 'no-store');
    if (table) return void res.json(response(table, account.id));
    if (!(await deps.designs.get(account.orgId, id))) throw notFound();
    // No table yet is not an error: the editor starts one.
    const none: VariantTableResponse = { designId: id, kind: 'plain', fields: [], rows: [], updatedAt: null, updatedByYou: false };
    res.json(none);
  });

  router.put('/api/designs/:id/variants', ...member, async (req, res) => {
    const table = parseWith(anyVariantTableSchema, req.body);
    const { account } = authOf(res);
    const id = routeParam(req, 'id');
    const saved = await deps.designs.get(account.orgId, id);
    if (!saved) throw notFound();
    const problems = table.kind === 'bilingual' ? bilingualFieldProblems(saved.design, table.fields) : fieldProblems(saved.design, table.fields);
    if (problems.length > 0) {
      const fields = problems.map((p) => ({ path: formatPath(p.path), message: p.message }));
      throw new AppError(422, 'field_not_in_design', `${fields[0]!.path}: ${fields[0]!.message}`, fields);
    }
    // A version per row would change the element: a locked one cannot be a field (every variant's print would be refused).
    const locks = saved.template && deps.locks ? await deps.locks.locksOf(saved.template) : null;
    const lockedFields = locks ? table.fields.flatMap((f, i) => (locks.locked.some((l) => l.page === f.page && l.element.id === f.elementId) ? [{ path: `fields[${i}].elementId`, message: `element "${f.elementId}" is locked by ${locks.organisationName}: it cannot be a field` }] : [])) : [];
    if (lockedFields.length > 0) throw new AppError(422, 'element_locked', lockedFields[0]!.message, lockedFields);
    const stored = await deps.tables.put(account.orgId, id, table, account.id);
    if (!stored) throw notFound();
    await deps.services.audit.record('design.variants-saved', account.id, id, { kind: stored.kind ?? 'plain', rows: table.rows.length, fields: table.fields.length });
    res.json(response(stored, account.id));
  });

  router.delete('/api/designs/:id/variants', ...member, async (req, res) => {
    const { account } = authOf(res);
    const id = routeParam(req, 'id');
    if (!(await deps.tables.delete(account.orgId, id))) throw AppError.notFound('a variant table of this design');
    await deps.services.audit.record('design.variants-removed', account.id, id);
    res.status(204).end();
  });

  return router;
}
