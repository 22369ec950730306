/**
 * A list with no paper yet (no listing in seeds/): the pipeline still builds a site,
 * and Pagefind, finding no page marked data-pagefind-body, indexes every page as it
 * does for any unmarked site (scripts/index-search.ts sends them all). Every theme
 * still has its page, which says what puts a paper there.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { filesUnder } from '../../src/lib/files-under.ts';
import { parseThemes, UNSORTED_THEME_ID } from '../../src/lib/ingest/themes.ts';
import { normaliseText } from '../setup/content.ts';
import { readHtml } from '../setup/dist.ts';
import { buildFixtureSite, type FixtureSite } from '../setup/fixture-site.ts';

let site: FixtureSite;
beforeAll(async () => {
  site = await buildFixtureSite({}, { name: 'reading-list-empty-' });
}, 120_000);
afterAll(() => site?.remove());

test('a list with no paper yet builds, and its search indexes every page', async () => {
  expect(site.ingestOutput).toContain('Entries: 0 written');
  const pages = filesUnder(site.dist).filter((file) => file.endsWith('.html'));
  expect(pages).toEqual(expect.arrayContaining(['index.html', 'search/index.html', 'themes/skills/index.html']));
  const marked: string[] = [];
  for (const page of pages) if ((await readFile(join(site.dist, page), 'utf8')).includes('data-pagefind-body')) marked.push(page);
  expect(marked, 'no paper page, so no page marked for search').toEqual([]);
  const entry = JSON.parse(await readFile(join(site.dist, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  expect(Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0)).toBe(pages.length);
});

test('each theme page names the terms that put a paper there, those that keep one out, and how they count', async () => {
  const { themes } = parseThemes(await readFile(join(site.dir, 'content', 'themes.yaml'), 'utf8'), 'content/themes.yaml');
  expect(themes.some((theme) => theme.exclude.length > 0), 'a theme with exclude terms to check').toBe(true);
  for (const theme of themes.filter((entry) => entry.id !== UNSORTED_THEME_ID)) {
    const text = normaliseText((await readHtml(site.dist, `themes/${theme.id}/index.html`)).structuredText);
    const rule = `A paper is here when it mentions: ${theme.terms.join(', ')}${theme.exclude.length > 0 ? `, unless it mentions: ${theme.exclude.join(', ')}` : ''}.`;
    expect(text, theme.id).toContain(rule);
    expect(text, theme.id).toContain('A term in the title counts most, and one found in many of the papers counts less in an abstract.');
  }
});
