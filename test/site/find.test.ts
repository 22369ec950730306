/**
 * Finding papers without search: theme pages paginated in three orders, /papers/
 * as one table, and the header search box (a plain form to /search/ without
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
import { PAPER_SORTS, sortPapersBy, type PaperSort } from '../../src/lib/site/sort.ts';
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
      themes: entry.themes.map((id) => ({ id })),
    },
  };
}
const papers = entries.map(asPaper);

/** `themes/<id>/`, `themes/<id>/2/`, `themes/<id>/upvotes/`, `themes/<id>/upvotes/2/`... (without the base). */
function themePage(themeId: string, sort: PaperSort, page: number): string {
  return `themes/${themeId}/${sort === 'date' ? '' : `${sort}/`}${page > 1 ? `${page}/` : ''}`;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out.length > 0 ? out : [[]];
}

/** Slugs of the papers a list page shows, in order. */
function listedSlugs(page: HTMLElement, base: string): string[] {
  return page
    .querySelectorAll('.paper-list .paper-item__title a')
    .map((a) => (a.getAttribute('href') ?? '').slice(`${base}papers/`.length).replace(/\/$/, ''));
}

test('some theme is long enough to be paginated', () => {
  // Otherwise the pagination checks below would check nothing.
  const longest = Math.max(...themes.map((theme) => papers.filter((p) => p.entry.themes.includes(theme.id)).length));
  expect(longest).toBeGreaterThan(SITE.themePageSize);
});

describe.each(BUILDS)('finding papers on the site built with base $basePath', (build) => {
  const dir = siteDirs[build.name];
  const base = build.basePath;

  test('theme pages list their papers page by page, in each order, with pagination and sort links', async () => {
    const problems: string[] = [];
    for (const theme of themes) {
      const inTheme = papers.filter((paper) => paper.entry.themes.includes(theme.id));
      for (const sort of PAPER_SORTS) {
        const pages = chunks(sortPapersBy(inTheme, sort), SITE.themePageSize);
        // No page beyond the last one.
        const extra = themePage(theme.id, sort, pages.length + 1);
        if (existsSync(join(dir, extra, 'index.html'))) problems.push(`${extra} exists, expected ${pages.length} page(s)`);
        for (const [i, expected] of pages.entries()) {
          const number = i + 1;
          const path = themePage(theme.id, sort, number);
          if (!existsSync(join(dir, path, 'index.html'))) {
            problems.push(`${path}: missing`);
            continue;
          }
          const page = await readHtml(dir, `${path}index.html`);
          const shown = listedSlugs(page, base);
          const want = expected.map((paper) => paper.id);
          if (JSON.stringify(shown) !== JSON.stringify(want)) {
            problems.push(`${path}: lists ${JSON.stringify(shown.slice(0, 5))}..., expected ${JSON.stringify(want.slice(0, 5))}...`);
          }
          const nav = page.querySelector('nav[aria-label="Pagination"]');
          if (pages.length === 1) {
            if (nav) problems.push(`${path}: pagination on a single page`);
          } else if (!nav) {
            problems.push(`${path}: no <nav aria-label="Pagination">`);
          } else {
            const hrefs = nav.querySelectorAll('a').map((a) => a.getAttribute('href'));
            for (let n = 1; n <= pages.length; n += 1) {
              if (!hrefs.includes(`${base}${themePage(theme.id, sort, n)}`)) problems.push(`${path}: no link to page ${n}`);
            }
            const current = nav.querySelectorAll('a[aria-current="page"]').map((a) => a.getAttribute('href'));
            if (JSON.stringify(current) !== JSON.stringify([`${base}${path}`])) problems.push(`${path}: aria-current on ${JSON.stringify(current)}`);
            const prev = nav.querySelector('a[rel="prev"]')?.getAttribute('href');
            const next = nav.querySelector('a[rel="next"]')?.getAttribute('href');
            const wantPrev = number > 1 ? `${base}${themePage(theme.id, sort, number - 1)}` : undefined;
            const wantNext = number < pages.length ? `${base}${themePage(theme.id, sort, number + 1)}` : undefined;
            if (prev !== wantPrev || next !== wantNext) problems.push(`${path}: prev/next ${prev}/${next}, expected ${wantPrev}/${wantNext}`);
          }
          if (inTheme.length > 1) {
            const sortNav = page.querySelector('nav[aria-label="Sort papers"]');
            const links = sortNav?.querySelectorAll('a') ?? [];
            const targets = links.map((a) => a.getAttribute('href'));
            const wantTargets = PAPER_SORTS.map((order) => `${base}${themePage(theme.id, order, 1)}`);
            if (JSON.stringify(targets) !== JSON.stringify(wantTargets)) problems.push(`${path}: sort links ${JSON.stringify(targets)}`);
            const current = links.filter((a) => a.hasAttribute('aria-current')).map((a) => a.getAttribute('href'));
            if (JSON.stringify(current) !== JSON.stringify([`${base}${themePage(theme.id, sort, 1)}`])) {
              problems.push(`${path}: current sort ${JSON.stringify(current)}`);
            }
          }
        }
      }
    }
    expect(problems.slice(0, 25)).toEqual([]);
  });

  test('/papers/ is one table with one row per paper, newest first', async () => {
    const page = await readHtml(dir, 'papers/index.html');
    const tables = page.querySelectorAll('table');
    expect(tables).toHaveLength(1);
    const rows = tables[0].querySelectorAll('tbody tr');
    const slugs = rows.map((row) => (row.querySelector('a')?.getAttribute('href') ?? '').slice(`${base}papers/`.length).replace(/\/$/, ''));
    expect(slugs).toEqual(sortPapersBy(papers, 'date').map((paper) => paper.id));
    // Title, themes, date and upvotes of each paper.
    const bySlug = new Map(papers.map((paper) => [paper.id, paper.entry]));
    const problems: string[] = [];
    for (const [i, row] of rows.entries()) {
      const entry = bySlug.get(slugs[i]);
      if (!entry) continue;
      const cells = row.querySelectorAll('th, td');
      if (normaliseText(cells[0]?.text ?? '') !== normaliseText(entry.title)) problems.push(`${entry.slug}: title cell "${cells[0]?.text}"`);
      const themeLinks = cells[1]?.querySelectorAll('a').map((a) => a.getAttribute('href')) ?? [];
      if (JSON.stringify(themeLinks) !== JSON.stringify(entry.themes.map((id) => `${base}themes/${id}/`))) problems.push(`${entry.slug}: themes ${JSON.stringify(themeLinks)}`);
      const datetime = cells[2]?.querySelector('time')?.getAttribute('datetime');
      if (datetime !== entry.date) problems.push(`${entry.slug}: date ${datetime}, expected ${entry.date}`);
      if (entry.upvotes !== undefined && normaliseText(cells[3]?.text ?? '') !== String(entry.upvotes)) problems.push(`${entry.slug}: upvotes "${cells[3]?.text}"`);
    }
    expect(problems.slice(0, 25)).toEqual([]);
    const sortable = page.querySelectorAll('thead th[data-sort-key]').map((th) => th.getAttribute('data-sort-key'));
    expect(sortable).toEqual(['title', 'date', 'upvotes']);
    expect(page.querySelector('thead th[aria-sort="descending"]')?.getAttribute('data-sort-key')).toBe('date');
  });

  test('every page but /search/ has the header search, a plain form to /search/', async () => {
    const sample = ['index.html', `papers/${entries[0].slug}/index.html`, 'themes/agents/index.html', 'papers/index.html', '404.html'];
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
