/**
 * "Deploy anywhere, search offline", in a real browser (Debian chromium):
 *  - the hosted site: after a first visit its service worker (<base>sw.js, written by
 *    scripts/index-search.ts) has cached the site and the whole search index, so with the
 *    browser offline /search/ reloads, finds papers by words never searched online, and a
 *    result opens;
 *  - a new deploy: its worker replaces the previous one and its cache, so readers offline
 *    get the new pages;
 *  - search results whose files fail to download: the worker installs all the same, and
 *    offline, search shows the other results and says what it could not load;
 *  - the downloaded site: dist/ copied to another folder and served by a fresh plain
 *    static server works, search included, without any request leaving that server.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { collectPageErrors, launchChromium, reportingPageErrors } from '../setup/chromium.ts';
import { normaliseText, pickSearchTarget, readPaperEntries, type PaperEntry } from '../setup/content.ts';
import { runStep } from '../setup/build-site.ts';
import { copyProject } from '../setup/fixture-site.ts';
import { BUILDS } from '../setup/site-builds.ts';
import { serveStatic, type StaticServer } from '../setup/static-server.ts';

const repoRoot = inject('repoRoot');
const siteDirs = inject('siteDirs');
const papers = await readPaperEntries(repoRoot);
// Two papers, each found by a word of its title: the first searched online, the second only offline.
const first = pickSearchTarget(papers);
const second = pickSearchTarget(papers.filter((paper) => paper !== first.paper));

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Searches `word` on the open /search/ page, opens the result for `paper` and checks its title. */
async function searchAndOpen(page: Page, basePath: string, word: string, paper: PaperEntry) {
  const paperPath = `${basePath}papers/${paper.slug}/`;
  await page.locator('#search-q').fill(word);
  const results = page.locator('[data-search-results] .paper-item__title a');
  await results.first().waitFor();
  const hrefs = await results.evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
  const target = hrefs.findIndex((href) => new URL(href).pathname === paperPath);
  expect(target, `results for "${word}" ${JSON.stringify(hrefs)} include ${paperPath}`).toBeGreaterThanOrEqual(0);
  await Promise.all([page.waitForURL((url) => url.pathname === paperPath), results.nth(target).click()]);
  expect(normaliseText((await page.locator('h1').textContent()) ?? '')).toBe(normaliseText(paper.title));
}

/** The precache list sw.js was built with. */
async function manifestOf(dir: string): Promise<{ version: string; core: string[]; fragments: string[]; pages: string[] }> {
  const source = await readFile(join(dir, 'sw.js'), 'utf8');
  const line = /^const MANIFEST = (.*);$/m.exec(source)?.[1];
  expect(line, 'sw.js starts with its MANIFEST').toBeDefined();
  return JSON.parse(line!);
}

/**
 * Waits until a service worker is active and controls `page`, then reports it and
 * every cache of the origin with the URLs it holds.
 */
