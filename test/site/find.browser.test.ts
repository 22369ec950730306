/**
 * Finding papers in a real browser (Debian chromium), on the build under
 * /reading-list/ (the stricter one for URLs; search.browser.test.ts covers both):
 * the header search box, the year filter and the sort of /search/, the words a
 * result was found by highlighted on the paper page, and the /papers/ table's orders and
 * pages (plain links: followed here without JavaScript).
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { collectPageErrors, launchChromium, reportingPageErrors } from '../setup/chromium.ts';
import { normaliseText, pickSearchTarget, readPaperEntries } from '../setup/content.ts';
import { BUILDS } from '../setup/site-builds.ts';
import { serveStatic, type StaticServer } from '../setup/static-server.ts';

const repoRoot = inject('repoRoot');
const siteDirs = inject('siteDirs');
const entries = await readPaperEntries(repoRoot);
const bySlug = new Map(entries.map((entry) => [entry.slug, entry]));
const { paper, word } = pickSearchTarget(entries);
const build = BUILDS.find((b) => b.basePath !== '/') ?? BUILDS[0];
const base = build.basePath;
/** A word in many abstracts: enough results to filter and sort. */
const BROAD_WORD = 'language';

let browser: Browser;
let server: StaticServer;
let context: BrowserContext;
beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), serveStatic(siteDirs[build.name], base)]);
  context = await browser.newContext();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

/** Runs `check` on a new page; fails with what the page reported when something breaks. */
async function onPage(path: string, check: (page: Page) => Promise<void>): Promise<void> {
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors = collectPageErrors(page);
  try {
    await reportingPageErrors(errors, async () => {
      const response = await page.goto(new URL(path, server.url).href);
      expect(response?.status()).toBe(200);
      await check(page);
    });
  } finally {
    await page.close();
  }
  expect(errors, 'page errors').toEqual([]);
}

function slugOf(href: string): string {
  const path = new URL(href).pathname;
  expect(path.startsWith(`${base}papers/`), `${href} is a paper page under ${base}`).toBe(true);
  return path.slice(`${base}papers/`.length).replace(/\/$/, '');
}

async function resultSlugs(page: Page, selector: string): Promise<string[]> {
  const hrefs = await page.locator(selector).evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
  return hrefs.map(slugOf);
}

/** The number in "<n> papers match ...". */
async function resultCount(page: Page): Promise<number> {
  const text = (await page.locator('[data-search-status]').textContent()) ?? '';
  const match = /(\d+) papers? match/.exec(text);
  expect(match, `summary "${text}"`).not.toBeNull();
  return Number(match?.[1]);
}

