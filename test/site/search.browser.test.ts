/**
 * The search page in a real browser (Debian chromium through playwright-core),
 * against the built site served over HTTP the way a static host serves it.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { collectPageErrors, launchChromium } from '../setup/chromium.ts';
import { normaliseText, pickSearchTarget, readPaperEntries } from '../setup/content.ts';
import { BUILDS } from '../setup/site-builds.ts';
import { serveStatic, type StaticServer } from '../setup/static-server.ts';

const repoRoot = inject('repoRoot');
const siteDirs = inject('siteDirs');
const { paper, word } = pickSearchTarget(await readPaperEntries(repoRoot));

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(BUILDS)('search on the site built with base $basePath', (build) => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(siteDirs[build.name], build.basePath);
  });
  afterAll(async () => {
    await server?.close();
  });

  test(`finds "${paper.title}" by the title word "${word}" and opens its page`, async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const errors = collectPageErrors(page);
      const paperPath = `${build.basePath}papers/${paper.slug}/`;

      try {
        const response = await page.goto(new URL('search/', server.url).href);
        expect(response?.status()).toBe(200);
        await page.locator('pagefind-input input').fill(word);

        const results = page.locator('pagefind-results a[href]');
        await results.first().waitFor();
        const hrefs = await results.evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
        const target = hrefs.findIndex((href) => new URL(href).pathname === paperPath);
        expect(target, `results ${JSON.stringify(hrefs)} include ${paperPath}`).toBeGreaterThanOrEqual(0);

        await Promise.all([page.waitForURL((url) => url.pathname === paperPath), results.nth(target).click()]);
        expect(normaliseText((await page.locator('h1').textContent()) ?? '')).toBe(normaliseText(paper.title));
      } catch (error) {
        // What the page reported is usually the reason (a missing script, a failed fetch).
        if (errors.length > 0 && error instanceof Error) error.message += `\nThe page reported:\n${errors.join('\n')}`;
        throw error;
      }
      expect(errors, 'page errors').toEqual([]);
    } finally {
      await context.close();
    }
  });
});