async function controllingWorker(page: Page) {
  return page.evaluate(async () => {
    const timeout = (what: string) =>
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no service worker ${what} within 20 s`)), 20_000));
    const registration = await Promise.race([navigator.serviceWorker.ready, timeout('active')]);
    if (!navigator.serviceWorker.controller) {
      const controlled = new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      await Promise.race([controlled, timeout('controlling the page')]);
    }
    const names = await caches.keys();
    const cached = await Promise.all(names.map(async (name) => (await (await caches.open(name)).keys()).map((request) => request.url)));
    return { scope: registration.scope, script: registration.active?.scriptURL, names, cached: cached.flat() };
  });
}

/** A first visit: opens the home page, whose script registers the worker, and waits until the worker controls it. */
async function firstVisit(page: Page, server: StaticServer) {
  expect((await page.goto(server.url))?.status()).toBe(200);
  return controllingWorker(page);
}

/** Runs `body` on a copy of the built site (root base), removed after. */
async function withSiteCopy(prefix: string, body: (site: string) => Promise<void>): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), prefix));
  try {
    const site = join(folder, 'site');
    await cp(siteDirs.root!, site, { recursive: true });
    await body(site);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * Serves `dir` under `basePath`, opens a page in a fresh context (so a fresh service
 * worker) and runs `visit`; then fails on any page error but those `expectedError`
 * accepts, and closes everything.
 */
async function visitServed(
  dir: string,
  basePath: string,
  visit: (page: Page, context: BrowserContext, server: StaticServer) => Promise<void>,
  expectedError: (error: string) => boolean = () => false,
) {
  const server = await serveStatic(dir, basePath);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const errors = collectPageErrors(page);
    await reportingPageErrors(errors, () => visit(page, context, server));
    expect(errors.filter((error) => !expectedError(error)), 'page errors').toEqual([]);
  } finally {
    await context.close();
    await server.close();
  }
}

// The two builds side by side (one browser, a context and a server each): most of the time is the precaching.
describe('offline, after a first visit', () => {
  test.concurrent.each(BUILDS)(`base $basePath: search finds "${second.word}" and opens "${second.paper.title}"`, async (build) => {
    const manifest = await manifestOf(siteDirs[build.name]!);
    // A page the site does not have, visited offline, answers 503 (and the console says so).
    const expected503 = (error: string) => error.includes('/papers/no-such-paper/') && error.includes('503');
    await visitServed(
      siteDirs[build.name]!,
      build.basePath,
      async (page, context, server) => {
        // First visit: the home page registers the worker, which precaches and takes the page over.
        const worker = await firstVisit(page, server);
        expect(worker.scope).toBe(server.url);
        expect(worker.script).toBe(new URL('sw.js', server.url).href);
        expect(worker.names).toEqual([`reading-list:${build.basePath}:${manifest.version}`]);
        // Every listed file is cached: the shell, the whole Pagefind index and every page.
        const expected = [...manifest.core, ...manifest.fragments, ...manifest.pages].map((path) => new URL(path, server.url).href);
        expect(expected).toContain(new URL(`papers/${second.paper.slug}/`, server.url).href);
        expect(expected).toContain(new URL('pagefind/pagefind-entry.json', server.url).href);
        expect(expected.filter((url) => !worker.cached.includes(url))).toEqual([]);

        expect((await page.goto(new URL('search/', server.url).href))?.status()).toBe(200);
        await searchAndOpen(page, build.basePath, first.word, first.paper);

        await context.setOffline(true);
        expect((await page.goto(new URL('search/', server.url).href))?.status()).toBe(200);
        await page.reload();
        // A word never searched online: its index chunk and fragment come from the precache.
        await searchAndOpen(page, build.basePath, second.word, second.paper);
        // Offline, a page the site does not have: the worker's own notice, not the browser's error page.
        const missing = await page.goto(new URL('papers/no-such-paper/', server.url).href);
        expect(missing?.status()).toBe(503);
        await expect(page.locator('h1').textContent()).resolves.toBe('You are offline');
      },
      expected503,
    );
  });
});

describe('a new deploy', () => {
  test('replaces the cache of the previous one, and pages read offline are the new ones', async () => {
    await withSiteCopy('reading-list-redeploy-', async (site) => {
      await visitServed(site, '/', async (page, context, server) => {
        const before = await firstVisit(page, server);
        expect(before.names).toEqual([`reading-list:/:${(await manifestOf(site)).version}`]);

        // The next deploy: a changed home page, and sw.js written again for the new files.
        const home = join(site, 'index.html');
        await writeFile(home, (await readFile(home, 'utf8')).replace('</h1>', ' (deploy 2)</h1>'));
        await runStep({ label: 'index search (redeploy)', command: process.execPath, args: ['scripts/index-search.ts', site] });
        const next = await manifestOf(site);
        expect(next.version).not.toBe((await manifestOf(siteDirs.root!)).version);

        // A visit checks for a new worker; once it has taken over, only its cache is left.
        await page.reload();
        await expect
          .poll(async () => page.evaluate(() => caches.keys()), { timeout: 20_000 })
          .toEqual([`reading-list:/:${next.version}`]);
        await context.setOffline(true);
        await page.reload();
        await expect(page.locator('h1').first().textContent()).resolves.toContain('(deploy 2)');
      });
    });
  });
});

describe('a list too large to save whole on a first visit', () => {
  test('the worker saves the shell and the search index, and then each page as it is read', async () => {
    // The same site, with SITE.precachePagesUpTo below its pages' weight: its sw.js written again by the project's script.
    const project = await copyProject('reading-list-budget-');
    const site = join(project, 'site');
    await cp(siteDirs.root!, site, { recursive: true });
    const config = join(project, 'src/config.ts');
    await writeFile(config, (await readFile(config, 'utf8')).replace(/precachePagesUpTo: [\d_]+/, 'precachePagesUpTo: 1000'));
    await runStep({ label: 'index search (small budget)', cwd: project, command: process.execPath, args: ['scripts/index-search.ts', site] });
    const manifest = await manifestOf(site);
    expect(manifest.pages).toEqual([]);
    expect(manifest.core).toContain('pagefind/pagefind.js');

    try {
      await visitServed(
        site,
        '/',
        async (page, context, server) => {
          const worker = await firstVisit(page, server);
          const read = new URL(`papers/${first.paper.slug}/`, server.url).href;
          const unread = new URL(`papers/${second.paper.slug}/`, server.url).href;
          expect(worker.cached).not.toContain(read);
          expect((await page.goto(read))?.status()).toBe(200);

          await context.setOffline(true);
          expect((await page.goto(read))?.status()).toBe(200);
          expect(normaliseText((await page.locator('h1').textContent()) ?? '')).toBe(normaliseText(first.paper.title));
          expect((await page.goto(unread))?.status()).toBe(503);
          expect((await page.goto(new URL('search/', server.url).href))?.status()).toBe(200);
          await searchAndOpen(page, '/', first.word, first.paper);
        },
        (error) => error.includes(`/papers/${second.paper.slug}/`) && error.includes('503'),
      );
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });
});

/** The Pagefind fragments of `site` (paths under it) by the page each is for: `/papers/<slug>/` -> path. */
async function fragmentsOf(site: string): Promise<Map<string, string>> {
  const folder = join(site, 'pagefind/fragment');
  const fragments = new Map<string, string>();
  for (const name of await readdir(folder)) {
    const json = gunzipSync(await readFile(join(folder, name))).toString('utf8').replace(/^pagefind_dcd/, '');
    fragments.set((JSON.parse(json) as { url: string }).url, `pagefind/fragment/${name}`);
  }
  return fragments;
}

describe('search results that fail to download on the first visit', () => {
  test('cost the reader those results offline, not the rest of the offline site', async () => {
    await withSiteCopy('reading-list-fragment-', async (site) => {
      // Listed in sw.js but gone from the server: requests that fail while the worker installs. Eight
      // of them: the browser has six connections to the server, which a failure must not keep busy.
      const fragments = await fragmentsOf(site);
      const firstFragment = fragments.get(`/papers/${first.paper.slug}/`);
      const secondFragment = fragments.get(`/papers/${second.paper.slug}/`)!;
      const gone = [secondFragment, ...[...fragments.values()].filter((path) => path !== firstFragment && path !== secondFragment).slice(0, 7)];
      expect((await manifestOf(site)).fragments).toEqual(expect.arrayContaining(gone));
      for (const path of gone) await rm(join(site, path));
      await visitServed(
        site,
        '/',
        async (page, context, server) => {
          const worker = await firstVisit(page, server);
          expect(gone.map((path) => new URL(path, server.url).href).filter((url) => worker.cached.includes(url))).toEqual([]);
          expect(worker.cached).toContain(new URL(`papers/${second.paper.slug}/`, server.url).href);

          await context.setOffline(true);
          expect((await page.goto(new URL('search/', server.url).href))?.status()).toBe(200);
          await searchAndOpen(page, '/', first.word, first.paper);
          expect((await page.goto(new URL('search/', server.url).href))?.status()).toBe(200);
          await page.locator('#search-q').fill(second.word);
          await expect
            .poll(() => page.locator('[data-search-status]').textContent())
            .toBe(`1 paper matches “${second.word}”. It could not be loaded; try again later.`);
          expect(await page.locator('[data-search-results] li').count()).toBe(0);
          // Its page was saved: it still reads offline.
          expect((await page.goto(new URL(`papers/${second.paper.slug}/`, server.url).href))?.status()).toBe(200);
        },
        (error) => error.includes(secondFragment),
      );
    });
  });
});

describe('the downloaded site: dist/ copied elsewhere and served by a plain static server', () => {
  let folder: string;
  let server: StaticServer;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'reading-list-download-'));
    await cp(siteDirs.root!, join(folder, 'site'), { recursive: true });
    server = await serveStatic(join(folder, 'site'), '/');
  });
  afterAll(async () => {
    await server?.close();
    await rm(folder, { recursive: true, force: true });
  });

  test('home, a paper page and search work, with no request leaving the server', async () => {
    // No service worker: this is the plain static copy, on its own.
    const context = await browser.newContext({ serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const errors = collectPageErrors(page);
      const elsewhere: string[] = [];
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(server.origin + '/')) return route.continue();
        elsewhere.push(url);
        return route.abort();
      });
      await reportingPageErrors(errors, async () => {
        expect((await page.goto(server.url))?.status()).toBe(200);
        await expect(page.locator('h1').count()).resolves.toBeGreaterThan(0);
        const paperUrl = new URL(`papers/${first.paper.slug}/`, server.url).href;
        expect((await page.goto(paperUrl))?.status()).toBe(200);
        expect(normaliseText((await page.locator('h1').textContent()) ?? '')).toBe(normaliseText(first.paper.title));
        expect((await page.goto(new URL('search/', server.url).href))?.status()).toBe(200);
        await searchAndOpen(page, '/', second.word, second.paper);
      });
      expect(elsewhere, 'requests to other hosts').toEqual([]);
      expect(errors, 'page errors').toEqual([]);
    } finally {
      await context.close();
    }
  });
});
