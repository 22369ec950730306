/**
 * The offline build (`npm run build:offline`), opened from disk as a reader who
 * unzipped it would:
 *  - on disk: every page links only to files that exist, by relative paths (file://
 *    has no site root and shows folders as listings), and loads no module script
 *    (blocked on file://); the zip holds the same files; offline-data.js holds every paper;
 *  - in chromium, on file:// URLs: home -> a theme -> a paper; a search from the header
 *    form, whose result opens; a paper marked "to read" shows on My list and opens from
 *    there. No request leaves file://, and no page reports an error.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import { unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { OfflineData } from '../../src/lib/offline/data.ts';
import { collectPageErrors, launchChromium, reportingPageErrors } from '../setup/chromium.ts';
import { normaliseText, pickSearchTarget, readPaperEntries, type PaperEntry } from '../setup/content.ts';
import { listBuiltFiles, readHtml, referencesIn } from '../setup/dist.ts';

const repoRoot = inject('repoRoot');
const offlineDir = inject('offlineDir');
const papers = await readPaperEntries(repoRoot);
const pages = await listBuiltFiles(offlineDir, '.html');

describe('the offline build on disk', () => {
  test('every link of every page is relative and names a file of the build', async () => {
    const problems: string[] = [];
    let checked = 0;
    for (const file of pages) {
      const page = await readHtml(offlineDir, file);
      for (const { where, value } of referencesIn(page)) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('#')) continue; // another site, mailto:, this page
        if (value.startsWith('/')) {
          problems.push(`${file}: ${where} "${value}" is root-relative`);
          continue;
        }
        const target = new URL(value, pathToFileURL(join(offlineDir, file)));
        const path = decodeURIComponent(target.pathname);
        if (!existsSync(path) || !statSync(path).isFile()) problems.push(`${file}: ${where} "${value}" names no file`);
        checked += 1;
      }
      if (page.querySelector('script[type="module"]')) problems.push(`${file}: loads a module script`);
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(pages.length * 10);
  });

  test('offline-data.js sets every paper with its exact title', async () => {
    const sandbox: { self?: unknown; readingListOffline?: OfflineData } = {};
    sandbox.self = sandbox;
    runInNewContext(await readFile(join(offlineDir, 'offline-data.js'), 'utf8'), sandbox);
    const bySlug = new Map(sandbox.readingListOffline!.papers.map((paper) => [paper.slug, paper.title]));
    expect(bySlug.size).toBe(papers.length);
    for (const paper of papers) expect(bySlug.get(paper.slug), paper.file).toBe(paper.title);
  });

  test('the zip holds the folder, byte for byte, under reading-list/', async () => {
    const zipped = unzipSync(new Uint8Array(await readFile(`${offlineDir}.zip`)));
    const files = await listBuiltFiles(offlineDir, '');
    expect(Object.keys(zipped).sort()).toEqual(files.map((file) => `reading-list/${file}`));
    for (const file of files) {
      expect(Buffer.from(zipped[`reading-list/${file}`]!).equals(await readFile(join(offlineDir, file))), file).toBe(true);
    }
  });
});

describe('the offline build opened from disk in chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const homeUrl = pathToFileURL(join(offlineDir, 'index.html')).href;
  const h1 = async (page: Page) => normaliseText((await page.locator('h1').textContent()) ?? '');

  /**
   * Reloads `page` until `read` gives `expected` (what the page shows of the reader's
   * storage). Chromium hands a change to a file:// page's storage over to other pages
   * asynchronously (under load, after the next page has read it); a reader coming back
   * finds it.
   */
  async function afterReloads<T>(page: Page, read: () => Promise<T>, expected: T): Promise<void> {
    await expect
      .poll(
        async () => {
          const value = await read();
          if (value !== expected) await page.reload();
          return value;
        },
        { timeout: 10_000, interval: 250 },
      )
      .toBe(expected);
  }

  /** Opens `paper`'s page and marks it with `status` (one of its status buttons). */
  async function markOnItsPage(page: Page, paper: PaperEntry, status: string): Promise<void> {
    await page.goto(pathToFileURL(join(offlineDir, 'papers', paper.slug, 'index.html')).href);
    const button = page.locator(`button[data-status="${status}"]`);
    await button.click();
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
  }

  /** Runs `visit` on a new page; then no request may have left file:// and no page may have reported an error. */
  async function onDisk(visit: (page: Page) => Promise<void>): Promise<void> {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      const errors = collectPageErrors(page);
      await reportingPageErrors(errors, () => visit(page));
      expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }

  test('home -> a theme -> a paper', async () => {
    const paper = papers[0]!;
    await onDisk(async (page) => {
      await page.goto(homeUrl);
      const themeLink = page.locator(`main a[href="./themes/${paper.mainTheme}/index.html"]`).first();
      await Promise.all([page.waitForURL(`**/themes/${paper.mainTheme}/index.html`), themeLink.click()]);
      const first = page.locator('.paper-item__title a').first();
      const title = normaliseText((await first.textContent()) ?? '');
      await Promise.all([page.waitForURL('**/papers/*/index.html'), first.click()]);
      expect(await h1(page)).toBe(title);
    });
  });

  const target = pickSearchTarget(papers);
  test(`the header search finds "${target.word}" and opens "${target.paper.title}"`, async () => {
    await onDisk(async (page) => {
      await page.goto(homeUrl);
      await page.locator('#header-search-q').fill(target.word);
      await Promise.all([page.waitForURL('**/search/index.html?q=*'), page.locator('#header-search-q').press('Enter')]);
      const result = page.locator(`[data-search-results] a[href$="papers/${target.paper.slug}/index.html"]`);
      await expect.poll(() => page.locator('[data-search-status]').textContent()).toMatch(/match/);
      // The address holds the order chosen too: a reload gives the same search.
      await page.locator('#search-sort').selectOption('upvotes:desc');
      await expect.poll(() => Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ q: target.word, sort: 'upvotes:desc' });
      await page.reload();
      expect([await page.locator('#search-q').inputValue(), await page.locator('#search-sort').inputValue()]).toEqual([target.word, 'upvotes:desc']);
      await Promise.all([page.waitForURL(`**/papers/${target.paper.slug}/index.html`), result.click()]);
      expect(await h1(page)).toBe(normaliseText(target.paper.title));
    });
  });

  test('a paper marked "read" counts in its theme\'s progress on the home page', async () => {
    const paper = papers[2]!;
    await onDisk(async (page) => {
      await markOnItsPage(page, paper, 'read');
      await page.goto(homeUrl);
      const bar = page.locator(`[data-theme-progress="${paper.mainTheme}"] progress`);
      await afterReloads(page, async () => ((await bar.isVisible()) ? bar.evaluate((progress) => (progress as HTMLProgressElement).value) : 0), 1);
    });
  });

  test('a paper marked "to read" is on My list, and opens from there', async () => {
    const paper = papers[1]!;
    await onDisk(async (page) => {
      await markOnItsPage(page, paper, 'to-read');
      await Promise.all([page.waitForURL('**/my-list/index.html'), page.locator('header a', { hasText: 'My list' }).click()]);
      const groups = page.locator('[data-my-list-groups]');
      await afterReloads(page, async () => ((await groups.textContent()) ?? '').includes(paper.title), true);
      const link = groups.locator(`a[href$="papers/${paper.slug}/index.html"]`);
      await Promise.all([page.waitForURL(`**/papers/${paper.slug}/index.html`), link.click()]);
      expect(await h1(page)).toBe(normaliseText(paper.title));
    });
  });
});
