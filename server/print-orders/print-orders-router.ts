import express, { type RequestHandler, type Response, type Router } from 'express';
import { printOrderInputSchema } from '../../common/orders/print-order';
import type { Account } from '../accounts/account';
import type { AccountServices } from '../accounts/account-services';
import { AppError } from '../http/app-error';
import { placeOrderSchema } from '../../common/orders/place-order-input';
import { runOrderInputSchema } from '../../common/orders/run-order-input';
import { caseSensitiveRouter } from '../http/case-sensitive-router';
import { csrfProtection } from '../http/csrf';
import { parseWith } from '../http/parse-with';
import { routeParam } from '../http/route-param';
import { authOf } from '../sessions/request-auth';
import { signedIn } from '../sessions/signed-in-guard';
import { invoiceContentType, MAX_INVOICE_BYTES } from './invoice-file';
import type { PrintOrderCase, PrintOrderDesk } from './print-order-desk';
import { printOrderResponse } from './print-order-response';
import type { PrintOrderStore } from './print-order-store';

interface Deps {
  services: AccountServices;
  desk: PrintOrderDesk;
  orders: PrintOrderStore;
}

/**
 * Print orders: any account of the organisation reads them and prepares a draft; its agents (or an
 * admin) place it (the printer is emailed), mark it printed and delivered, or cancel it. Another
 * organisation's orders are not found (404). JSON bodies: mount after express.json().
 */
export function printOrdersRouter(deps: Deps): Router {
  const router = caseSensitiveRouter();
  const member: RequestHandler[] = [signedIn(deps.services), csrfProtection];
  const who = (res: Response) => authOf(res).account;
  const respond = async (c: PrintOrderCase, viewer: Account) => printOrderResponse(c, await deps.orders.history(c.order.id), deps.desk.pdfUrlOf(c.order), viewer, deps.desk.zipUrlOf(c.order));

  router.get('/api/print-orders', ...member, async (_req, res) => {
    const account = who(res);
    const orders = [];
    for (const c of await deps.desk.list(account)) orders.push(await respond(c, account));
    res.set('Cache-Control', 'no-store').json({ orders });
  });

  router.post('/api/print-orders', ...member, async (req, res) => {
    const account = who(res);
    const body = await respond(await deps.desk.create(account, parseWith(printOrderInputSchema, req.body)), account);
    res.status(201).location(body.url).json(body);
  });

  // One order of a whole print run (a draft, placed as any other): POST /api/runs/:id/orders.
  router.post('/api/runs/:id/orders', ...member, async (req, res) => {
    const account = who(res);
    const body = await respond(await deps.desk.createForRun(account, routeParam(req, 'id'), parseWith(runOrderInputSchema, req.body)), account);
    res.status(201).location(body.url).json(body);
  });

  router.get('/api/print-orders/:id', ...member, async (req, res) => {
    const account = who(res);
    res.set('Cache-Control', 'no-store').json(await respond(await deps.desk.open(account, routeParam(req, 'id')), account));
  });

  router.post('/api/print-orders/:id/place', ...member, async (req, res) => {
    const account = who(res);
    const input = parseWith(placeOrderSchema, req.body ?? {});
    const { order, emails } = await deps.desk.place(account, routeParam(req, 'id'), input);
    res.json({ ...(await respond(order, account)), emails });
  });

  for (const [verb, to] of [['printed', 'printed'], ['delivered', 'delivered'], ['cancel', 'cancelled']] as const) {
    router.post(`/api/print-orders/:id/${verb}`, ...member, async (req, res) => {
      const account = who(res);
      res.json(await respond(await deps.desk.advance(account, routeParam(req, 'id'), to), account));
    });
  }

  router.get('/api/print-orders/:id/invoice', ...member, async (req, res) => {
    const { key, data } = await deps.desk.invoice(who(res), routeParam(req, 'id'));
    res.set({ 'Content-Type': invoiceContentType(key), 'Content-Disposition': `attachment; filename="invoice${key.slice(key.lastIndexOf('.'))}"`, 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' }).send(data);
  });

  return router;
}

/**
 * PUT /api/print-orders/:id/invoice: the invoice file as the raw body (any Content-Type; its content
 * decides). Mount before express.json(), and after the session and CSRF checks for this path.
 */
export function printOrderInvoiceRouter(deps: Deps): Router {
  const router = caseSensitiveRouter();
  const parseRaw = express.raw({ type: () => true, limit: MAX_INVOICE_BYTES, inflate: false });
  const readBody: RequestHandler = (req, res, next) =>
    parseRaw(req, res, (err?: unknown) => {
      if ((err as { type?: string } | undefined)?.type === 'entity.too.large') return next(new AppError(413, 'invoice_too_large', `the invoice must be at most ${MAX_INVOICE_BYTES / 1024 / 1024} MB`, [{ path: 'invoice', message: 'is too large' }]));
      next(err);
    });
  router.put('/api/print-orders/:id/invoice', signedIn(deps.services), csrfProtection, readBody, async (req, res) => {
    const account = authOf(res).account;
    const data = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const c = await deps.desk.attachInvoice(account, routeParam(req, 'id'), data);
    res.json(printOrderResponse(c, await deps.orders.history(c.order.id), deps.desk.pdfUrlOf(c.order), account, deps.desk.zipUrlOf(c.order)));
  });
  return router;
}
