import type { BrowserContext } from 'playwright-core';
import { expect } from 'vitest';
import { collectPageErrors, reportingPageErrors } from './chromium.ts';
import { normaliseText, type PaperEntry } from './content.ts';

/**
 * What a reader does on a served site: open `<siteUrl>search/`, type `word`, find
 * `paper` among the results and open it, landing on its page with its title in
 * <h1>. Fails on any page error, and then says what the page reported.
 */
export async function searchAndOpen(context: BrowserContext, siteUrl: string, basePath: string, paper: PaperEntry, word: string): Promise<void> {
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors = collectPageErrors(page);
  const paperPath = `${basePath}papers/${paper.slug}/`;
  await reportingPageErrors(errors, async () => {
    const response = await page.goto(new URL('search/', siteUrl).href);
    expect(response?.status()).toBe(200);
    await page.locator('#search-q').fill(word);
    const results = page.locator('[data-search-results] .paper-item__title a');
    await results.first().waitFor();
    const hrefs = await results.evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    const target = hrefs.findIndex((href) => new URL(href).pathname === paperPath);
    expect(target, `results ${JSON.stringify(hrefs)} include ${paperPath}`).toBeGreaterThanOrEqual(0);
    await Promise.all([page.waitForURL((url) => url.pathname === paperPath), results.nth(target).click()]);
    expect(normaliseText((await page.locator('h1').textContent()) ?? '')).toBe(normaliseText(paper.title));
  });
  expect(errors, 'page errors').toEqual([]);
}
