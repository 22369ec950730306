/**
 * Finding papers without search: theme pages and the /papers/ table, paginated in
 * three orders, and the header search box (a plain form to /search/ without
 * JavaScript). Expectations are derived from content/ with the site's own sort
 * functions (whose rules test/unit/sort.test.ts checks case by case).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import type { HTMLElement } from 'node-html-parser';
import { normaliseText, readPaperEntries, readThemes, type PaperEntry } from '../setup/content.ts';
import { readHtml } from '../setup/dist.ts';
import { BUILDS } from '../setup/site-builds.ts';
import { SITE } from '../../src/config.ts';
import { listSorts, PAPER_SORTS, SORT_LABELS, sortPapersBy, type PaperSort } from '../../src/lib/site/sort.ts';
import type { PaperLike } from '../../src/lib/site/papers.ts';

const repoRoot = inject('repoRoot');
const siteDirs = inject('siteDirs');
const entries = await readPaperEntries(repoRoot);
const themes = await readThemes(repoRoot);

/** An entry as the site's sort functions see it. */
function asPaper(entry: PaperEntry): PaperLike & { entry: PaperEntry } {
  return {
    id: entry.slug,
    entry,
    data: {
      title: entry.title,
      published: entry.date ? { text: entry.date, date: entry.date } : undefined,
      upvotes: entry.upvotes,
      rating: entry.rating,
      themes: entry.themes.map((id) => ({ id })),
    },
  };
}
const papers = entries.map(asPaper);

/** `<list>`, `<list>2/`, `<list>upvotes/`, `<list>upvotes/2/`... (without the base) for a list at `themes/<id>/` or `papers/`. */
function listPage(list: string, sort: PaperSort, page: number): string {
  return `${list}${sort === 'date' ? '' : `${sort}/`}${page > 1 ? `${page}/` : ''}`;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out.length > 0 ? out : [[]];
}

/** Slugs a list of links to paper pages points to, in order. */
function slugsOf(links: HTMLElement[], base: string): string[] {
  return links.map((a) => (a.getAttribute('href') ?? '').slice(`${base}papers/`.length).replace(/\/$/, ''));
}

/** Slugs of the papers a theme page shows, in order. */
const themeSlugs = (page: HTMLElement, base: string) => slugsOf(page.querySelectorAll('.paper-list .paper-item__title a'), base);
/** Slugs of the rows of a page of the /papers/ table, in order. */
const tableSlugs = (page: HTMLElement, base: string) => slugsOf(page.querySelectorAll('table tbody tr th[scope="row"] a'), base);

interface PaginatedList {
  /** `themes/<id>/` or `papers/`. */
  list: string;
  papers: ReturnType<typeof asPaper>[];
  pageSize: number;
  listed: (page: HTMLElement, base: string) => string[];
  /** Problems with a page's links to the list's orders, if the page has any. */
  sortLinkProblems: (page: HTMLElement, path: string, sort: PaperSort) => string[];
}

/**
 * A paginated list as built in `dir`, in every order: the pages that should exist and
 * no more, each showing its share of the list in that order, with pagination links
 * (in the page and as <link rel="prev/next">) and links to the other orders.
 */
