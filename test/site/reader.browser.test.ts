/**
 * The reader's layer in a real browser (Debian chromium through playwright-core):
 * tracking papers (status, star) through the paper page, list badges, the home
 * progress bars, /my-list/ with export and import; the light/dark toggle; keyboard
 * use; axe-core in both colour schemes; and pages without JavaScript.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { collectPageErrors, launchChromium, reportingPageErrors } from '../setup/chromium.ts';
import { BUILDS } from '../setup/site-builds.ts';
import { serveStatic, type StaticServer } from '../setup/static-server.ts';
import { runAxe } from '../setup/axe.ts';

const siteDirs = inject('siteDirs');
const FIRST_THEME = 'skills';

let browser: Browser;
let downloads: string;
beforeAll(async () => {
  browser = await launchChromium();
  downloads = await mkdtemp(join(tmpdir(), 'reading-list-export-'));
});
afterAll(async () => {
  await browser?.close();
  if (downloads) await rm(downloads, { recursive: true, force: true });
});

/** Runs `body` in a fresh context and page; fails on any page error. */
async function withPage(
  options: Parameters<Browser['newContext']>[0],
  body: (page: Page, context: BrowserContext) => Promise<void>,
  allowErrors: (error: string) => boolean = () => false,
) {
  const context = await browser.newContext(options);
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const errors = collectPageErrors(page);
    await reportingPageErrors(errors, () => body(page, context));
    expect(errors.filter((error) => !allowErrors(error)), 'page errors').toEqual([]);
  } finally {
    await context.close();
  }
}

/** The number shown for a theme on the home page: "N of M read". */
async function progressOf(page: Page, theme: string): Promise<{ text: string; value: number; max: number }> {
  const box = page.locator(`[data-theme-progress="${theme}"]`);
  await box.waitFor({ state: 'visible' });
  const bar = box.locator('progress');
  return {
    text: (await box.locator('[data-progress-text]').textContent()) ?? '',
    value: Number(await bar.evaluate((el) => (el as HTMLProgressElement).value)),
    max: Number(await bar.evaluate((el) => (el as HTMLProgressElement).max)),
  };
}

const base = BUILDS.find((build) => build.name === 'base')!;
const root = BUILDS.find((build) => build.name === 'root')!;

