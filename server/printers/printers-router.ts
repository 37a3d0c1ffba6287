import type { RequestHandler, Response, Router } from 'express';
import { MAX_PRINTERS, printerInputSchema } from '../../common/orders/printer';
import type { AccountServices } from '../accounts/account-services';
import { AppError } from '../http/app-error';
import { caseSensitiveRouter } from '../http/case-sensitive-router';
import { csrfProtection } from '../http/csrf';
import { parseWith } from '../http/parse-with';
import { routeParam } from '../http/route-param';
import { authOf } from '../sessions/request-auth';
import { signedIn } from '../sessions/signed-in-guard';
import { printerResponse } from './printer-response';
import { TooManyPrintersError, type PrinterStore } from './printer-store';

/**
 * An organisation's printers: every account of it reads them (a campaigner preparing an order picks
 * one); its agents, or an admin, add, change and remove them. Another organisation's are not found (404).
 */
export function printersRouter(deps: { services: AccountServices; printers: PrinterStore }): Router {
  const router = caseSensitiveRouter();
  const member: RequestHandler[] = [signedIn(deps.services), csrfProtection];
  const who = (res: Response) => authOf(res).account;
  const agent = (res: Response) => {
    const account = who(res);
    if (account.role !== 'agent' && account.role !== 'admin') throw new AppError(403, 'agent_only', "only your organisation's agent can change its printers");
    return account;
  };

  router.get('/api/printers', ...member, async (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ printers: (await deps.printers.list(who(res).orgId)).map(printerResponse) });
  });

  router.get('/api/printers/:id', ...member, async (req, res) => {
    const printer = await deps.printers.find(who(res).orgId, routeParam(req, 'id'));
    if (!printer || printer.removed) throw AppError.notFound('this printer');
    res.set('Cache-Control', 'no-store').json(printerResponse(printer));
  });

  router.post('/api/printers', ...member, async (req, res) => {
    const account = agent(res);
    const input = parseWith(printerInputSchema, req.body);
    const printer = await deps.printers.create(account.orgId, input, account.id).catch((err: unknown) => {
      if (err instanceof TooManyPrintersError) throw new AppError(409, 'too_many_printers', `your organisation keeps ${MAX_PRINTERS} printers already; remove one first`);
      throw err;
    });
    const body = printerResponse(printer);
    res.status(201).location(body.url).json(body);
  });

  router.put('/api/printers/:id', ...member, async (req, res) => {
    const account = agent(res);
    const input = parseWith(printerInputSchema, req.body);
    const printer = await deps.printers.update(account.orgId, routeParam(req, 'id'), input, account.id);
    if (!printer) throw AppError.notFound('this printer');
    res.json(printerResponse(printer));
  });

  router.delete('/api/printers/:id', ...member, async (req, res) => {
    const account = agent(res);
    if (!(await deps.printers.remove(account.orgId, routeParam(req, 'id'), account.id))) throw AppError.notFound('this printer');
    res.status(204).end();
  });

  return router;
}