async function paginatedListProblems(dir: string, base: string, { list, papers: all, pageSize, listed, sortLinkProblems }: PaginatedList): Promise<string[]> {
  const problems: string[] = [];
  // An order the list does not offer (by rating, when no paper of it is rated) has no page.
  for (const sort of PAPER_SORTS.filter((order) => !listSorts(all).includes(order))) {
    if (existsSync(join(dir, listPage(list, sort, 1), 'index.html'))) problems.push(`${listPage(list, sort, 1)} exists, though the list is not offered in that order`);
  }
  for (const sort of listSorts(all)) {
    const pages = chunks(sortPapersBy(all, sort), pageSize);
    // No page beyond the last one.
    const extra = listPage(list, sort, pages.length + 1);
    if (existsSync(join(dir, extra, 'index.html'))) problems.push(`${extra} exists, expected ${pages.length} page(s)`);
    for (const [i, expected] of pages.entries()) {
      const number = i + 1;
      const path = listPage(list, sort, number);
      if (!existsSync(join(dir, path, 'index.html'))) {
        problems.push(`${path}: missing`);
        continue;
      }
      const page = await readHtml(dir, `${path}index.html`);
      const shown = listed(page, base);
      const want = expected.map((paper) => paper.id);
      if (JSON.stringify(shown) !== JSON.stringify(want)) {
        problems.push(`${path}: lists ${JSON.stringify(shown.slice(0, 5))}..., expected ${JSON.stringify(want.slice(0, 5))}...`);
      }
      const wantPrev = number > 1 ? `${base}${listPage(list, sort, number - 1)}` : undefined;
      const wantNext = number < pages.length ? `${base}${listPage(list, sort, number + 1)}` : undefined;
      const headPrev = page.querySelector('head link[rel="prev"]')?.getAttribute('href');
      const headNext = page.querySelector('head link[rel="next"]')?.getAttribute('href');
      if (headPrev !== wantPrev || headNext !== wantNext) problems.push(`${path}: <link> prev/next ${headPrev}/${headNext}, expected ${wantPrev}/${wantNext}`);
      const nav = page.querySelector('nav[aria-label="Pagination"]');
      if (pages.length === 1) {
        if (nav) problems.push(`${path}: pagination on a single page`);
      } else if (!nav) {
        problems.push(`${path}: no <nav aria-label="Pagination">`);
      } else {
        const hrefs = nav.querySelectorAll('a').map((a) => a.getAttribute('href'));
        for (let n = 1; n <= pages.length; n += 1) {
          if (!hrefs.includes(`${base}${listPage(list, sort, n)}`)) problems.push(`${path}: no link to page ${n}`);
        }
        const current = nav.querySelectorAll('a[aria-current="page"]').map((a) => a.getAttribute('href'));
        if (JSON.stringify(current) !== JSON.stringify([`${base}${path}`])) problems.push(`${path}: aria-current on ${JSON.stringify(current)}`);
        const prev = nav.querySelector('a[rel="prev"]')?.getAttribute('href');
        const next = nav.querySelector('a[rel="next"]')?.getAttribute('href');
        if (prev !== wantPrev || next !== wantNext) problems.push(`${path}: prev/next ${prev}/${next}, expected ${wantPrev}/${wantNext}`);
      }
      problems.push(...sortLinkProblems(page, path, sort));
    }
  }
  return problems;
}

test('some theme is long enough to be paginated, and the papers table is', () => {
  // Otherwise the pagination checks below would check nothing.
  const longest = Math.max(...themes.map((theme) => papers.filter((p) => p.entry.themes.includes(theme.id)).length));
  expect(longest).toBeGreaterThan(SITE.themePageSize);
  expect(papers.length).toBeGreaterThan(2 * SITE.tablePageSize);
});

