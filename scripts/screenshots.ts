/**
 * Screenshots of a built site, to look at the pages a reader sees most:
 *
 *   node scripts/screenshots.ts <out folder> [built site folder, default dist] [base path, default /]
 *
 * Serves the built site on 127.0.0.1 and writes `<page>-<width>-<scheme>.png` (full page, cut
 * at MAX_HEIGHT) at 1280 px and 390 px, light and dark, of: the home page, the first theme, a
 * paper page (the first with the curator's fields, else the first paper), the /papers/ table,
 * /search/ with a query and its first filter ticked, and the first tag page when the site has
 * tags. Uses Debian's chromium, as the browser tests do (test/setup/chromium.ts).
 */
import { readdir, mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../test/setup/chromium.ts';
import { serveStatic } from '../test/setup/static-server.ts';

const WIDTHS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
] as const;
const SCHEMES = ['light', 'dark'] as const;
/** Longer pages are cut here: the table's 100 rows say no more than its first screens. */
const MAX_HEIGHT = 4000;
const SEARCH_WORDS = 'agents';

interface PaperData {
  slug: string;
  tags: string[];
  /** null when the curator gave none (papers.json says so). */
  rating: number | null;
  status: string | null;
  pick: boolean;
}

/** The paper to show: the first one the curator said something about, else the first. */
function paperToShow(papers: readonly PaperData[]): string | undefined {
  const curated = papers.find((paper) => paper.tags.length > 0 || paper.rating != null || paper.status != null || paper.pick === true);
  return (curated ?? papers[0])?.slug;
}

async function firstFolder(path: string): Promise<string | undefined> {
  const names = await readdir(path, { withFileTypes: true }).catch(() => []);
  return names.filter((entry) => entry.isDirectory() && !/^\d+$/.test(entry.name)).map((entry) => entry.name).sort()[0];
}

/** Site paths to shoot, by name. */
async function pagesOf(dist: string): Promise<Map<string, string>> {
  const { themes, papers } = JSON.parse(await readFile(join(dist, 'papers.json'), 'utf8')) as { themes: { id: string }[]; papers: PaperData[] };
  const pages = new Map([['home', '']]);
  if (themes[0]) pages.set('theme', `themes/${encodeURIComponent(themes[0].id)}/`);
  const paper = paperToShow(papers);
  if (paper) pages.set('paper', `papers/${encodeURIComponent(paper)}/`);
  pages.set('table', 'papers/');
  pages.set('search', `search/?q=${SEARCH_WORDS}`);
  const tag = await firstFolder(join(dist, 'tags'));
  if (tag) pages.set('tag', `tags/${encodeURIComponent(tag)}/`);
  return pages;
}

/** Ticks the search page's first filter through the address (the form restores it from there) and waits for results. */
async function tickFirstFilter(page: Page): Promise<void> {
  const filter = await page.locator('input[type="checkbox"][form], .search-ui__filters input[type="checkbox"]').first().elementHandle({ timeout: 10_000 }).catch(() => null);
  if (filter) {
    const { name, value } = await filter.evaluate((input: HTMLInputElement) => ({ name: input.name, value: input.value }));
    const address = new URL(page.url());
    address.searchParams.append(name, value);
    await page.goto(address.href);
  }
  await page.waitForTimeout(1500);
}

async function main(): Promise<void> {
  const [out, distArg = 'dist', basePath = '/'] = process.argv.slice(2);
  if (!out) {
    console.error('usage: node scripts/screenshots.ts <out folder> [built site folder, default dist] [base path, default /]');
    process.exit(1);
  }
  const dist = resolve(distArg);
  await mkdir(out, { recursive: true });
  const pages = await pagesOf(dist);
  const server = await serveStatic(dist, basePath);
  const browser = await launchChromium();
  try {
    for (const viewport of WIDTHS) {
      for (const colorScheme of SCHEMES) {
        const context = await browser.newContext({ viewport, colorScheme, serviceWorkers: 'block' });
        const page = await context.newPage();
        for (const [name, path] of pages) {
          await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
          if (name === 'search') await tickFirstFilter(page);
          const height = Math.min(MAX_HEIGHT, await page.evaluate(() => document.documentElement.scrollHeight));
          const file = join(out, `${name}-${viewport.width}-${colorScheme}.png`);
          await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width: viewport.width, height } });
          console.log(`${file}  /${path}`);
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
