/**
 * Runs axe-core in the page. `@axe-core/playwright` can't be installed on Node 20, so the
 * library's own bundle is injected; the page's CSP forbids inline scripts, hence the test
 * files that use this set `bypassCSP`.
 */
import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; html: string }[];
}

export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function expectNoSeriousViolations(page: Page, view: string): Promise<void> {
  const serious = await seriousViolations(page);
  const report = serious.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.html).slice(0, 3).join('\n  ')}`);
  expect(report, `axe found serious or critical problems in ${view}`).toEqual([]);
}
