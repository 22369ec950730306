/**
 * The layout in a real browser (Debian chromium through playwright-core), on a fixture site built
 * from two seed listings, a bibliography and a hand-written entry with notes, under a 60-character
 * site title: the width lists and prose take at 1280 px, the table's cards at 390 px, the header
 * with a long title, the home page's captions, sources in words, and axe-core at both widths in
 * both colour schemes.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { collectPageErrors, launchChromium, reportingPageErrors } from '../setup/chromium.ts';
import { buildFixtureSite, type FixtureSite } from '../setup/fixture-site.ts';
import { readSeed } from '../setup/seeds.ts';
import { serveStatic, type StaticServer } from '../setup/static-server.ts';
import { runAxe } from '../setup/axe.ts';

const LONG_TITLE = 'The Reading Group on Open-Ended Learning and Autonomous Agents';
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const NOTES_SLUG = 'reading-notes-on-planning-agents';
const BIB_KEY = 'smith2020';
const PROSE = 'Agents that plan over long horizons need to remember what they tried, why it failed and what it cost, ';

let site: FixtureSite;
let server: StaticServer;
let browser: Browser;
let listedSlug: string;
let tagPath: string;

beforeAll(async () => {
  const config = await readFile(join(import.meta.dirname, '../../src/config.ts'), 'utf8');
  const titled = config.replace(/title: '[^']*'/, `title: '${LONG_TITLE}'`);
  expect(titled, 'the fixture sets the site title').toContain(LONG_TITLE);
  expect(LONG_TITLE.length).toBeGreaterThanOrEqual(60);
  const bib = `@article{${BIB_KEY},\n  title = {Planning Agents With Episodic Memory},\n  author = {Smith, Jane and Doe, John},\n  journal = {Journal of Agents},\n  year = {2020},\n  abstract = {${PROSE.repeat(2).trim()}}\n}\n`;
  const notes = `---\ntitle: Reading Notes On Planning Agents\nthemes: [agents]\nrating: 4\nstatus: read\npick: true\ntags: [planning, episodic-memory]\n---\n${PROSE.repeat(6).trim()}\n\n${PROSE.repeat(5).trim()}\n`;
  site = await buildFixtureSite(
    { 'a.txt': readSeed('000_e2d79f8d5e24fe29.txt'), 'b.txt': readSeed('003_59cb86a34729d0ff.txt'), 'lab.bib': bib },
    { name: 'reading-list-layout-', files: { 'src/config.ts': titled }, entries: { [`agents/${NOTES_SLUG}.md`]: notes } },
  );
  console.log(`[layout] fixture built in ${site.dir}: ${site.timings}`);
  const { papers } = JSON.parse(await readFile(join(site.dist, 'papers.json'), 'utf8')) as { papers: { slug: string; upvotes?: number }[] };
  listedSlug = papers.find((paper) => paper.upvotes !== undefined)!.slug;
  const tags = (await readdir(join(site.dist, 'tags'), { withFileTypes: true })).filter((entry) => entry.isDirectory());
  expect(tags.map((entry) => entry.name).sort()).toEqual(['episodic-memory', 'planning']);
  tagPath = `tags/${tags[0]!.name}/`;
  server = await serveStatic(site.dist);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
});

/** Opens `path` in a fresh page of that size and scheme; fails on any page error. */
async function withPage(path: string, options: { viewport: { width: number; height: number }; colorScheme?: 'light' | 'dark' }, body: (page: Page) => Promise<void>): Promise<void> {
  const context = await browser.newContext({ ...options, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const errors = collectPageErrors(page);
    await page.goto(new URL(path, server.url).href);
    await reportingPageErrors(errors, () => body(page));
    expect(errors, 'page errors').toEqual([]);
  } finally {
    await context.close();
  }
}

/** The page scrolls sideways when its content is wider than the window. */
const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > innerWidth);

/** Width in px of `n` characters (ch) of the element's font. */
const chWidth = (page: Page, selector: string, n: number) =>
  page.locator(selector).first().evaluate((element, count) => {
    const probe = document.createElement('span');
    probe.style.cssText = `display:inline-block;width:${count}ch`;
    element.append(probe);
    const width = probe.getBoundingClientRect().width;
    probe.remove();
    return width;
  }, n);

