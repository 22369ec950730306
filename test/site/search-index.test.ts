/**
 * The search index built while Astro renders the site (`scripts/astro-build.ts
 * --search-index`, what `npm run build` runs; src/integrations/search-index.ts) is, byte
 * for byte, the bundle Pagefind's Node API makes from the finished site's HTML (the marked
 * pages in path order, as the index was built before), and sw.js is the one
 * `scripts/index-search.ts` writes: with a paper whose notes' text comes only from a component, and with a page
 * of the user's marked for search besides the paper pages (indexed too).
 */
import { cp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { filesUnder } from '../../src/lib/files-under.ts';
import { runStep } from '../setup/build-site.ts';
import { buildFixtureSite, type FixtureSite } from '../setup/fixture-site.ts';

const LISTING = [
  'Planning Agents Paper',
  '',
  'We study agents that plan and act, at length, so that this line reads as the abstract of a paper.',
  '',
  'Grasping Robots Paper',
  '',
  'Robots learn to grasp objects from a few demonstrations, at length, so that this line reads as an abstract.',
  '',
  // Its abstract names the attribute: on the list pages, the words must not count as a marked element.
  'Marking Pages for Search',
  '',
  'We mark the main element with data-pagefind-body so that only it is indexed, at length, as an abstract.',
  '',
].join('\n');

/** Text only the component puts on the page: not in the entry's file. */
const FROM_COMPONENT = 'Zygomorphic verdict written by a component';
const COMPONENT = `---\n---\n<p class="verdict">${FROM_COMPONENT}</p>\n`;
const WITH_COMPONENT = [
  '---',
  'title: Component Notes Paper',
  'slug: component-notes-paper',
  'themes: [agents]',
  '---',
  'An abstract of a paper whose notes use a component, at length, so that it reads as one.',
  '',
  "import Verdict from '../../../src/components/TestVerdict.astro';",
  '',
  '<Verdict />',
  '',
].join('\n');
const USER_PAGE = `---\nimport BaseLayout from '../layouts/BaseLayout.astro';\n---\n<BaseLayout title="Reading group" indexed><h1>Reading group</h1><p>Quokka meetings on Thursdays.</p></BaseLayout>\n`;

/** The bundle and sw.js of a built site: path -> bytes. */
async function searchFiles(dist: string): Promise<Map<string, Buffer>> {
  const paths = [...filesUnder(join(dist, 'pagefind')).map((path) => `pagefind/${path}`), 'sw.js'].sort();
  return new Map(await Promise.all(paths.map(async (path) => [path, await readFile(join(dist, path))] as const)));
}

/** What differs between two sets of files (missing, extra, or different bytes). */
function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  return paths.filter((path) => !a.get(path) || !b.get(path) || !a.get(path)!.equals(b.get(path)!));
}

/**
 * The bundle as Pagefind's Node API makes it from the finished HTML, written here without the
 * project's code: the marked pages (every page if none is), one by one in path order.
 */
async function referenceBundle(dist: string, outputPath: string): Promise<Map<string, Buffer>> {
  const pages = filesUnder(dist).filter((path) => path.endsWith('.html')).sort();
  const contents = new Map(await Promise.all(pages.map(async (path) => [path, await readFile(join(dist, path), 'utf8')] as const)));
  const marked = pages.filter((path) => contents.get(path)!.includes('data-pagefind-body'));
  const { index } = await pagefind.createIndex({ forceLanguage: 'und' });
  try {
    for (const sourcePath of marked.length > 0 ? marked : pages) {
      const { errors } = await index!.addHTMLFile({ sourcePath, content: contents.get(sourcePath)! });
      expect(errors).toEqual([]);
    }
    expect((await index!.writeFiles({ outputPath })).errors).toEqual([]);
  } finally {
    await pagefind.close();
  }
  const paths = filesUnder(outputPath).sort();
  return new Map(await Promise.all(paths.map(async (path) => [`pagefind/${path}`, await readFile(join(outputPath, path))] as const)));
}

/** The same site's bundle and sw.js, indexed again from its HTML by scripts/index-search.ts, in a copy. */
async function indexedFromHtml(site: FixtureSite): Promise<Map<string, Buffer>> {
  const copy = join(site.dir, 'dist-from-html');
  await cp(site.dist, copy, { recursive: true });
  await rm(join(copy, 'pagefind'), { recursive: true });
  await rm(join(copy, 'sw.js'));
  await runStep({ label: 'index search (from HTML)', cwd: site.dir, command: process.execPath, args: ['scripts/index-search.ts', 'dist-from-html'] });
  return searchFiles(copy);
}

const pageCount = async (dist: string): Promise<number> => {
  const entry = JSON.parse(await readFile(join(dist, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
};

describe.each([
  { name: 'the paper pages, one with a component', files: {} as Record<string, string>, extraPages: 0, how: 'from the paper pages as they were rendered;' },
  {
    name: 'and a page of the user marked for search',
    files: { 'src/pages/reading-group.astro': USER_PAGE },
    extraPages: 1,
    how: 'from the built pages, as 1 besides the paper pages are marked for search (reading-group/index.html);',
  },
])('the index built along the build, $name', ({ files, extraPages, how }) => {
  let site: FixtureSite;

  beforeAll(async () => {
    site = await buildFixtureSite(
      { 'a.txt': LISTING },
      { name: 'reading-list-search-index-', entries: { 'agents/component-notes-paper.mdx': WITH_COMPONENT }, files: { 'src/components/TestVerdict.astro': COMPONENT, ...files } },
    );
  }, 240_000);

  afterAll(async () => {
    await site?.remove();
  });

  test('holds every page marked for search', async () => {
    const html = await readFile(join(site.dist, 'papers/component-notes-paper/index.html'), 'utf8');
    expect(html).toContain(FROM_COMPONENT);
    expect(await pageCount(site.dist)).toBe(4 + extraPages);
  });

  // The bytes are the same either way: the build says which way it went.
  test('is built from the pages as rendered, or from the files when a page besides the papers is marked', () => {
    expect(site.astroOutput).toContain(`Pagefind indexed ${4 + extraPages} pages ${how}`);
  });

  test('is byte-identical to the bundle Pagefind makes from the finished HTML', async () => {
    const along = await searchFiles(site.dist);
    along.delete('sw.js');
    expect(along.size).toBeGreaterThan(5);
    expect(differences(along, await referenceBundle(site.dist, join(site.dir, 'reference-bundle')))).toEqual([]);
  }, 120_000);

  test('and, sw.js included, to what scripts/index-search.ts makes of the finished site', async () => {
    expect(differences(await searchFiles(site.dist), await indexedFromHtml(site))).toEqual([]);
  }, 120_000);
});