describe(`tracking a paper (site under ${base.basePath})`, () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(siteDirs[base.name], base.basePath);
  });
  afterAll(async () => {
    await server?.close();
  });

  test('mark read on the paper page -> theme badge, home progress, /my-list/; export and import into a fresh browser', async () => {
    let exportFile = '';
    let slug = '';
    await withPage({ acceptDownloads: true }, async (page) => {
      // The first paper listed on the theme page, and the home progress before.
      await page.goto(new URL('', server.url).href);
      const before = await progressOf(page, FIRST_THEME);
      expect(before.text).toMatch(/^0 of \d+ read$/);
      expect(before.value).toBe(0);

      await page.goto(new URL(`themes/${FIRST_THEME}/`, server.url).href);
      const item = page.locator('[data-paper]').first();
      slug = (await item.getAttribute('data-paper')) ?? '';
      expect(slug).not.toBe('');
      expect(await item.locator('.track-badge').count()).toBe(0);
      await item.locator('a').first().click();
      await page.waitForURL((url) => url.pathname === `${base.basePath}papers/${slug}/`);

      // Mark read and star it.
      const controls = page.locator('[data-track-controls]');
      await controls.waitFor({ state: 'visible' });
      const read = controls.getByRole('button', { name: 'Read', exact: true });
      await read.click();
      await expect.poll(() => read.getAttribute('aria-pressed')).toBe('true');
      await expect.poll(() => controls.locator('[role=status]').textContent()).toBe('Marked as read.');
      const star = controls.getByRole('button', { name: 'Star' });
      await star.click();
      await expect.poll(() => star.getAttribute('aria-pressed')).toBe('true');
      // Only one status at a time.
      await controls.getByRole('button', { name: 'Reading', exact: true }).click();
      await expect.poll(() => read.getAttribute('aria-pressed')).toBe('false');
      await read.click();
      await expect.poll(() => read.getAttribute('aria-pressed')).toBe('true');

      // The state is stored under a key scoped by the base path.
      const stored = await page.evaluate(() => Object.keys(localStorage));
      expect(stored).toContain(`reading-list:v1:${base.basePath}`);

      // Theme page: badges on that paper only.
      await page.goto(new URL(`themes/${FIRST_THEME}/`, server.url).href);
      const badges = page.locator(`[data-paper="${slug}"] .track-badge`);
      await expect.poll(() => badges.allTextContents()).toEqual(['Read', '★ Starred']);
      expect(await page.locator('.track-badge').count()).toBe(2);

      // Home: the theme's progress went up by one.
      await page.goto(new URL('', server.url).href);
      await expect.poll(async () => (await progressOf(page, FIRST_THEME)).value).toBe(1);
      const after = await progressOf(page, FIRST_THEME);
      expect(after.text).toBe(`1 of ${before.max} read`);

      // /my-list/: in the Read group, linking to the paper.
      await page.goto(new URL('my-list/', server.url).href);
      const group = page.locator('section[aria-labelledby="group-read"]');
      await group.waitFor();
      expect(await group.locator('h2').textContent()).toBe('Read (1)');
      const link = group.locator(`[data-paper="${slug}"] h3 a`);
      expect(await link.getAttribute('href')).toBe(`${base.basePath}papers/${slug}/`);

      // Export: a JSON download.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export my list', exact: true }).click()]);
      expect(download.suggestedFilename()).toMatch(/^reading-list-\d{4}-\d{2}-\d{2}\.json$/);
      const file = join(downloads, download.suggestedFilename());
      await download.saveAs(file);
      exportFile = file;
      expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ format: 'reading-list', version: 1, papers: { [slug]: { status: 'read', starred: true } } });
    });

    // A fresh browser profile: empty, then the import restores it.
    await withPage({}, async (page) => {
      await page.goto(new URL('my-list/', server.url).href);
      await expect.poll(() => page.locator('[data-my-list-groups]').textContent()).toMatch(/Your list is empty/);

      // A hostile file is refused with a message and changes nothing.
      const bad = join(downloads, 'bad.json');
      await writeFile(bad, '{"format":"reading-list","version":1,"papers":{"__proto__":{"status":"read"}, "<img src=x onerror=alert(1)>":{"status":"read"}}}');
      await page.setInputFiles('#import-file', bad);
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      const message = page.locator('[data-transfer-message]');
      await expect.poll(() => message.textContent()).toMatch(/^Merged 0 papers from bad\.json into your list\. 2 entries were skipped/);
      const notJson = join(downloads, 'not.json');
      await writeFile(notJson, 'not json at all');
      await page.setInputFiles('#import-file', notJson);
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await expect.poll(() => message.textContent()).toBe('Nothing imported from not.json: The file is not valid JSON.');
      expect(await page.locator('img').count()).toBe(0);

      await page.setInputFiles('#import-file', exportFile);
      await page.getByRole('radio', { name: /Replace/ }).check();
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await expect.poll(() => message.textContent()).toMatch(/^Replaced your list with 1 paper from reading-list-.*\.json\.$/);

      // Replace with a file none of whose entries can be used: the list stays as it was.
      await page.setInputFiles('#import-file', bad);
      await page.getByRole('radio', { name: /Replace/ }).check();
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await expect.poll(() => message.textContent()).toMatch(/^Nothing imported from bad\.json, and your list is unchanged: none of its entries could be used\. 2 entries were skipped/);
      await page.reload();
      await expect.poll(() => page.locator(`section[aria-labelledby="group-read"] [data-paper="${slug}"]`).count()).toBe(1);

      await page.goto(new URL(`papers/${slug}/`, server.url).href);
      await expect.poll(() => page.getByRole('button', { name: 'Read', exact: true }).getAttribute('aria-pressed')).toBe('true');
      await expect.poll(() => page.getByRole('button', { name: 'Star' }).getAttribute('aria-pressed')).toBe('true');
    });
  });

  test('the other build on the same origin keeps its own list', async () => {
    // Same origin, different base: storage keys differ, so nothing leaks between lists.
    await withPage({}, async (page) => {
      await page.goto(new URL('my-list/', server.url).href);
      await page.evaluate(() => localStorage.setItem('reading-list:v1:/', JSON.stringify({ format: 'reading-list', version: 1, papers: { x: { status: 'read' } } })));
      await page.reload();
      await expect.poll(() => page.locator('[data-my-list-groups]').textContent()).toMatch(/Your list is empty/);
    });
  });
});

