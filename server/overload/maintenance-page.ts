import crypto from 'node:crypto';
import { escapeHtml } from '../http/escape-html';

/** The page's only style, allowed by its hash in the Content-Security-Policy (no inline anything else). */
const STYLE = 'body{font:1.1rem/1.5 system-ui,sans-serif;max-width:36rem;margin:10vh auto;padding:0 1rem;color:#222}h1{font-size:1.6rem}p.note{color:#555}';

/** The Content-Security-Policy of the maintenance page: nothing but its own inline style. */
export const MAINTENANCE_PAGE_CSP = `default-src 'none'; style-src 'sha256-${crypto.createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

export interface MaintenancePageContent {
  /** The admin's message, or null for the standard sentence. */
  message: string | null;
  /** ISO 8601, or null when nobody said. */
  expectedBackAt: string | null;
  /** Seconds after which the browser loads the page again. */
  refreshSeconds: number;
}

/** The HTML maintenance page. Everything the admin typed is escaped. */
export function maintenancePage(content: MaintenancePageContent): string {
  const message = content.message ?? 'Rosette is taking a short break to cope with a rush. Please try again in a few minutes.';
  const back = content.expectedBackAt ? new Date(content.expectedBackAt) : null;
  const backLine =
    back && !Number.isNaN(back.getTime())
      ? `<p>We expect to be back at <time datetime="${escapeHtml(back.toISOString())}">${escapeHtml(back.toUTCString())}</time>.</p>`
      : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${Math.max(5, Math.round(content.refreshSeconds))}">
<title>Rosette: back soon</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Back soon</h1>
<p>${escapeHtml(message)}</p>
${backLine}
<p class="note">Print jobs we have already accepted are safe and will be printed. Links to finished PDFs keep working.</p>
</body>
</html>
`;
}
