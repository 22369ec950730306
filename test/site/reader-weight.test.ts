/**
 * Page weight and shipped scripts of the built site: every paper page's HTML stays
 * under 20 kB and every list page's (the /papers/ table, theme pages) under 100 kB,
 * also at 10,000 papers; no framework runtime ships, the light/dark choice is
 * applied before any stylesheet (no flash), and the 404 page exists.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { listBuiltFiles, pageFoldersIn, readHtml } from '../setup/dist.ts';
import { BUILDS } from '../setup/site-builds.ts';
import { SITE } from '../../src/config.ts';
import { isListSegment } from '../../src/lib/ingest/slug.ts';
import { readPaperEntries, sortsOffered } from '../setup/content.ts';

const siteDirs = inject('siteDirs');
const sorts = sortsOffered(await readPaperEntries(inject('repoRoot')));
const PAPER_PAGE_LIMIT = 20_000;
/** Any page listing papers: a page of the /papers/ table or of a theme. */
const LIST_PAGE_LIMIT = 100_000;
/** How many papers the list pages must stay under their limit with. */
const TARGET_PAPERS = 10_000;
/** All the site's own JavaScript a paper page loads (from /_astro/), in bytes. */
const OWN_SCRIPT_LIMIT = 16_000;

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
/** Paper page folders under papers/ (not the table's own pages, papers/2/, papers/upvotes/...: no slug is one of those). */
const paperSlugs = async (dir: string) => (await pageFoldersIn(dir, 'papers')).filter((name) => !isListSegment(name));
/** The pages of the /papers/ table: papers/index.html, papers/2/index.html, papers/upvotes/index.html, papers/upvotes/2/index.html, papers/rating/ (when a paper is rated)... */
const TABLE_PAGE = /^papers\/(?:(?:upvotes|rating|title)\/)?(?:\d+\/)?index\.html$/;

