import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/**
 * Accessibility scans with axe-core, injected into the page as its own script (the @axe-core/playwright
 * wrapper needs Node 22). `seriousViolations` answers what a person would trip over: the serious and
 * critical findings of the WCAG 2.x A/AA rules, each as "rule: target" lines, so a failing assertion
 * names them.
 */

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
}

/** Serious and critical WCAG A/AA violations on the page as it is now (inside `include`, if given). */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern (a
  // <script> tag added to the page would be an inline script the policy refuses, as it should).
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(`${axeSource}\n;undefined`);
  const result = (await page.evaluate(`window.axe.run(${include ? JSON.stringify(include) : 'document'}, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    resultTypes: ['violations'],
  })`)) as AxeResult;
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.map(String).join(' ')}`));
}
