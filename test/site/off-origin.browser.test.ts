/**
 * The site works offline from its own origin: in headless chromium, loading the
 * home page, a theme page, a paper page, /search/ with a query typed, /my-list/
 * and /papers/ (root build) requests nothing from any other origin: no web fonts,
 * scripts, styles, images, analytics, anything.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { collectPageErrors, launchChromium } from '../setup/chromium.ts';
import { pickSearchTarget, readPaperEntries } from '../setup/content.ts';
import { BUILDS } from '../setup/site-builds.ts';
import { serveStatic, type StaticServer } from '../setup/static-server.ts';

const repoRoot = inject('repoRoot');
const siteDirs = inject('siteDirs');
const root = BUILDS.find((build) => build.name === 'root')!;
const { paper, word } = pickSearchTarget(await readPaperEntries(repoRoot));

let browser: Browser;
let server: StaticServer;
beforeAll(async () => {
  browser = await launchChromium();
  server = await serveStatic(siteDirs[root.name], root.basePath);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Schemes that stay inside the browser. */
const LOCAL_SCHEME = /^(data|blob|about|chrome-extension):/;

const PAGES: { path: string; then?: (page: Page) => Promise<void> }[] = [
  { path: '' },
  { path: `themes/${paper.mainTheme}/` },
  { path: `papers/${paper.slug}/` },
  {
    path: 'search/',
    then: async (page) => {
      await page.locator('#search-q').fill(word);
      await page.locator('[data-search-results] .paper-item__title a').first().waitFor();
    },
  },
  { path: 'my-list/' },
  { path: 'papers/' },
];

test('no page requests anything from another origin', async () => {
  const context = await browser.newContext();
  // Every request of the context: pages, workers, service workers.
  const requests: { url: string; type: string; page: string }[] = [];
  let current = '';
  context.on('request', (request) => requests.push({ url: request.url(), type: request.resourceType(), page: current }));
  // Anything leaving the origin is recorded above and never reaches the network.
  await context.route(
    (url) => url.origin !== server.origin && !LOCAL_SCHEME.test(url.href),
    (route) => route.abort('blockedbyclient'),
  );
  const sockets: string[] = [];
  let errors: string[] = [];
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('websocket', (socket) => sockets.push(socket.url()));
    errors = collectPageErrors(page);
    for (const { path, then } of PAGES) {
      current = `/${path}`;
      const response = await page.goto(new URL(path, server.url).href, { waitUntil: 'load' });
      expect(response?.status(), current).toBe(200);
      await then?.(page);
      // Late requests too: lazy images, scripts loading more scripts, the search index.
      await page.waitForLoadState('networkidle');
    }
  } finally {
    await context.close();
  }

  const offOrigin = requests
    .filter(({ url }) => !LOCAL_SCHEME.test(url) && new URL(url).origin !== server.origin)
    .map(({ url, type, page }) => `${type} ${url} (on ${page})`);
  expect(offOrigin, 'requests to another origin').toEqual([]);
  expect(sockets, 'WebSockets opened').toEqual([]);
  expect(errors, 'page errors').toEqual([]);
  // The recorder saw what the pages really load: styles, scripts and the search index.
  const types = new Set(requests.map(({ type }) => type));
  expect([...types]).toEqual(expect.arrayContaining(['document', 'stylesheet', 'script']));
  expect(requests.some(({ url }) => url.endsWith('.pf_fragment'))).toBe(true);
  expect(new Set(requests.filter(({ type }) => type === 'document').map(({ page }) => page))).toEqual(
    new Set(PAGES.map(({ path }) => `/${path}`)),
  );
});
