import crypto from 'node:crypto';
import { formatUkTime } from '../../common/time/uk-time';
import { escapeHtml } from '../http/escape-html';

/**
 * The page's only style, allowed by its hash in the Content-Security-Policy (no inline anything else).
 * Rosette's look (client/src/styles/base.css): its colours, the rosette mark, the header bar. Written
 * out here because the page is answered by the gate, before Express, with nothing to load.
 */
const STYLE = [
  'body{margin:0;font:1.05rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1d1d1b;background:#f4f2ee}',
  'header{display:flex;align-items:center;gap:.6rem;padding:.75rem 1rem;background:#fff;border-bottom:3px solid #a50d23;font-weight:700;font-size:1.2rem}',
  'main{max-width:36rem;margin:8vh auto;padding:1.5rem;background:#fff;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.12)}',
  'h1{font-size:1.6rem;margin:0 0 .75rem;color:#a50d23}',
  'p.note{color:#595959;font-size:.95rem}',
  'p.back{font-weight:600}',
  '@media (max-width:30rem){main{margin:1rem;padding:1rem}}',
].join('');

/** The rosette mark (client/public/favicon.svg), drawn inline: the page loads nothing. */
const MARK = '<svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false"><circle cx="16" cy="16" r="14" fill="#c8102e"/><circle cx="16" cy="16" r="7" fill="#fff"/><circle cx="16" cy="16" r="3.5" fill="#c8102e"/></svg>';

/** The Content-Security-Policy of the maintenance page: nothing but its own inline style. */
export const MAINTENANCE_PAGE_CSP = `default-src 'none'; style-src 'sha256-${crypto.createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

export interface MaintenancePageContent {
  /** The admin's message, or null for the standard sentence. */
  message: string | null;
  /** ISO 8601, or null when nobody said. */
  expectedBackAt: string | null;
}

/**
 * The HTML maintenance page, in Rosette's look: the admin's message and the expected return in UK time
 * (the zone said). Everything the admin typed is escaped. A campaigner whose browser has the editor
 * installed (the service worker) does not see it: the editor opens from the browser's copy instead.
 * It does not reload itself (a timed refresh moves a screen reader's reading back to the top, and
 * axe-core counts it a critical failure, WCAG 2.2.1): a link loads it again when the reader chooses.
 */
export function maintenancePage(content: MaintenancePageContent): string {
  const message = content.message ?? 'Rosette is taking a short break to cope with a rush. Please try again in a few minutes.';
  const back = content.expectedBackAt ? new Date(content.expectedBackAt) : null;
  const ukTime = back ? formatUkTime(content.expectedBackAt) : null;
  const backLine = back && ukTime ? `<p class="back">We expect to be back on <time datetime="${escapeHtml(back.toISOString())}">${escapeHtml(ukTime)}</time>.</p>` : '';
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="theme-color" content="#a50d23">
<title>Rosette: back soon</title>
<style>${STYLE}</style>
</head>
<body>
<header>${MARK}<span>Rosette</span></header>
<main>
<h1>Rosette is in maintenance</h1>
<p>${escapeHtml(message)}</p>
${backLine}
<p><a href="">Try again now</a></p>
<p class="note">Print jobs we have already accepted are safe and will be printed. Links to finished PDFs keep working. If you have opened the editor in this browser before, it opens as usual and you can keep editing: a leaflet you send is kept in this browser and sent when Rosette is back.</p>
</main>
</body>
</html>
`;
}
