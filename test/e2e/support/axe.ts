import fs from 'node:fs';
import type { Page } from 'playwright-core';

/** axe-core's own build, from node_modules: injected into the page under test, nothing downloaded. */
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The impacts that fail a test: axe's "serious" and "critical". */
const FAILING = new Set(['serious', 'critical']);

/** One violation, as axe names it. */
interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/**
 * Runs axe-core (the maintained rules engine: WCAG 2.x A and AA, plus its best practices) on the page
 * as it is now, and answers one line per serious or critical violation: rule id, impact, what it asks
 * and the elements (CSS selectors) that break it. Empty when there is none.
 *
 * The source is evaluated through the DevTools protocol, so the page's Content-Security-Policy, which
 * allows no inline script, stays on while axe runs (an injected script tag would need it off).
 */
export async function seriousAxeViolations(page: Page, where: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations
    .filter((v) => FAILING.has(v.impact ?? ''))
    .map((v) => `${where}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.map((n) => n.target.map(String).join(' > ')).join(', ')}`);
}