describe('a desktop screen (1280 px)', () => {
  test('the table, a theme list and search take the width; rows of the table stay one or two lines', async () => {
    await withPage('papers/', { viewport: DESKTOP }, async (page) => {
      const { table, rows, line } = await page.evaluate(() => ({
        table: document.querySelector('.papers-table')!.getBoundingClientRect().width,
        rows: [...document.querySelectorAll('.papers-table tbody tr')].map((row) => row.getBoundingClientRect().height).sort((a, b) => a - b),
        line: parseFloat(getComputedStyle(document.querySelector('.papers-table tbody th')!).lineHeight),
      }));
      expect(table).toBeGreaterThan(0.9 * DESKTOP.width);
      expect(rows.length).toBeGreaterThan(50);
      // The median row: its title and themes on at most two lines (plus the cell's padding).
      expect(rows[Math.floor(rows.length / 2)]).toBeLessThanOrEqual(2 * line + 16);
      expect(await scrollsSideways(page)).toBe(false);
    });
    await withPage('themes/agents/', { viewport: DESKTOP }, async (page) => {
      const lefts = await page.locator('.paper-item').evaluateAll((items) => items.map((item) => Math.round(item.getBoundingClientRect().left)));
      expect(new Set(lefts).size, 'papers in columns').toBeGreaterThanOrEqual(2);
      expect(await page.locator('.paper-list').evaluate((list) => list.getBoundingClientRect().width)).toBeGreaterThan(0.9 * DESKTOP.width);
    });
    await withPage('search/?q=agents', { viewport: DESKTOP }, async (page) => {
      expect(await page.locator('main').evaluate((main) => main.getBoundingClientRect().width)).toBeGreaterThan(0.9 * DESKTOP.width);
    });
  });

  test('abstracts, notes and introductions keep a readable measure: at most 70 characters a line', async () => {
    await withPage(`papers/${NOTES_SLUG}/`, { viewport: DESKTOP }, async (page) => {
      const paragraphs = await page.locator('.abstract p').evaluateAll((items) => items.map((item) => item.getBoundingClientRect().width));
      expect(paragraphs.length, 'the abstract and the notes').toBeGreaterThanOrEqual(2);
      const measure = await chWidth(page, '.abstract', 70);
      for (const width of paragraphs) {
        expect(width).toBeLessThanOrEqual(measure + 1);
        expect(width, 'not squeezed').toBeGreaterThan(0.8 * measure);
      }
    });
    await withPage('', { viewport: DESKTOP }, async (page) => {
      const measure = await chWidth(page, 'main > p', 70);
      const widths = await page.locator('main > p').evaluateAll((items) => items.map((item) => item.getBoundingClientRect().width));
      expect(widths.length).toBeGreaterThan(1);
      for (const width of widths) expect(width).toBeLessThanOrEqual(measure + 1);
    });
  });
});

