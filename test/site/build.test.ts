/**
 * Checks on the built site (test/.output/, built once by test/setup/build-site.ts),
 * derived from the inputs in content/: every expectation is computed from the
 * entries and themes, never copied from a build's output.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { normaliseText, readPaperEntries, readThemes, sortsOffered } from '../setup/content.ts';
import {
  builtFileFor,
  internalUrl,
  listBuiltFiles,
  pageFoldersIn,
  readHtml,
  referencesIn,
  urlPathOf,
} from '../setup/dist.ts';
import { BUILDS } from '../setup/site-builds.ts';
import { SITE } from '../../src/config.ts';
import { mergePapers } from '../../src/lib/ingest/merge.ts';
import { titleKey } from '../../src/lib/ingest/normalise.ts';
import { parseSeed, seedNames } from '../setup/seeds.ts';

const repoRoot = inject('repoRoot');
const siteDirs = inject('siteDirs');
const buildLogs = inject('buildLogs');
const papers = await readPaperEntries(repoRoot);
const themes = await readThemes(repoRoot);

/** Papers a theme holds: those listing it among their themes (a paper counts once per theme). */
function papersInTheme(themeId: string) {
  return papers.filter((paper) => paper.themes.includes(themeId));
}

/** How many problems a failing check lists before "... and N more". */
const SHOWN_PROBLEMS = 25;
function summarise(problems: string[]): string[] {
  return problems.length <= SHOWN_PROBLEMS
    ? problems
    : [...problems.slice(0, SHOWN_PROBLEMS), `... and ${problems.length - SHOWN_PROBLEMS} more`];
}

test('the inputs have papers and themes to check', () => {
  expect(papers.length).toBeGreaterThan(0);
  expect(themes.length).toBeGreaterThan(0);
  const slugs = papers.map((paper) => paper.slug);
  expect(new Set(slugs).size, 'two entries share a slug').toBe(slugs.length);
  const themeIds = new Set(themes.map((theme) => theme.id));
  const unknown = papers.filter((paper) => !paper.themes.every((id) => themeIds.has(id)) || !themeIds.has(paper.mainTheme));
  expect(unknown.map((paper) => paper.file), 'entries whose themes are not in themes.yaml').toEqual([]);
});

