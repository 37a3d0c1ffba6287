import type { FailedJobActionResponse, QueueOverviewResponse, QueuePauseResponse, RetryAllResponse } from '../../../common/api/admin-queue';
import { fetchJson } from './fetch-json';

/** The print queue: counts, whether printing is paused, and one page of failed jobs (newest first). */
export function getQueueOverview(page: { start: number; limit: number }, signal?: AbortSignal): Promise<QueueOverviewResponse> {
  const query = new URLSearchParams({ start: String(page.start), limit: String(page.limit) });
  return fetchJson<QueueOverviewResponse>(`/api/admin/queue?${query}`, { signal, cache: 'no-store' });
}

/** Stops every worker from starting new print jobs; accepted jobs wait, nothing is lost. */
export function pausePrinting(): Promise<QueuePauseResponse> {
  return fetchJson<QueuePauseResponse>('/api/admin/queue/pause', { method: 'POST' });
}

export function resumePrinting(): Promise<QueuePauseResponse> {
  return fetchJson<QueuePauseResponse>('/api/admin/queue/resume', { method: 'POST' });
}

/** Puts one failed job back in the queue with a fresh set of attempts. */
export function retryFailedJob(id: string): Promise<FailedJobActionResponse> {
  return fetchJson<FailedJobActionResponse>(`/api/admin/queue/failed/${encodeURIComponent(id)}/retry`, { method: 'POST' });
}

/** Deletes one failed job for good. */
export function removeFailedJob(id: string): Promise<FailedJobActionResponse> {
  return fetchJson<FailedJobActionResponse>(`/api/admin/queue/failed/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** Puts up to RETRY_ALL_MAX failed jobs back in the queue; says how many, and how many are left. */
export function retryAllFailedJobs(): Promise<RetryAllResponse> {
  return fetchJson<RetryAllResponse>('/api/admin/queue/failed/retry-all', { method: 'POST' });
}
