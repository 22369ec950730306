/** axe-core in a page of the built site: what it finds wrong, and the rules it checked. */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface AxeReport {
  /** `rule (impact): first targets`, one a rule broken. */
  violations: string[];
  /** The rules that passed: a check that axe really ran (colour contrast included). */
  passed: string[];
}

export async function runAxe(page: Page): Promise<AxeReport> {
  await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async () => {
    type Rule = { id: string; impact: string; nodes: { target: string[] }[] };
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Rule[]; passes: Rule[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return {
      violations: result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`),
      passed: result.passes.map((rule) => rule.id),
    };
  });
}