describe('light and dark, keyboard, axe, no JavaScript', () => {
  let server: StaticServer;
  let paperSlug: string;
  beforeAll(async () => {
    server = await serveStatic(siteDirs[root.name], root.basePath);
    const html = await readFile(join(siteDirs[root.name], 'themes', FIRST_THEME, 'index.html'), 'utf8');
    paperSlug = /data-paper="([^"]+)"/.exec(html)![1]!;
  });
  afterAll(async () => {
    await server?.close();
  });

  const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  test('follows prefers-color-scheme; the header toggle switches and is remembered before first paint', async () => {
    await withPage({ colorScheme: 'dark' }, async (page) => {
      await page.goto(server.url);
      const darkBg = await background(page);
      const toggle = page.locator('[data-theme-toggle]');
      expect(await toggle.getAttribute('aria-pressed')).toBe('true');
      await toggle.click();
      expect(await toggle.getAttribute('aria-pressed')).toBe('false');
      const lightBg = await background(page);
      expect(lightBg).not.toBe(darkBg);
      // Remembered: set on <html> by the inline script before the stylesheet applies.
      await page.goto(new URL(`papers/${paperSlug}/`, server.url).href, { waitUntil: 'commit' });
      await page.waitForSelector('body');
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
      expect(await background(page)).toBe(lightBg);
    });
    await withPage({ colorScheme: 'light' }, async (page) => {
      await page.goto(server.url);
      expect(await page.locator('[data-theme-toggle]').getAttribute('aria-pressed')).toBe('false');
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
    });
  });

  test('keyboard: Tab reaches the status controls and the theme toggle, with a visible focus; Enter and Space operate them', async () => {
    await withPage({ colorScheme: 'light' }, async (page) => {
      await page.goto(new URL(`papers/${paperSlug}/`, server.url).href);
      await page.locator('[data-track-controls]').waitFor({ state: 'visible' });
      const focused = () =>
        page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          const style = el ? getComputedStyle(el) : undefined;
          return {
            key: el?.dataset['status'] ?? (el?.hasAttribute('data-star') ? 'star' : el?.hasAttribute('data-theme-toggle') ? 'theme' : el?.tagName ?? ''),
            outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : '',
          };
        });
      const tabTo = async (key: string) => {
        for (let i = 0; i < 60; i++) {
          await page.keyboard.press('Tab');
          const now = await focused();
          if (now.key === key) return now;
        }
        throw new Error(`Tab never reached ${key}`);
      };

      const toggle = await tabTo('theme');
      expect(toggle.outline).toMatch(/^solid [1-9]/);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      await page.keyboard.press('Space');
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');

      const read = await tabTo('read');
      expect(read.outline).toMatch(/^solid [1-9]/);
      await page.keyboard.press('Enter');
      expect(await page.locator('button[data-status="read"]').getAttribute('aria-pressed')).toBe('true');
      const star = await tabTo('star');
      expect(star.outline).toMatch(/^solid [1-9]/);
      await page.keyboard.press('Space');
      expect(await page.locator('button[data-star]').getAttribute('aria-pressed')).toBe('true');
      await page.keyboard.press('Shift+Tab');
      expect((await focused()).key).toBe('read');
      await page.keyboard.press('Space');
      expect(await page.locator('button[data-status="read"]').getAttribute('aria-pressed')).toBe('false');
    });
  });

  const schemes = [
    { colorScheme: 'light', chosen: undefined },
    { colorScheme: 'dark', chosen: undefined },
    // The toggle against the system: dark chosen on a light system.
    { colorScheme: 'light', chosen: 'dark' },
  ] as const;
  for (const { colorScheme, chosen } of schemes) {
    test(`axe-core finds no violations (system ${colorScheme}${chosen ? `, ${chosen} chosen` : ''})`, async () => {
      const pages = ['', `themes/${FIRST_THEME}/`, `papers/${paperSlug}/`, 'search/', 'my-list/', 'no-such-page/'];
      const report: string[] = [];
      await withPage(
        { colorScheme },
        async (page) => {
          // Some state, so badges and pressed buttons are checked too.
          await page.goto(server.url);
          const slugs = await page.locator('[data-paper]').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset['paper']!));
          const statuses = ['to-read', 'reading', 'read'];
          const papers = Object.fromEntries([paperSlug, ...slugs.slice(0, 5)].map((slug, i) => [slug, { status: statuses[i % 3], starred: i % 2 === 0 }]));
          await page.evaluate((value) => localStorage.setItem('reading-list:v1:/', value), JSON.stringify({ format: 'reading-list', version: 1, papers }));
          if (chosen) await page.evaluate((theme) => localStorage.setItem('reading-list:theme:/', theme), chosen);

          for (const path of pages) {
            await page.goto(new URL(path, server.url).href);
            if (path === '') await page.locator('[data-theme-progress]').first().waitFor({ state: 'visible' });
            if (path === 'my-list/') await page.locator('[data-my-list-groups] section').first().waitFor();
            if (path.startsWith('papers/')) await page.locator('[data-track-controls]').waitFor({ state: 'visible' });
            if (path === '' || path.startsWith('themes/') || path === 'my-list/') {
              await expect.poll(() => page.locator('.track-badge').count(), { message: `badges on /${path}` }).toBeGreaterThan(0);
            }
            expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(chosen);
            const { violations, passed } = await runAxe(page);
            // axe really ran, colour contrast included.
            expect(passed, `/${path}`).toContain('color-contrast');
            report.push(...violations.map((v) => `/${path}: ${v}`));
          }
        },
        // The 404 page answers with status 404, by design.
        (error) => error.includes('/no-such-page/'),
      );
      expect(report).toEqual([]);
    });
  }

  test('print: a paper page prints its content only, with link targets spelled out', async () => {
    await withPage({ colorScheme: 'dark' }, async (page) => {
      await page.goto(new URL(`papers/${paperSlug}/`, server.url).href);
      await page.locator('[data-track-controls]').waitFor({ state: 'visible' });
      await page.emulateMedia({ media: 'print' });
      for (const selector of ['.site-header', '.site-footer', '[data-track-controls]']) {
        expect(await page.locator(selector).isVisible(), selector).toBe(false);
      }
      expect(await page.locator('h1').isVisible()).toBe(true);
      // The page's own address (absolute, from the configured site URL).
      expect(await page.locator('.print-only').textContent()).toMatch(new RegExp(`^From https?://[^ ]+/papers/${paperSlug}/$`));
      const after = await page.locator('.external-links a').first().evaluate((a) => getComputedStyle(a, '::after').content);
      expect(after).toMatch(/^" <https:\/\/arxiv\.org\//);
      expect(await background(page)).toBe('rgb(255, 255, 255)');
    });
  });

  test('without JavaScript: pages read fully, controls stay hidden, /my-list/ explains it needs JavaScript', async () => {
    await withPage({ javaScriptEnabled: false }, async (page) => {
      await page.goto(new URL(`papers/${paperSlug}/`, server.url).href);
      expect(await page.locator('h1').isVisible()).toBe(true);
      expect(await page.locator('[data-track-controls]').isVisible()).toBe(false);
      expect(await page.locator('[data-theme-toggle]').isVisible()).toBe(false);
      await page.goto(server.url);
      expect(await page.locator('[data-theme-progress]').first().isVisible()).toBe(false);
      await page.goto(new URL('my-list/', server.url).href);
      // (Playwright's no-JavaScript mode does not render <noscript>: check that it holds the explanation.)
      expect(await page.locator('main noscript').textContent()).toMatch(/Your list needs JavaScript/);
      expect(await page.getByRole('button', { name: 'Export my list', exact: true }).isVisible()).toBe(false);
      expect(await page.locator('h1').textContent()).toBe('My list');
    });
  });
});
