import { sessionHeaders, type DrillSession } from './drill-accounts';

/** What every drill print job confirms: it sends the templates' own words on purpose (docs/api.md, confirm). */
export const DRILL_CONFIRM = { unchangedTemplateText: true } as const;

/**
 * The kinds of visitor the drill imitates. Order matters only for display.
 * - home: anonymous visitors (or a bot) loading the home page;
 * - api: anonymous reads of GET /api/templates;
 * - print: signed-in campaigners sending print jobs (template designs with varied titles, so each is new work);
 * - download: volunteers downloading finished PDFs, some revalidating with If-None-Match.
 */
export const TRAFFIC_CLASSES = ['home', 'api', 'print', 'download'] as const;
export type TrafficClassName = (typeof TRAFFIC_CLASSES)[number];

/** What the drill makes of an answer. */
export type Outcome = 'served' | 'shed' | 'failed';

/**
 * Served: 2xx or 304. Shed: 503 or 429, the answers of a service that protects itself. Anything else,
 * including a connection error or a timeout (status 0), is a failure, and a drill must have none.
 */
export function outcomeOf(status: number): Outcome {
  if ((status >= 200 && status < 300) || status === 304) return 'served';
  if (status === 503 || status === 429) return 'shed';
  return 'failed';
}

/** A request as the load generator sends it. */
export interface DrillRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** What a class's requests are made from: template designs and finished PDFs, gathered before the flood. */
export interface TrafficFixtures {
  /** Template designs to send as print jobs. */
  designs: Array<Record<string, unknown> & { title: string }>;
  /** Download paths of finished PDFs (`/downloads/<hash>.pdf`). */
  downloads: string[];
  /** Signed-in campaigners' sessions, which print jobs are sent with (none: anonymously). */
  sessions: DrillSession[];
}

/**
 * The `seq`-th request of a class. `tag` makes print job titles unique across generator threads and
 * runs, so every print job is new work for the workers.
 */
export function requestFor(name: TrafficClassName, seq: number, fixtures: TrafficFixtures, tag: string): DrillRequest {
  switch (name) {
    case 'home':
      return { method: 'GET', path: '/', headers: { accept: 'text/html' } };
    case 'api':
      return { method: 'GET', path: '/api/templates', headers: { accept: 'application/json' } };
    case 'print': {
      const template = fixtures.designs[seq % fixtures.designs.length]!;
      const design = { ...template, title: `Drill ${tag} ${seq}: ${template.title}`.slice(0, 120) };
      const session = fixtures.sessions[seq % Math.max(1, fixtures.sessions.length)];
      const headers = { accept: 'application/json', 'content-type': 'application/json', ...sessionHeaders(session) };
      return { method: 'POST', path: '/api/print-jobs', headers, body: JSON.stringify({ design, copies: 1 + (seq % 500), confirm: DRILL_CONFIRM }) };
    }
    case 'download': {
      const path = fixtures.downloads[seq % fixtures.downloads.length]!;
      const hash = /([a-f0-9]{64})\.pdf$/.exec(path)?.[1];
      // One volunteer in five already has the file and revalidates it.
      const headers: Record<string, string> = seq % 5 === 0 && hash ? { 'if-none-match': `"${hash}"` } : {};
      return { method: 'GET', path, headers };
    }
  }
}