describe.each(BUILDS)('weight of the site built with base $basePath', (build) => {
  const dir = siteDirs[build.name]!;

  test(`every paper page's HTML is under ${PAPER_PAGE_LIMIT / 1000} kB`, async () => {
    const slugs = await paperSlugs(dir);
    expect(slugs.length).toBeGreaterThan(0);
    const sizes = await Promise.all(slugs.map(async (slug) => ({ slug, bytes: (await stat(join(dir, 'papers', slug, 'index.html'))).size })));
    const sorted = sizes.map((size) => size.bytes).sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const max = sorted.at(-1)!;
    console.log(`[weight ${build.name}] ${slugs.length} paper pages: median ${kB(median)}, max ${kB(max)}, min ${kB(sorted[0]!)}`);
    expect(sizes.filter((size) => size.bytes >= PAPER_PAGE_LIMIT)).toEqual([]);
  });

  test(`every list page's HTML is under ${LIST_PAGE_LIMIT / 1000} kB`, async () => {
    const files = await listBuiltFiles(dir, '.html');
    const table = files.filter((file) => TABLE_PAGE.test(file));
    const themes = files.filter((file) => /^themes\/[^/]+\/(?:.+\/)?index\.html$/.test(file));
    expect(table).toHaveLength(sorts.length * Math.ceil((await paperSlugs(dir)).length / SITE.tablePageSize));
    expect(themes.length).toBeGreaterThan(0);
    const sizes = await Promise.all([...table, ...themes].map(async (file) => ({ file, bytes: (await stat(join(dir, file))).size })));
    const largest = (list: string[]) => sizes.filter((size) => list.includes(size.file)).sort((a, b) => b.bytes - a.bytes)[0]!;
    console.log(
      `[weight ${build.name}] ${table.length} pages of the papers table: largest ${kB(largest(table).bytes)} (${largest(table).file}); ` +
        `${themes.length} theme pages: largest ${kB(largest(themes).bytes)} (${largest(themes).file})`,
    );
    expect(sizes.filter((size) => size.bytes >= LIST_PAGE_LIMIT)).toEqual([]);
  });

  test(`a page of the papers table stays under ${LIST_PAGE_LIMIT / 1000} kB with ${TARGET_PAPERS} papers`, async () => {
    // A page holds SITE.tablePageSize rows however long the list: only its pagination grows,
    // by one link per page. Each page, filled up to SITE.tablePageSize rows like its own,
    // with the links 10,000 papers would add:
    const pagesThen = Math.ceil(TARGET_PAPERS / SITE.tablePageSize);
    let worst = { file: '', bytes: 0, projected: 0 };
    for (const file of (await listBuiltFiles(dir, '.html')).filter((name) => TABLE_PAGE.test(name))) {
      const bytes = (await stat(join(dir, file))).size;
      const page = await readHtml(dir, file);
      const rows = page.querySelectorAll('table tbody tr').map((row) => Buffer.byteLength(row.outerHTML));
      const pageLinks = page.querySelectorAll('nav[aria-label="Pagination"] li').filter((li) => li.querySelector('a[aria-label^="Page "]'));
      expect(rows.length, file).toBeGreaterThan(0);
      expect(pageLinks.length, file).toBeGreaterThan(1);
      // The longest link, plus a digit more in each of its two numbers.
      const perLink = Math.max(...pageLinks.map((li) => Buffer.byteLength(li.outerHTML))) + 2;
      const perRow = Math.max(...rows);
      const projected = bytes + (SITE.tablePageSize - rows.length) * perRow + (pagesThen - pageLinks.length) * perLink;
      if (projected > worst.projected) worst = { file, bytes, projected };
    }
    console.log(`[weight ${build.name}] with ${TARGET_PAPERS} papers the largest table page would be about ${kB(worst.projected)} (${worst.file}, now ${kB(worst.bytes)})`);
    expect(worst.projected).toBeLessThan(LIST_PAGE_LIMIT);
  });

  test('no framework runtime; the site\'s own scripts stay small', async () => {
    const pages = ['index.html', 'my-list/index.html', `papers/${(await paperSlugs(dir))[0]}/index.html`];
    const report: string[] = [];
    for (const file of pages) {
      const html = await readHtml(dir, file);
      // Astro islands (a framework component hydrated in the browser) would bring a runtime.
      expect(html.querySelectorAll('astro-island'), file).toHaveLength(0);
      let own = 0;
      for (const script of html.querySelectorAll('script[src]')) {
        const src = script.getAttribute('src')!;
        expect(src, file).not.toMatch(/react|preact|vue|svelte|solid|lit-html|alpine|htmx/i);
        if (src.startsWith(`${build.basePath}_astro/`)) {
          const body = await readFile(join(dir, src.slice(build.basePath.length)), 'utf8');
          expect(body, src).not.toMatch(/__REACT|preact|createElementVNode|SvelteComponent/);
          own += body.length;
        }
      }
      report.push(`${file} ${kB((await stat(join(dir, file))).size)} HTML + ${kB(own)} own JS`);
      expect(own, `${file}: own JavaScript`).toBeLessThan(OWN_SCRIPT_LIMIT);
    }
    console.log(`[weight ${build.name}] ${report.join('; ')}`);
  });

  test('the stored light/dark choice is applied before any stylesheet (no flash)', async () => {
    const html = await readFile(join(dir, 'index.html'), 'utf8');
    const head = html.slice(0, html.indexOf('</head>'));
    const script = head.indexOf('dataset.theme');
    const firstStyle = Math.min(...['<link rel="stylesheet"', '<style'].map((tag) => head.indexOf(tag)).filter((i) => i >= 0));
    expect(script).toBeGreaterThan(0);
    expect(script).toBeLessThan(firstStyle);
    expect(head).toContain(JSON.stringify(`reading-list:theme:${build.basePath}`));
  });

  test('the 404 page exists, says so, and links home through the base', async () => {
    const page = await readHtml(dir, '404.html');
    expect(page.querySelector('h1')?.textContent).toBe('Page not found');
    expect(page.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(page.querySelectorAll('main a').map((a) => a.getAttribute('href'))).toContain(build.basePath);
  });

  test('/my-list/papers.json names every paper', async () => {
    const index = JSON.parse(await readFile(join(dir, 'my-list', 'papers.json'), 'utf8')) as {
      themes: { id: string; url: string }[];
      papers: Record<string, [string, number[]]>;
    };
    const slugs = await paperSlugs(dir);
    expect(Object.keys(index.papers).sort()).toEqual(slugs);
    for (const theme of index.themes) expect(theme.url).toBe(`${build.basePath}themes/${theme.id}/`);
    for (const [slug, [title, themes]] of Object.entries(index.papers)) {
      expect(title, slug).not.toBe('');
      expect(themes.length, slug).toBeGreaterThan(0);
      for (const i of themes) expect(index.themes[i], slug).toBeDefined();
    }
    console.log(`[weight ${build.name}] /my-list/papers.json ${kB((await stat(join(dir, 'my-list', 'papers.json'))).size)}`);
  });
});