describe('a phone (390 px)', () => {
  test('the table is a stack of cards: the title, then the date, upvotes and themes, with no sideways scrolling', async () => {
    await withPage('papers/', { viewport: PHONE }, async (page) => {
      expect(await scrollsSideways(page)).toBe(false);
      const rows = await page.locator('.papers-table tbody tr').evaluateAll((items) =>
        items.map((row) => {
          const box = (selector: string) => {
            const { left, right, top, bottom, width } = row.querySelector(selector)!.getBoundingClientRect();
            return { left, right, top, bottom, width };
          };
          // Columns: the title, themes, date, upvotes.
          return { title: box('th'), themes: box('td:nth-child(2)'), date: box('td:nth-child(3)'), upvotes: box('td:nth-child(4)'), height: row.getBoundingClientRect().height };
        }),
      );
      expect(rows.length).toBeGreaterThan(50);
      for (const [i, row] of rows.entries()) {
        for (const cell of [row.title, row.date, row.upvotes, row.themes]) {
          expect(cell.width, `row ${i}`).toBeGreaterThan(0);
          expect(cell.left, `row ${i}`).toBeGreaterThanOrEqual(0);
          expect(cell.right, `row ${i}`).toBeLessThanOrEqual(PHONE.width);
        }
        expect(row.date.top, `row ${i}: date under the title`).toBeGreaterThanOrEqual(row.title.bottom - 1);
        expect(row.upvotes.top, `row ${i}: upvotes beside the date`).toBeLessThan(row.date.bottom);
        expect(row.themes.top, `row ${i}: themes under the date`).toBeGreaterThanOrEqual(row.date.bottom - 1);
        expect(row.height, `row ${i}`).toBeLessThan(PHONE.height / 3);
      }
      // Still a table for screen readers, with its column headers; and the sort links in sight.
      const tree = await page.locator('.papers-table').ariaSnapshot();
      expect(tree).toMatch(/- table "All papers/);
      expect(tree).toMatch(/- columnheader "Themes"/);
      expect(tree).toMatch(/- rowheader /);
      expect(tree).toMatch(/cell "· Upvotes: /);
      for (const heading of ['Title', 'Date', 'Upvotes']) {
        const link = page.locator('.papers-table thead a', { hasText: heading });
        expect(await link.isVisible(), heading).toBe(true);
        expect(await link.evaluate((a) => a.getBoundingClientRect().right)).toBeLessThanOrEqual(PHONE.width);
      }
    });
  });
});

test('on a tablet (768 px) the table gives the titles more room than the themes', async () => {
  await withPage('papers/', { viewport: { width: 768, height: 1024 } }, async (page) => {
    const widths = await page.evaluate(() => {
      const row = document.querySelector('.papers-table tbody tr')!;
      return { title: row.querySelector('th')!.getBoundingClientRect().width, themes: row.querySelector('td')!.getBoundingClientRect().width };
    });
    expect(widths.title).toBeGreaterThan(widths.themes);
  });
});

describe('the header', () => {
  for (const viewport of [DESKTOP, PHONE]) {
    test(`a ${LONG_TITLE.length}-character site title wraps cleanly at ${viewport.width} px`, async () => {
      await withPage('themes/agents/', { viewport }, async (page) => {
        expect(await scrollsSideways(page)).toBe(false);
        const boxes = await page.evaluate(() =>
          ['.site-title', '.site-header nav', '[data-theme-toggle]', '.header-search__form input', '.header-search__form button'].map((selector) => {
            const element = document.querySelector(selector)!;
            const { left, right, top, bottom } = element.getBoundingClientRect();
            return { selector, left, right, top, bottom, clipped: selector === '.site-title' && element.scrollWidth > element.clientWidth + 1, line: parseFloat(getComputedStyle(element).lineHeight) };
          }),
        );
        for (const box of boxes) {
          expect(box.left, box.selector).toBeGreaterThanOrEqual(0);
          expect(box.right, box.selector).toBeLessThanOrEqual(viewport.width);
          expect(box.clipped, box.selector).toBe(false);
        }
        for (const [i, a] of boxes.entries()) {
          for (const b of boxes.slice(i + 1)) {
            const overlap = a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
            expect(overlap, `${a.selector} and ${b.selector} overlap`).toBe(false);
          }
        }
        const title = boxes[0]!;
        const lines = Math.round((title.bottom - title.top) / title.line);
        expect(lines, 'lines of the title').toBeLessThanOrEqual(viewport === DESKTOP ? 1 : 3);
        // On a phone the title wraps beside the theme toggle, not above it on a line of its own.
        if (viewport === PHONE) expect(boxes[2]!.top, 'the toggle beside the title').toBeLessThan(title.bottom);
        expect(await page.locator('.site-title').textContent()).toBe(LONG_TITLE);
      });
    });
  }

  test("the header's Search button is styled as the site's other buttons, in both schemes", async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await withPage('', { viewport: DESKTOP, colorScheme }, async (page) => {
        const style = (selector: string) =>
          page.locator(selector).evaluate((element) => {
            const s = getComputedStyle(element);
            return { radius: s.borderTopLeftRadius, border: `${s.borderTopWidth} ${s.borderTopStyle} ${s.borderTopColor}`, background: s.backgroundColor, color: s.color, font: `${s.fontSize} ${s.fontFamily}`, minHeight: s.minHeight };
          });
        expect(await style('.header-search__form button')).toEqual(await style('[data-theme-toggle]'));
      });
    }
  });
});

/** sRGB channels of a computed colour (`rgb(…)` or `color(srgb …)`), 0–1. */
function channels(colour: string): [number, number, number] {
  const srgb = /color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)/.exec(colour);
  if (srgb) return [Number(srgb[1]), Number(srgb[2]), Number(srgb[3])];
  const rgb = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(colour);
  if (rgb) return [Number(rgb[1]) / 255, Number(rgb[2]) / 255, Number(rgb[3]) / 255];
  throw new Error(`unread colour ${colour}`);
}

