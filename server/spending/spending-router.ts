import express, { type RequestHandler, type Router } from 'express';
import { z } from 'zod';
import type { FileStore } from '../../common/node/file-store';
import { CURRENCY } from '../../common/spending/money';
import type { SpendingEntriesResponse, SpendingOverview, UploadedInvoice } from '../../common/spending/spending-response';
import { candidateInputSchema, correctionInputSchema, electionInputSchema, entryInputSchema, limitInputSchema } from '../../common/spending/spending-schemas';
import type { AccountServices } from '../accounts/account-services';
import { AppError } from '../http/app-error';
import { asciiStemOf } from '../http/attachment-disposition';
import { caseSensitiveRouter } from '../http/case-sensitive-router';
import { csrfProtection } from '../http/csrf';
import { parseWith } from '../http/parse-with';
import { routeParam } from '../http/route-param';
import { signedIn } from '../sessions/signed-in-guard';
import { INVOICE_CONTENT_TYPE, invoiceIdOfKey, storedInvoiceKey, storeInvoice, type InvoiceType } from './invoice-file';
import { canRecord, spendingOrgOf } from './spending-access';
import { entryResponses, electionSummary } from './spending-response';
import { buildReturn } from './spending-return';
import { returnCsv } from './spending-return-csv';
import { returnPdf } from './spending-return-pdf';
import type { SpendingStore } from './spending-store';

const ID = /^[a-f0-9]{32}$/;
const listSchema = z.object({ electionId: z.string().regex(ID, 'must be the id of an election of your organisation').optional() });
const BASE = '/api/organisations/:orgId/spending';

export interface SpendingRouterDeps {
  services: AccountServices;
  spending: SpendingStore;
  store: FileStore;
}

/**
 * The spending ledger of issue 15 (docs/api.md, "Spending ledger"): elections, candidates and their
 * limits, entries (by hand, or from a print order through SpendingStore.recordOrder), corrections,
 * invoices, totals and the candidate's return as CSV and PDF. Access: spending-access.ts.
 */
