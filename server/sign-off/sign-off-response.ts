import type { SignOffRequestDetail, SignOffRequestSummary, SignOffTransitionResponse } from '../../common/api/sign-off-response';
import type { Account } from '../accounts/account';
import type { SignOffCase } from './sign-off-desk';
import type { SignOffRecord, SignOffTransition } from './sign-off-store';

/** A request as its organisation's accounts see it (nobody is named: only whether it was the one asking). */
export function signOffSummary(r: SignOffRecord, title: string, viewer: Account): SignOffRequestSummary {
  return {
    id: r.id,
    designId: r.designId,
    version: r.version,
    title,
    status: r.status,
    sentByYou: r.submittedBy === viewer.id,
    proofJobId: r.proofJobId,
    run: r.run ? { id: r.run.runId, url: `/api/runs/${r.run.runId}`, tableHash: r.run.tableHash } : null,
    createdAt: new Date(r.createdAt).toISOString(),
    updatedAt: new Date(r.updatedAt).toISOString(),
    url: `/api/sign-off-requests/${r.id}`,
  };
}

function transitionResponse(t: SignOffTransition, viewer: Account): SignOffTransitionResponse {
  const byRole = t.actorRole === 'agent' || t.actorRole === 'admin' ? t.actorRole : 'campaigner';
  return { from: t.from, to: t.to, at: new Date(t.at).toISOString(), byRole, byYou: t.actorId === viewer.id, comment: t.comment };
}

export function signOffDetail(c: SignOffCase, viewer: Account): SignOffRequestDetail {
  const summary = signOffSummary(c.request, c.design.title, viewer);
  return {
    ...summary,
    run: summary.run && c.run ? { ...summary.run, combinedUrl: c.run.combinedUrl, versions: c.run.run.variants.map((v) => ({ n: v.position, label: v.label })) } : null,
    design: c.design,
    approvedVersion: c.approvedVersion,
    diff: c.diff,
    history: c.history.map((t) => transitionResponse(t, viewer)),
  };
}