describe(`finding papers on the site built with base ${base}`, () => {
  test('`/` focuses the header search box; its query opens /search/, which lists the paper and opens it with the words marked', async () => {
    await onPage('', async (page) => {
      await page.keyboard.press('/');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('header-search-q');
      await page.keyboard.type(word);
      await Promise.all([page.waitForURL((url) => url.pathname === `${base}search/`), page.keyboard.press('Enter')]);
      expect(await page.locator('#search-q').inputValue()).toBe(word);
      const results = page.locator('[data-search-results] .paper-item__title a');
      await results.first().waitFor();
      const slugs = await resultSlugs(page, '[data-search-results] .paper-item__title a');
      const target = slugs.indexOf(paper.slug);
      expect(target, `results ${JSON.stringify(slugs)}`).toBeGreaterThanOrEqual(0);

      const paperPath = `${base}papers/${paper.slug}/`;
      await Promise.all([page.waitForURL((url) => url.pathname === paperPath), results.nth(target).click()]);
      expect(new URL(page.url()).searchParams.getAll('pagefind-highlight')).toEqual([word]);
      expect(normaliseText((await page.locator('h1').textContent()) ?? '')).toBe(normaliseText(paper.title));
      const marks = page.locator('main mark.pagefind-highlight');
      await marks.first().waitFor();
      const marked = await marks.allTextContents();
      expect(marked.length).toBeGreaterThan(0);
      for (const text of marked) expect(text.toLowerCase()).toBe(word);
    });
  });

  test('`/` focuses the search box of /search/, and does not steal a `/` typed into a field', async () => {
    await onPage('search/', async (page) => {
      await page.locator('[data-search-filters] fieldset').first().waitFor();
      await page.keyboard.press('/');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');
      // The search box itself is a field: a second `/` is typed into it.
      await page.keyboard.type('a/b');
      expect(await page.locator('#search-q').inputValue()).toBe('a/b');
    });
  });

  test('/search/: two ticked years give the papers of either year', async () => {
    await onPage('search/', async (page) => {
      const years = new Map<string, number>();
      for (const entry of entries) if (entry.date) years.set(entry.date.slice(0, 4), (years.get(entry.date.slice(0, 4)) ?? 0) + 1);
      const [first, second] = [...years].sort((x, y) => y[1] - x[1]).map(([year]) => year);
      expect(second, 'papers of two years').toBeDefined();
      await page.locator('#search-q').fill(BROAD_WORD);
      await page.locator('[data-search-results] .paper-item__title a').first().waitFor();
      const countWith = async (ticked: string[]) => {
        for (const box of await page.locator('[data-search-filters] input[name="year"]').all()) {
          await box.setChecked(ticked.includes((await box.getAttribute('value')) ?? ''));
        }
        let settled = -1;
        await expect.poll(async () => {
          const now = await resultCount(page).catch(() => 0);
          const stable = now === settled;
          settled = now;
          return stable;
        }).toBe(true);
        return settled;
      };
      const one = await countWith([first!]);
      const other = await countWith([second!]);
      expect(one).toBeGreaterThan(0);
      expect(other).toBeGreaterThan(0);
      expect(await countWith([first!, second!])).toBe(one + other);
    });
  });

  test('/search/: "Show more" adds the next results, ten a click, never one twice', async () => {
    await onPage('search/', async (page) => {
      await page.locator('#search-q').fill(BROAD_WORD);
      const links = page.locator('[data-search-results] .paper-item__title a');
      await links.first().waitFor();
      const total = await resultCount(page);
      expect(total, `"${BROAD_WORD}" finds more than three pages of results`).toBeGreaterThan(30);
      await expect.poll(() => links.count()).toBe(10);
      // Two clicks in a row, the second before the first batch has arrived.
      await page.locator('[data-search-more]').evaluate((button) => {
        (button as HTMLButtonElement).click();
        (button as HTMLButtonElement).click();
      });
      await expect.poll(() => links.count()).toBe(30);
      const slugs = await resultSlugs(page, '[data-search-results] .paper-item__title a');
      expect(new Set(slugs).size).toBe(30);
    });
  });

  test('/search/: the year filter narrows the results to that year', async () => {
    await onPage('search/', async (page) => {
      await page.locator('#search-q').fill(BROAD_WORD);
      await page.locator('[data-search-results] .paper-item__title a').first().waitFor();
      const before = await resultCount(page);
      // The most common year among the papers: it has results for such a broad word.
      const years = new Map<string, number>();
      for (const entry of entries) if (entry.date) years.set(entry.date.slice(0, 4), (years.get(entry.date.slice(0, 4)) ?? 0) + 1);
      const year = [...years].sort((x, y) => y[1] - x[1])[0][0];
      const checkbox = page.locator(`[data-search-filters] input[name="year"][value="${year}"]`);
      await checkbox.check();
      await expect.poll(() => resultCount(page)).toBeLessThan(before);
      await page.waitForFunction(() => document.querySelectorAll('[data-search-results] .paper-item__title a').length > 0);
      const slugs = await resultSlugs(page, '[data-search-results] .paper-item__title a');
      expect(slugs.length).toBeGreaterThan(0);
      for (const slug of slugs) expect(bySlug.get(slug)?.date?.slice(0, 4), slug).toBe(year);
    });
  });

  test('/search/: sorting by upvotes orders the results by upvotes, most first, and keeps every result', async () => {
    await onPage('search/', async (page) => {
      await page.locator('#search-q').fill(BROAD_WORD);
      await page.locator('[data-search-results] .paper-item__title a').first().waitFor();
      const total = await resultCount(page);
      const upvotesOf = (slugs: string[]) => slugs.map((slug) => bySlug.get(slug)?.upvotes ?? -1);
      // The most upvotes among the papers that mention the word: the first result once sorted.
      const most = Math.max(
        ...entries.filter((entry) => `${entry.title} ${entry.body}`.toLowerCase().includes(BROAD_WORD)).map((entry) => entry.upvotes ?? -1),
      );
      expect(most, `some paper mentioning "${BROAD_WORD}" has upvotes`).toBeGreaterThan(0);
      const relevance = await resultSlugs(page, '[data-search-results] .paper-item__title a');
      // Otherwise the check below could pass without sorting.
      expect(upvotesOf(relevance)[0], `relevance order ${JSON.stringify(upvotesOf(relevance))}`).toBeLessThan(most);

      await page.locator('#search-sort').selectOption('upvotes:desc');
      await expect.poll(async () => upvotesOf(await resultSlugs(page, '[data-search-results] .paper-item__title a'))[0]).toBe(most);
      const sorted = upvotesOf(await resultSlugs(page, '[data-search-results] .paper-item__title a'));
      expect(sorted.length).toBeGreaterThan(2);
      expect(sorted).toEqual([...sorted].sort((x, y) => y - x));
      // Papers without upvotes too (most of them): Pagefind drops a page without the sort key.
      expect(await resultCount(page)).toBe(total);

      // Back to relevance: the first result is the one it was.
      await page.locator('#search-sort').selectOption('');
      await expect.poll(async () => (await resultSlugs(page, '[data-search-results] .paper-item__title a'))[0]).toBe(relevance[0]);
    });
  });

  test('/search/: the address holds the words, filters and order, so a reload gives the same search', async () => {
    await onPage('search/', async (page) => {
      await page.locator('#search-q').fill(BROAD_WORD);
      await page.locator('[data-search-results] .paper-item__title a').first().waitFor();
      const year = page.locator('[data-search-filters] input[name="year"]').first();
      const value = (await year.getAttribute('value'))!;
      await year.check();
      await page.locator('#search-sort').selectOption('upvotes:desc');
      await expect.poll(() => Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ q: BROAD_WORD, year: value, sort: 'upvotes:desc' });
      // The results of that search: the papers of that year with the word, most upvoted first.
      const expected = entries
        .filter((entry) => entry.date?.startsWith(value) && `${entry.title} ${entry.body}`.toLowerCase().includes(BROAD_WORD))
        .map((entry) => entry.upvotes ?? -1)
        .sort((x, y) => y - x)
        .slice(0, 10);
      const shown = async () => (await resultSlugs(page, '[data-search-results] .paper-item__title a')).map((slug) => bySlug.get(slug)?.upvotes ?? -1);
      await expect.poll(shown).toEqual(expected);
      const slugs = await resultSlugs(page, '[data-search-results] .paper-item__title a');

      await page.reload();
      expect(await page.locator('#search-q').inputValue()).toBe(BROAD_WORD);
      expect(await page.locator(`[data-search-filters] input[name="year"][value="${value}"]`).isChecked()).toBe(true);
      expect(await page.locator('#search-sort').inputValue()).toBe('upvotes:desc');
      await expect.poll(() => resultSlugs(page, '[data-search-results] .paper-item__title a')).toEqual(slugs);
    });
  });

  test('/search/: sorting by date puts the newest first and the undated last, and keeps every result', async () => {
    await onPage('search/', async (page) => {
      await page.locator('#search-q').fill(BROAD_WORD);
      await page.locator('[data-search-results] .paper-item__title a').first().waitFor();
      const total = await resultCount(page);
      const mentioning = entries.filter((entry) => `${entry.title} ${entry.body}`.toLowerCase().includes(BROAD_WORD));
      expect(mentioning.some((entry) => !entry.date), `some paper mentioning "${BROAD_WORD}" is undated`).toBe(true);
      const newest = mentioning.flatMap((entry) => entry.date ?? []).sort().at(-1);
      const dateOf = (slug: string) => bySlug.get(slug)?.date ?? null;

      await page.locator('#search-sort').selectOption('date:desc');
      await expect.poll(async () => dateOf((await resultSlugs(page, '[data-search-results] .paper-item__title a'))[0]!)).toBe(newest);
      expect(await resultCount(page)).toBe(total);
      // Every result, ten at a time: the dated ones newest first, then the undated.
      const more = page.locator('[data-search-more]');
      while (await more.isVisible()) {
        const shown = await page.locator('[data-search-results] .paper-item').count();
        await more.click();
        await expect.poll(() => page.locator('[data-search-results] .paper-item').count()).toBeGreaterThan(shown);
      }
      const dates = (await resultSlugs(page, '[data-search-results] .paper-item__title a')).map(dateOf);
      expect(dates).toHaveLength(total);
      const known = dates.filter((date) => date !== null);
      expect(dates).toEqual([...known.sort().reverse(), ...dates.filter((date) => date === null)]);
    });
  });

  test('/papers/ without JavaScript: a column heading opens the table in that order, and its pages follow on', async () => {
    const plain = await browser.newContext({ javaScriptEnabled: false });
    const page = await plain.newPage();
    page.setDefaultTimeout(15_000);
    try {
      const at = (path: string) => page.waitForURL((url) => url.pathname === `${base}${path}`);
      /** Slugs of the rows, in order. */
      const rows = () => resultSlugs(page, 'table tbody th[scope="row"] a');
      const heading = (name: string) => page.locator('table thead th').filter({ has: page.getByRole('link', { name, exact: true }) });
      /** Every row of the table in the current order, following "Next" to the last page. */
      async function allPages(first: string): Promise<string[]> {
        const slugs = await rows();
        for (let n = 2; (await page.locator('nav[aria-label="Pagination"] a[rel="next"]').count()) > 0; n += 1) {
          await Promise.all([at(`${first}${n}/`), page.locator('nav[aria-label="Pagination"] a[rel="next"]').click()]);
          slugs.push(...(await rows()));
        }
        return slugs;
      }

      expect((await page.goto(new URL('papers/', server.url).href))?.status()).toBe(200);
      expect(await heading('Date').getAttribute('aria-sort')).toBe('descending');

      await Promise.all([at('papers/upvotes/'), heading('Upvotes').getByRole('link').click()]);
      expect(await heading('Upvotes').getAttribute('aria-sort')).toBe('descending');
      expect(await heading('Date').getAttribute('aria-sort')).toBeNull();
      const byUpvotes = await allPages('papers/upvotes/');
      expect(byUpvotes).toHaveLength(entries.length);
      expect(new Set(byUpvotes).size).toBe(entries.length);
      // Most first across the pages, papers without upvotes last.
      const upvotes = byUpvotes.map((slug) => bySlug.get(slug)?.upvotes ?? -1);
      expect(upvotes.filter((n) => n >= 0).length).toBeGreaterThan(1);
      expect(upvotes).toEqual([...upvotes].sort((x, y) => y - x));

      await Promise.all([at('papers/title/'), heading('Title').getByRole('link').click()]);
      expect(await heading('Title').getAttribute('aria-sort')).toBe('ascending');
      const titles = (await allPages('papers/title/')).map((slug) => bySlug.get(slug)?.title ?? '');
      expect(titles).toHaveLength(entries.length);
      const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
      expect(titles).toEqual([...titles].sort(collator.compare));

      // A page number leads to that page of the current order.
      await Promise.all([at('papers/title/2/'), page.getByRole('link', { name: 'Page 2', exact: true }).click()]);
      expect(await page.locator('nav[aria-label="Pagination"] a[aria-current="page"]').textContent()).toBe('2');
    } finally {
      await plain.close();
    }
  });
});
