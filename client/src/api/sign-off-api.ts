import type { SignOffRequestDetail, SignOffRequestSummary, SignOffSettingResponse } from '../../../common/api/sign-off-response';
import type { SignOffStatus } from '../../../common/sign-off/sign-off-workflow';
import { fetchJson } from './fetch-json';

export type { SignOffRequestDetail, SignOffRequestSummary };

const post = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

/** The organisation's sign-off requests, newest move first: of one status (the agent's queue), or of one design. */
export async function listSignOffs(filter: { status?: SignOffStatus; designId?: string } = {}): Promise<SignOffRequestSummary[]> {
  const query = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => typeof e[1] === 'string'));
  return (await fetchJson<{ requests: SignOffRequestSummary[] }>(`/api/sign-off-requests${query.size ? `?${query}` : ''}`, { cache: 'no-store' })).requests;
}

export function getSignOff(id: string): Promise<SignOffRequestDetail> {
  return fetchJson<SignOffRequestDetail>(`/api/sign-off-requests/${encodeURIComponent(id)}`, { cache: 'no-store' });
}

/** Sends a saved version for sign-off (a returned version sent again goes back to the agent). */
export function sendForSignOff(designId: string, version: number, note = ''): Promise<SignOffRequestSummary> {
  return fetchJson<SignOffRequestSummary>('/api/sign-off-requests', post({ designId, version, note }));
}

/** An agent's decision; a return needs a comment. */
export function decideSignOff(id: string, decision: 'approve' | 'return', comment: string): Promise<SignOffRequestSummary> {
  return fetchJson<SignOffRequestSummary>(`/api/sign-off-requests/${encodeURIComponent(id)}/${decision}`, post({ comment }));
}

export function getSignOffSetting(orgId: string): Promise<SignOffSettingResponse> {
  return fetchJson<SignOffSettingResponse>(`/api/organisations/${encodeURIComponent(orgId)}/sign-off`, { cache: 'no-store' });
}

export function setSignOffSetting(orgId: string, required: boolean): Promise<SignOffSettingResponse> {
  return fetchJson<SignOffSettingResponse>(`/api/organisations/${encodeURIComponent(orgId)}/sign-off`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ required }) });
}