describe.each(BUILDS)('finding papers on the site built with base $basePath', (build) => {
  const dir = siteDirs[build.name];
  const base = build.basePath;

  test('theme pages list their papers page by page, in each order, with pagination and sort links', async () => {
    const problems: string[] = [];
    for (const theme of themes) {
      const list = `themes/${theme.id}/`;
      const inTheme = papers.filter((paper) => paper.entry.themes.includes(theme.id));
      const sortLinkProblems = (page: HTMLElement, path: string, sort: PaperSort): string[] => {
        if (inTheme.length <= 1) return [];
        const links = page.querySelector('nav[aria-label="Sort papers"]')?.querySelectorAll('a') ?? [];
        const targets = links.map((a) => a.getAttribute('href'));
        const wantTargets = listSorts(inTheme).map((order) => `${base}${listPage(list, order, 1)}`);
        const current = links.filter((a) => a.hasAttribute('aria-current')).map((a) => a.getAttribute('href'));
        return [
          ...(JSON.stringify(targets) !== JSON.stringify(wantTargets) ? [`${path}: sort links ${JSON.stringify(targets)}`] : []),
          ...(JSON.stringify(current) !== JSON.stringify([`${base}${listPage(list, sort, 1)}`]) ? [`${path}: current sort ${JSON.stringify(current)}`] : []),
        ];
      };
      problems.push(...(await paginatedListProblems(dir, base, { list, papers: inTheme, pageSize: SITE.themePageSize, listed: themeSlugs, sortLinkProblems })));
    }
    expect(problems.slice(0, 25)).toEqual([]);
  });

  test('the /papers/ table lists every paper page by page, in each order; its column headings link to the orders', async () => {
    // The Rating column only once the curator has rated a paper.
    const columns: (PaperSort | undefined)[] = ['title', undefined, 'date', 'upvotes', ...listSorts(papers).filter((order) => order === 'rating')];
    const sortLinkProblems = (page: HTMLElement, path: string, sort: PaperSort): string[] => {
      const problems: string[] = [];
      const headings = page.querySelectorAll('table thead th');
      if (headings.length !== columns.length) return [`${path}: ${headings.length} column headings`];
      for (const [i, order] of columns.entries()) {
        const th = headings[i];
        const links = th.querySelectorAll('a');
        if (order === undefined) {
          if (links.length > 0 || th.hasAttribute('aria-sort')) problems.push(`${path}: column ${i + 1} is not an order but links or has aria-sort`);
          continue;
        }
        const href = links.length === 1 ? links[0].getAttribute('href') : undefined;
        if (href !== `${base}${listPage('papers/', order, 1)}`) problems.push(`${path}: ${order} heading links to ${href}`);
        const want = order === sort ? SORT_LABELS[order].direction : undefined;
        if (th.getAttribute('aria-sort') !== want) problems.push(`${path}: ${order} heading aria-sort=${th.getAttribute('aria-sort')}, expected ${want}`);
        if (links[0]?.hasAttribute('aria-current') !== (order === sort)) problems.push(`${path}: ${order} heading link aria-current=${links[0]?.getAttribute('aria-current')}`);
      }
      return problems;
    };
    const problems = await paginatedListProblems(dir, base, { list: 'papers/', papers, pageSize: SITE.tablePageSize, listed: tableSlugs, sortLinkProblems });
    expect(problems.slice(0, 25)).toEqual([]);

    // Said another way: every paper is in exactly one page of each order.
    const count = Math.ceil(papers.length / SITE.tablePageSize);
    for (const sort of listSorts(papers)) {
      const seen = new Map<string, number>();
      for (let n = 1; n <= count; n += 1) {
        for (const slug of tableSlugs(await readHtml(dir, `${listPage('papers/', sort, n)}index.html`), base)) seen.set(slug, (seen.get(slug) ?? 0) + 1);
      }
      expect([...seen.keys()].sort(), sort).toEqual(papers.map((paper) => paper.id).sort());
      expect([...seen].filter(([, times]) => times !== 1), sort).toEqual([]);
    }
  });

  test('each /papers/ page says how many papers, in which order, and which page', async () => {
    const count = Math.ceil(papers.length / SITE.tablePageSize);
    for (const sort of listSorts(papers)) {
      for (let n = 1; n <= count; n += 1) {
        const path = listPage('papers/', sort, n);
        const page = await readHtml(dir, `${path}index.html`);
        const first = (n - 1) * SITE.tablePageSize + 1;
        const last = Math.min(n * SITE.tablePageSize, papers.length);
        const { description } = SORT_LABELS[sort];
        expect(normaliseText(page.querySelector('.lead')?.text ?? ''), path).toBe(`${papers.length} papers, ${description}; page ${n} of ${count} (${first}–${last}).`);
        expect(normaliseText(page.querySelector('table caption')?.text ?? ''), path).toBe(`All papers, ${description}, page ${n} of ${count}`);
        const title = normaliseText(page.querySelector('title')?.text ?? '');
        expect(title.startsWith(['All papers', sort !== 'date' && `by ${sort}`, n > 1 && `page ${n}`].filter(Boolean).join(', ') + ' · '), `${path}: ${title}`).toBe(true);
      }
    }
  });

  test('a /papers/ row shows the title, themes, date and upvotes of its paper', async () => {
    const bySlug = new Map(papers.map((paper) => [paper.id, paper.entry]));
    const problems: string[] = [];
    let rowCount = 0;
    for (let n = 1; n <= Math.ceil(papers.length / SITE.tablePageSize); n += 1) {
      const page = await readHtml(dir, `${listPage('papers/', 'date', n)}index.html`);
      for (const row of page.querySelectorAll('table tbody tr')) {
        rowCount += 1;
        const [slug] = slugsOf(row.querySelectorAll('th a'), base);
        const entry = bySlug.get(slug);
        if (!entry) {
          problems.push(`page ${n}: a row for ${slug}, which is no paper`);
          continue;
        }
        const cells = row.querySelectorAll('th, td');
        if (normaliseText(cells[0]?.text ?? '') !== normaliseText(entry.title)) problems.push(`${entry.slug}: title cell "${cells[0]?.text}"`);
        const themeLinks = cells[1]?.querySelectorAll('a').map((a) => a.getAttribute('href')) ?? [];
        if (JSON.stringify(themeLinks) !== JSON.stringify(entry.themes.map((id) => `${base}themes/${id}/`))) problems.push(`${entry.slug}: themes ${JSON.stringify(themeLinks)}`);
        const datetime = cells[2]?.querySelector('time')?.getAttribute('datetime');
        if (datetime !== entry.date) problems.push(`${entry.slug}: date ${datetime}, expected ${entry.date}`);
        const upvotes = normaliseText(cells[3]?.text ?? '');
        if (upvotes !== (entry.upvotes === undefined ? '–' : String(entry.upvotes))) problems.push(`${entry.slug}: upvotes "${upvotes}", expected ${entry.upvotes}`);
      }
    }
    expect(rowCount).toBe(papers.length);
    expect(problems.slice(0, 25)).toEqual([]);
  });

  test('every page but /search/ has the header search, a plain form to /search/', async () => {
    const sample = ['index.html', `papers/${entries[0].slug}/index.html`, 'themes/agents/index.html', 'papers/index.html', 'papers/upvotes/2/index.html', '404.html'];
    for (const file of sample) {
      const page = await readHtml(dir, file);
      const form = page.querySelector('header form[role="search"]');
      expect(form?.getAttribute('action'), file).toBe(`${base}search/`);
      expect(form?.querySelector('input[name="q"]'), file).not.toBeNull();
      // No search code on the page: nothing of Pagefind loads until the reader is on /search/.
      expect(page.querySelectorAll('script[src], link[rel="stylesheet"]').filter((el) => /pagefind/.test(el.getAttribute('src') ?? el.getAttribute('href') ?? '')), file).toEqual([]);
    }
    const search = await readHtml(dir, 'search/index.html');
    expect(search.querySelector('header form[role="search"]')).toBeNull();
    const ui = search.querySelector('[data-pagefind-search]');
    expect(ui?.getAttribute('data-bundle')).toBe(`${base}pagefind/`);
    expect(ui?.getAttribute('data-base')).toBe(base);
    expect(ui?.querySelector('form')?.getAttribute('action')).toBe(`${base}search/`);
  });

  test('paper pages with a known year carry it as the Pagefind year filter', async () => {
    const problems: string[] = [];
    for (const entry of entries) {
      const page = await readHtml(dir, `papers/${entry.slug}/index.html`);
      const years = page.querySelectorAll('[data-pagefind-filter^="year"]').map((el) => el.getAttribute('data-pagefind-filter'));
      const want = entry.date ? [`year:${entry.date.slice(0, 4)}`] : [];
      if (JSON.stringify(years) !== JSON.stringify(want)) problems.push(`${entry.slug}: ${JSON.stringify(years)}, expected ${JSON.stringify(want)}`);
    }
    expect(problems.slice(0, 25)).toEqual([]);
  });
});
