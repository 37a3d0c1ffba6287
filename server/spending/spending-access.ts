import type { Request, Response } from 'express';
import type { Account } from '../accounts/account';
import type { OrganisationStore } from '../accounts/organisation-store';
import { AppError } from '../http/app-error';
import { routeParam } from '../http/route-param';
import { authOf } from '../sessions/request-auth';

/**
 * Who may do what with an organisation's spending: every account of the organisation reads its
 * elections, candidates, limits and totals (a campaigner sees how near the limit a candidate is before
 * ordering more); only its agents, and admins, who run the site, record entries, correct them, set
 * limits, and read the ledger's entries, invoices and exports (suppliers' addresses and invoices are
 * the agent's legal responsibility). Anyone else is told the organisation does not exist (404).
 */
export async function spendingOrgOf(req: Request, res: Response, organisations: OrganisationStore, need: 'read' | 'record'): Promise<{ orgId: string; account: Account }> {
  const { account } = authOf(res);
  const orgId = routeParam(req, 'orgId');
  if (account.orgId !== orgId && account.role !== 'admin') throw AppError.notFound('this organisation');
  if (account.orgId !== orgId && !(await organisations.find(orgId))) throw AppError.notFound('this organisation');
  if (need === 'record' && !canRecord(account)) throw new AppError(403, 'agent_only', "only your organisation's agent (or an admin) can keep the spending ledger");
  return { orgId, account };
}

export const canRecord = (account: Account): boolean => account.role === 'agent' || account.role === 'admin';