describe.each(BUILDS)('site built with base $basePath', (build) => {
  const dir = siteDirs[build.name];
  const base = build.basePath;

  test('has one page per paper entry, at papers/<slug>/, beside the pages of the papers table', async () => {
    // The table's further pages (papers/2/, papers/3/...) and orders (papers/upvotes/, papers/title/): see find.test.ts.
    const tablePages = Math.ceil(papers.length / SITE.tablePageSize);
    const orders = sortsOffered(papers).filter((sort) => sort !== 'date');
    const tableFolders = [...Array.from({ length: tablePages - 1 }, (_, i) => String(i + 2)), ...orders];
    expect(papers.filter((paper) => tableFolders.includes(paper.slug))).toEqual([]);
    const expected = [...papers.map((paper) => paper.slug), ...tableFolders].sort();
    expect(await pageFoldersIn(dir, 'papers')).toEqual(expected);
    expect(existsSync(join(dir, 'papers', 'index.html'))).toBe(true);
  });

  test('has one page per theme of themes.yaml, at themes/<id>/', async () => {
    const expected = themes.map((theme) => theme.id).sort();
    expect(await pageFoldersIn(dir, 'themes')).toEqual(expected);
  });

  test('has a home page and a search page', () => {
    expect(existsSync(join(dir, 'index.html'))).toBe(true);
    expect(existsSync(join(dir, 'search', 'index.html'))).toBe(true);
  });

  test('home page links to each theme with its number of papers', async () => {
    const home = await readHtml(dir, 'index.html');
    const problems: string[] = [];
    for (const theme of themes) {
      const href = `${base}themes/${theme.id}/`;
      const links = home.querySelectorAll('a').filter((a) => a.getAttribute('href') === href);
      if (links.length === 0) {
        problems.push(`${theme.id}: no link to ${href}`);
        continue;
      }
      // The count goes with the link: in the link itself or in the list item / block that holds it.
      const count = papersInTheme(theme.id).length;
      const shown = links.some((link) => {
        const holder = link.closest('li') ?? link.closest('article') ?? link.parentNode;
        const text = normaliseText(holder?.structuredText ?? link.structuredText);
        return text.includes(theme.title) && new RegExp(`(^|\\D)${count}\\s+papers?\\b`).test(text);
      });
      if (!shown) problems.push(`${theme.id}: "${theme.title}" is not shown with "${count} paper(s)"`);
    }
    expect(summarise(problems)).toEqual([]);
  });

  test('each theme page links to every paper of that theme', async () => {
    const problems: string[] = [];
    for (const theme of themes) {
      const page = await readHtml(dir, `themes/${theme.id}/index.html`);
      // A long theme is paginated: /themes/<id>/, /themes/<id>/2/, ... (see find.test.ts).
      const hrefs = new Set(page.querySelectorAll('a').map((a) => a.getAttribute('href')));
      for (let n = 2; existsSync(join(dir, `themes/${theme.id}/${n}/index.html`)); n += 1) {
        for (const a of (await readHtml(dir, `themes/${theme.id}/${n}/index.html`)).querySelectorAll('a')) hrefs.add(a.getAttribute('href'));
      }
      const h1 = normaliseText(page.querySelector('h1')?.text ?? '');
      if (!h1.includes(theme.title)) problems.push(`${theme.id}: <h1> is "${h1}", expected it to name "${theme.title}"`);
      for (const paper of papersInTheme(theme.id)) {
        if (!hrefs.has(`${base}papers/${paper.slug}/`)) problems.push(`${theme.id}: no link to ${paper.slug}`);
      }
    }
    expect(summarise(problems)).toEqual([]);
  });

  test('each paper page has its title in <h1> and citation_title, a canonical URL and a Pagefind body', async () => {
    const problems: string[] = [];
    for (const paper of papers) {
      const file = `papers/${paper.slug}/index.html`;
      if (!existsSync(join(dir, file))) continue; // reported by the page-per-paper test
      const page = await readHtml(dir, file);
      const headings = page.querySelectorAll('h1').map((h1) => normaliseText(h1.text));
      if (headings.length !== 1 || headings[0] !== normaliseText(paper.title)) {
        problems.push(`${paper.slug}: <h1> ${JSON.stringify(headings)}, expected [${JSON.stringify(paper.title)}]`);
      }
      const citationTitles = page.querySelectorAll('meta[name="citation_title"]').map((meta) => meta.getAttribute('content'));
      if (citationTitles.length !== 1 || citationTitles[0] !== paper.title) {
        problems.push(`${paper.slug}: citation_title ${JSON.stringify(citationTitles)}, expected [${JSON.stringify(paper.title)}]`);
      }
      const canonicals = page.querySelectorAll('link[rel="canonical"]').map((link) => link.getAttribute('href') ?? '');
      const canonicalPath = URL.canParse(canonicals[0] ?? '') ? new URL(canonicals[0]).pathname : undefined;
      if (canonicals.length !== 1 || canonicalPath !== `${base}papers/${paper.slug}/`) {
        problems.push(`${paper.slug}: canonical ${JSON.stringify(canonicals)} is not one absolute URL of ${base}papers/${paper.slug}/`);
      }
      const bodies = page.querySelectorAll('[data-pagefind-body]');
      if (bodies.length !== 1) problems.push(`${paper.slug}: ${bodies.length} data-pagefind-body elements, expected 1`);
    }
    expect(summarise(problems)).toEqual([]);
  });

  test('each paper page shows the abstract exactly as the listings wrote it', async () => {
    const listed = new Map(mergePapers(seedNames.flatMap((name) => parseSeed(name).papers)).map((paper) => [paper.key, paper.abstract]));
    const problems: string[] = [];
    for (const paper of papers) {
      const abstract = listed.get(titleKey(paper.title));
      if (abstract === undefined) continue; // a hand-written entry: no listing to compare with
      const shown = (await readHtml(dir, `papers/${paper.slug}/index.html`)).querySelector('.abstract')?.text.trim();
      if (shown !== abstract) problems.push(`${paper.slug}: shows ${JSON.stringify(shown?.slice(0, 200))}`);
    }
    expect(summarise(problems)).toEqual([]);
  });

  test('only paper pages are marked for the search index', async () => {
    const marked: string[] = [];
    for (const file of await listBuiltFiles(dir, '.html')) {
      if (/^papers\/[^/]+\/index\.html$/.test(file)) continue;
      if ((await readFile(join(dir, file), 'utf8')).includes('data-pagefind-body')) marked.push(file);
    }
    expect(marked).toEqual([]);
  });

  test('has the Pagefind bundle, indexing exactly the paper pages', async () => {
    for (const file of ['pagefind.js', 'pagefind-component-ui.js', 'pagefind-entry.json']) {
      expect(existsSync(join(dir, 'pagefind', file)), `pagefind/${file}`).toBe(true);
    }
    const entry = JSON.parse(await readFile(join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const indexed = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    expect(indexed).toBe(papers.length);
  });

  test(`no page links to a missing file or outside ${base}`, async () => {
    const files = await listBuiltFiles(dir, '.html');
    // Links may be absolute on the configured site (canonical URLs): that origin is internal too.
    const home = await readHtml(dir, 'index.html');
    const canonical = home.querySelector('link[rel="canonical"]')?.getAttribute('href');
    const siteOrigin = canonical && URL.canParse(canonical) ? new URL(canonical).origin : 'http://site.invalid';
    const problems: string[] = [];
    let checked = 0;
    for (const file of files) {
      const pageUrl = new URL(urlPathOf(file, base), siteOrigin);
      for (const { where, value } of referencesIn(await readHtml(dir, file))) {
        const target = internalUrl(value, pageUrl, [siteOrigin]);
        if (!target) continue;
        checked += 1;
        if (!target.pathname.startsWith(base)) problems.push(`${file}: ${where} "${value}" is outside ${base}`);
        else if (!builtFileFor(dir, base, target.pathname)) problems.push(`${file}: ${where} "${value}" does not exist`);
      }
    }
    expect(summarise(problems)).toEqual([]);
    // Every paper page is linked from somewhere, so there are at least as many internal links as papers.
    expect(checked).toBeGreaterThanOrEqual(papers.length);
  });

  test(`no stylesheet refers to a missing file or outside ${base}`, async () => {
    const problems: string[] = [];
    for (const file of await listBuiltFiles(dir, '.css')) {
      const cssUrl = new URL(urlPathOf(file, base), 'http://site.invalid');
      const css = await readFile(join(dir, file), 'utf8');
      for (const match of css.matchAll(/url\(\s*(["']?)([^"')]*)\1\s*\)/g)) {
        const value = match[2].trim();
        const target = internalUrl(value, cssUrl, ['http://site.invalid']);
        if (!target) continue;
        if (!target.pathname.startsWith(base)) problems.push(`${file}: url(${value}) is outside ${base}`);
        else if (!builtFileFor(dir, base, target.pathname)) problems.push(`${file}: url(${value}) does not exist`);
      }
    }
    expect(summarise(problems)).toEqual([]);
  });
});

describe('the build log', () => {
  test('is kept for every build step', () => {
    expect(Object.keys(buildLogs).sort()).toEqual(
      ['astro build (base)', 'astro build (root)', 'node scripts/build.ts (offline)'],
    );
  });

  // A list of 10,000 papers must not print 10,000 lines: no line per page or per entry.
  test.each(Object.keys(buildLogs))('of %s has a few lines, none naming a paper', (step) => {
    const lines = buildLogs[step]!.split('\n').filter((line) => line.trim() !== '');
    expect(lines.length, lines.join('\n')).toBeLessThanOrEqual(5);
    expect(lines.filter((line) => papers.some((paper) => line.includes(paper.slug)))).toEqual([]);
    // The related papers read ahead on a worker matched the collection (related-handoff.ts).
    expect(lines.filter((line) => line.includes('related papers:'))).toEqual([]);
  });
});
