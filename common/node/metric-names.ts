/**
 * Names of every Prometheus metric Rosette exports, server and worker alike: one place, so a
 * dashboard, an alert and the code that records a figure cannot drift apart. (Queue and Redis key
 * names live in common/queue/names.ts; these are here because only Node processes export metrics.)
 */
export const METRIC = {
  /** Counter: HTTP requests answered, by method, route pattern, status and traffic class. */
  httpRequests: 'rosette_http_requests_total',
  /** Histogram: seconds from request to the end of the answer, by method, route pattern and class. */
  httpDuration: 'rosette_http_request_duration_seconds',
  /** Counter: requests the overload gate turned away with 503 before Express, by class and reason. */
  shed: 'rosette_http_shed_total',
  /**
   * Counter: requests the overload gate turned away with 429 before Express, from a client a limiter
   * had already refused, by class and limiter. The limiter's own first 429 is an app answer, counted in
   * httpRequests with status 429, so the two add up without counting any request twice.
   */
  rateLimited: 'rosette_http_rate_limited_total',
  /** Gauge: 1 for the mode the process is in now, 0 for the others. */
  mode: 'rosette_mode',
  /** Gauge: print jobs in the queue, by state (waiting, active, failed, delayed). */
  queueJobs: 'rosette_queue_jobs',
  /** Gauge: worker processes whose heartbeat has not expired. */
  workersLive: 'rosette_workers_live',
  /** Gauge: jobs the live workers can render at once, summed. */
  workerSlots: 'rosette_worker_slots',
  /** Gauge: jobs the live workers are rendering now, summed from their heartbeats. */
  workerJobsActive: 'rosette_worker_jobs_active',
  /** Gauge: seconds since the stalest live worker's last heartbeat. */
  workerHeartbeatAge: 'rosette_worker_heartbeat_age_seconds',
  /** Gauge: 1 when a scrape-time probe (queue, workers) answered in time, 0 when it failed or timed out. */
  probeUp: 'rosette_probe_up',
  /** Histogram (worker): seconds one PDF took to lay out and draw. */
  renderDuration: 'rosette_render_duration_seconds',
  /** Counter (worker): print jobs finished, by outcome. */
  renderJobs: 'rosette_render_jobs_total',
} as const;

/** Label value for requests no route matched and that were not served as static files. */
export const UNMATCHED_ROUTE = '(unmatched)';
/** Label value for requests served without a route: static files of the browser client. */
export const STATIC_ROUTE = '(static)';
/** Status label of a request whose client went away before the answer ended (nginx's convention). */
export const CLIENT_CLOSED_STATUS = '499';
/** Traffic class label when the classifier's answer is not a short lower-case word. */
export const OTHER_CLASS = 'other';

/** Outcomes of a print job, as the worker counts them. */
export const RENDER_OUTCOMES = ['rendered', 'reused', 'failed-design', 'failed-error'] as const;
export type RenderOutcome = (typeof RENDER_OUTCOMES)[number];