/** WCAG relative luminance. */
function luminance(colour: [number, number, number]): number {
  const [r, g, b] = colour.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('the home page', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the overlap caption says what the colours show (${colorScheme})`, async () => {
      await withPage('', { viewport: DESKTOP, colorScheme }, async (page) => {
        const figure = page.locator('figure', { has: page.locator('#chart-overlap-title') });
        const caption = (await figure.locator('.chart__note').textContent())!.replace(/\s+/g, ' ');
        const { background, cells } = await page.evaluate(() => ({
          background: getComputedStyle(document.body).backgroundColor,
          cells: [...document.querySelectorAll<SVGRectElement>('.chart__cell:not(.chart__cell--diagonal)')].map((cell) => ({
            value: Number(cell.nextElementSibling!.textContent),
            fill: getComputedStyle(cell).fill,
            opacity: Number(getComputedStyle(cell).fillOpacity),
          })),
        }));
        // Each cell as painted: its fill over the page at its opacity.
        const page_ = channels(background);
        const painted = cells.map(({ value, fill, opacity }) => {
          const colour = channels(fill).map((c, i) => c * opacity + page_[i]! * (1 - opacity)) as [number, number, number];
          return { value, luminance: luminance(colour) };
        });
        const least = painted.reduce((a, b) => (b.value < a.value ? b : a));
        const most = painted.reduce((a, b) => (b.value > a.value ? b : a));
        expect(most.value).toBeGreaterThan(least.value);
        const darkerWithMore = most.luminance < least.luminance;
        expect(darkerWithMore, 'more papers paint darker cells').toBe(colorScheme === 'light');
        if (/darker/.test(caption)) expect(darkerWithMore, caption).toBe(true);
        if (/brighter|lighter/.test(caption)) expect(darkerWithMore, caption).toBe(false);
        expect(caption).toMatch(/the (darker|brighter|lighter|stronger)/);
      });
    });
  }

  test('when few papers have a known year, the year chart and the newest papers say so', async () => {
    await withPage('', { viewport: DESKTOP }, async (page) => {
      // The numbers of the year chart's own table: papers per known year, and those without one.
      const { dated, unknown } = await page.locator('#chart-years-note').evaluate((note) => {
        const sum = (selector: string) => [...note.closest('figure')!.querySelectorAll<HTMLElement>(selector)].reduce((total, cell) => total + Number(cell.dataset['count']), 0);
        return { dated: sum('tbody td[data-count]'), unknown: sum('tfoot td[data-count]') };
      });
      expect(dated).toBeLessThan(unknown);
      const total = dated + unknown;
      expect(await page.locator('#chart-years-note').textContent()).toContain(`Only ${dated} of ${total} papers have a known year`);
      expect(await page.locator('#recent').textContent()).not.toBe('Recently published');
      expect(await page.locator('[data-date-note]').textContent()).toContain(`Only ${dated} of ${total} papers have a known year`);
    });
    await withPage('papers/', { viewport: DESKTOP }, async (page) => {
      expect(await page.locator('[data-date-note]').textContent()).toMatch(/^Only \d+ of \d+ papers have a known year/);
    });
  });
});

describe('sources in words', () => {
  test('a paper page says where the paper was listed, not the file ingest named; the curator finds the file under "Files"', async () => {
    await withPage(`papers/${listedSlug}/`, { viewport: DESKTOP }, async (page) => {
      const items = page.locator('.sources li');
      const text = (await items.first().textContent())!.replace(/\s+/g, ' ').trim();
      expect(text).toMatch(/^Hugging Face papers listing, line \d+$/);
      const section = page.locator('#sources-heading').locator('..');
      expect(await section.innerText()).not.toMatch(/\.txt/);
      await section.locator('summary', { hasText: 'Files' }).click();
      expect(await section.locator('.sources__files li').first().innerText()).toMatch(/^seeds\/[ab]\.txt, line \d+$/);
    });
    await withPage('papers/planning-agents-with-episodic-memory/', { viewport: DESKTOP }, async (page) => {
      const item = page.locator('.sources li').first();
      expect((await item.textContent())!.replace(/\s+/g, ' ').trim()).toBe(`BibTeX bibliography lab.bib, entry ${BIB_KEY}`);
      expect(await page.locator('.sources__files li').first().textContent()).toBe('seeds/lab.bib, line 1');
    });
  });
});

describe('axe-core', () => {
  for (const viewport of [DESKTOP, PHONE]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      test(`finds no violations at ${viewport.width} px (${colorScheme})`, async () => {
        const pages = ['', 'themes/agents/', `papers/${NOTES_SLUG}/`, 'papers/planning-agents-with-episodic-memory/', 'papers/', 'papers/rating/', 'search/?q=agents', 'tags/', tagPath, 'my-list/'];
        const report: string[] = [];
        for (const path of pages) {
          await withPage(path, { viewport, colorScheme }, async (page) => {
            if (path.startsWith('search/')) await tickFirstFilter(page);
            const { violations, passed } = await runAxe(page);
            expect(passed, `/${path}`).toContain('color-contrast');
            report.push(...violations.map((v) => `/${path}: ${v}`));
          });
        }
        expect(report).toEqual([]);
      });
    }
  }
});

/** Ticks the search page's first filter, through the address the form restores its filters from. */
async function tickFirstFilter(page: Page): Promise<void> {
  const filter = page.locator('input[type="checkbox"]').first();
  await filter.waitFor({ state: 'attached' });
  const { name, value } = await filter.evaluate((input: HTMLInputElement) => ({ name: input.name, value: input.value }));
  const address = new URL(page.url());
  address.searchParams.append(name, value);
  await page.goto(address.href);
  await expect.poll(() => page.locator(`input[type="checkbox"][name="${name}"]:checked`).count()).toBe(1);
}