export function spendingRouter(deps: SpendingRouterDeps): Router {
  const router = caseSensitiveRouter();
  const member: RequestHandler[] = [signedIn(deps.services), csrfProtection];
  const { organisations } = deps.services;

  router.get(BASE, ...member, async (req, res) => {
    const { orgId, account } = await spendingOrgOf(req, res, organisations, 'read');
    const [elections, daily] = await Promise.all([deps.spending.elections(orgId), deps.spending.dailyParts(orgId)]);
    const body: SpendingOverview = { currency: CURRENCY, canRecord: canRecord(account), elections: elections.map((e) => electionSummary(e, daily)) };
    res.set('Cache-Control', 'no-store').json(body);
  });

  router.post(`${BASE}/elections`, ...member, async (req, res) => {
    const { orgId, account } = await spendingOrgOf(req, res, organisations, 'record');
    const election = await deps.spending.createElection(orgId, parseWith(electionInputSchema, req.body), account.id);
    res.status(201).json(electionSummary(election, []));
  });

  router.post(`${BASE}/elections/:electionId/candidates`, ...member, async (req, res) => {
    const { orgId, account } = await spendingOrgOf(req, res, organisations, 'record');
    const candidate = await deps.spending.addCandidate(orgId, routeParam(req, 'electionId'), parseWith(candidateInputSchema, req.body), account.id);
    if (!candidate) throw AppError.notFound('this election');
    res.status(201).json(candidate);
  });

  router.put(`${BASE}/candidates/:candidateId/limit`, ...member, async (req, res) => {
    const { orgId, account } = await spendingOrgOf(req, res, organisations, 'record');
    const { limitPence } = parseWith(limitInputSchema, req.body);
    const candidate = await deps.spending.setLimit(orgId, routeParam(req, 'candidateId'), limitPence, account.id);
    if (!candidate) throw AppError.notFound('this candidate');
    res.json(candidate);
  });

  router.get(`${BASE}/entries`, ...member, async (req, res) => {
    const { orgId, account } = await spendingOrgOf(req, res, organisations, 'record');
    const { electionId } = parseWith(listSchema, req.query);
    const body: SpendingEntriesResponse = { currency: CURRENCY, entries: entryResponses(orgId, await deps.spending.entries(orgId, electionId), account) };
    res.set('Cache-Control', 'no-store').json(body);
  });

  router.post(`${BASE}/entries`, ...member, async (req, res) => {
    const { orgId, account } = await spendingOrgOf(req, res, organisations, 'record');
    const input = parseWith(entryInputSchema, req.body);
    const id = await deps.spending.record(orgId, input, account.id, await storedInvoiceKey(deps.store, input.invoiceId));
    res.status(201).json(await oneEntry(orgId, id, account));
  });

  router.post(`${BASE}/entries/:entryId/corrections`, ...member, async (req, res) => {
    const { orgId, account } = await spendingOrgOf(req, res, organisations, 'record');
    const input = parseWith(correctionInputSchema, req.body);
    const invoiceKey = await storedInvoiceKey(deps.store, input.replacement?.invoiceId ?? null, 'replacement.invoiceId');
    const made = await deps.spending.correct(orgId, routeParam(req, 'entryId'), input, account.id, invoiceKey);
    if (!made) throw AppError.notFound('this entry');
    res.status(201).json({ reversal: await oneEntry(orgId, made.reversalId, account), replacement: made.replacementId ? await oneEntry(orgId, made.replacementId, account) : null });
  });

  router.put(`${BASE}/entries/:entryId/invoice`, ...member, async (req, res) => {
    const { orgId, account } = await spendingOrgOf(req, res, organisations, 'record');
    const { invoiceId } = parseWith(z.object({ invoiceId: z.string({ error: 'must be the id of an uploaded invoice' }) }, { error: 'must be an object such as { "invoiceId": "…" }' }), req.body);
    const key = (await storedInvoiceKey(deps.store, invoiceId))!;
    if (!(await deps.spending.attachInvoice(orgId, routeParam(req, 'entryId'), key, account.id))) throw AppError.notFound('this entry');
    res.json(await oneEntry(orgId, routeParam(req, 'entryId'), account));
  });

  router.get(`${BASE}/entries/:entryId/invoice`, ...member, async (req, res) => {
    const { orgId } = await spendingOrgOf(req, res, organisations, 'record');
    const key = await deps.spending.invoiceKeyOf(orgId, routeParam(req, 'entryId'));
    const data = key ? await deps.store.read(key) : null;
    if (!key || !data) throw AppError.notFound('this invoice');
    const id = invoiceIdOfKey(key);
    const type = id.slice(65) as InvoiceType;
    res.set({ 'Content-Type': INVOICE_CONTENT_TYPE[type], 'Content-Disposition': `attachment; filename="invoice-${id.slice(0, 12)}.${type}"`, 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' });
    res.end(data);
  });

  const returnOf = async (req: express.Request, res: express.Response) => {
    const { orgId } = await spendingOrgOf(req, res, organisations, 'record');
    const candidateId = routeParam(req, 'candidateId');
    const election = (await deps.spending.elections(orgId)).find((e) => e.candidates.some((c) => c.id === candidateId));
    const candidate = election?.candidates.find((c) => c.id === candidateId);
    if (!election || !candidate) throw AppError.notFound('this candidate');
    const ret = buildReturn(election, candidate, await deps.spending.entries(orgId, election.id));
    const stem = `spending-return-${asciiStemOf(candidate.name) ?? 'candidate'}`;
    return { ret, stem, title: `Spending return: ${candidate.name}, ${election.name}` };
  };

  router.get(`${BASE}/candidates/:candidateId/return.csv`, ...member, async (req, res) => {
    const { ret, stem } = await returnOf(req, res);
    res.set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${stem}.csv"`, 'Cache-Control': 'private, no-store' });
    res.send(returnCsv(ret));
  });

  router.get(`${BASE}/candidates/:candidateId/return.pdf`, ...member, async (req, res) => {
    const { ret, stem, title } = await returnOf(req, res);
    res.set({ 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${stem}.pdf"`, 'Cache-Control': 'private, no-store' });
    res.send(await returnPdf(ret, title));
  });

  /** One entry as the list shows it (what corrected it is read from the entries of its election). */
  const oneEntry = async (orgId: string, id: string, account: Parameters<typeof entryResponses>[2]) => {
    const electionId = await deps.spending.electionOfEntry(orgId, id);
    const entries = electionId ? await deps.spending.entries(orgId, electionId) : [];
    const found = entryResponses(orgId, entries, account).find((e) => e.id === id);
    if (!found) throw AppError.notFound('this entry');
    return found;
  };

  return router;
}

/**
 * POST /api/organisations/:orgId/spending/invoices: an invoice's bytes as the request body (not a form,
 * as image uploads), checked by content (PDF, PNG or JPEG). Mounted before the JSON body parser.
 */
export function spendingInvoicesRouter(deps: SpendingRouterDeps & { maxBytes: number }): Router {
  const router = caseSensitiveRouter();
  const parseRaw = express.raw({ type: () => true, limit: deps.maxBytes, inflate: false });
  const readBody: RequestHandler = (req, res, next) => {
    parseRaw(req, res, (err?: unknown) => {
      const tooLarge = typeof err === 'object' && err !== null && (err as { type?: unknown }).type === 'entity.too.large';
      next(tooLarge ? new AppError(413, 'invoice_too_large', `an invoice may be at most ${Math.floor(deps.maxBytes / 1024 / 1024)} MB`, [{ path: 'invoice', message: 'is too large' }]) : err);
    });
  };
  router.post(`${BASE}/invoices`, signedIn(deps.services), csrfProtection, async (req, res, next) => {
    await spendingOrgOf(req, res, deps.services.organisations, 'record');
    next();
  }, readBody, async (req, res) => {
    const body: unknown = req.body;
    if (!Buffer.isBuffer(body) || body.length === 0) throw AppError.validation([{ path: 'invoice', message: 'send the invoice file as the request body' }]);
    const stored = await storeInvoice(deps.store, body);
    const answer: UploadedInvoice = stored;
    res.status(201).json(answer);
  });
  return router;
}
