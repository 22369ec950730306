/**
 * A list with no paper yet (no listing in seeds/): the pipeline still builds a site,
 * and Pagefind, finding no page marked data-pagefind-body, indexes every page as it
 * does for any unmarked site (scripts/index-search.ts sends them all).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { filesUnder } from '../../src/lib/files-under.ts';
import { buildFixtureSite } from '../setup/fixture-site.ts';

test('a list with no paper yet builds, and its search indexes every page', async () => {
  const site = await buildFixtureSite({}, { name: 'reading-list-empty-' });
  try {
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
  } finally {
    await site.remove();
  }
}, 120_000);
