/**
 * Page weights of a built site, from its files' sizes.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export interface LargestPage {
  path: string;
  bytes: number;
}

export interface PageWeights {
  paperPages: { count: number; medianBytes: number; max: LargestPage };
  themePages: { count: number; max: LargestPage };
  /** The pages of the /papers/ table: `papers/`, `papers/2/`, `papers/upvotes/`, `papers/title/3/`... */
  papersTable: { count: number; max: LargestPage };
  homeBytes: number;
  dist: { files: number; bytes: number };
  pagefind: { files: number; bytes: number };
  /** What sw.js downloads on a first visit: `core` must all be cached, Pagefind's `fragments` and `pages` are best effort. */
  serviceWorkerPrecache: { coreBytes: number; fragmentsBytes: number; pagesBytes: number };
}

/** Every file of `dir`, path relative to it with `/` separators -> size in bytes. */
export async function fileSizes(dir: string): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    sizes.set(relative(dir, path).split(sep).join('/'), (await stat(path)).size);
  }
  return sizes;
}

/** The precache lists of sw.js: paths relative to the site's base (see scripts/service-worker.js). */
export interface Precache {
  core: string[];
  fragments: string[];
  pages: string[];
}

/** The precache lists of sw.js (written by scripts/index-search.ts as `const MANIFEST = {...};` on its first line). */
export function serviceWorkerManifest(swSource: string): Precache {
  const match = /^const MANIFEST = (.*);$/m.exec(swSource);
  if (!match) throw new Error('sw.js does not start with its MANIFEST');
  return JSON.parse(match[1]!) as Precache;
}

function largest(sizes: ReadonlyMap<string, number>, paths: string[]): LargestPage {
  return paths.reduce<LargestPage>((max, path) => (sizes.get(path)! > max.bytes ? { path, bytes: sizes.get(path)! } : max), { path: '', bytes: 0 });
}

/** Weights from `fileSizes(dist)` and the precache lists of its sw.js. */
export function pageWeights(sizes: ReadonlyMap<string, number>, precache: Precache): PageWeights {
  const paths = [...sizes.keys()].sort();
  // Table pages are named by an order and a page number, which are never slugs (src/lib/ingest/slug.ts).
  const tablePages = paths.filter((path) => /^papers\/(?:(?:date|upvotes|title)\/)?(?:\d+\/)?index\.html$/.test(path));
  const paperPages = paths.filter((path) => /^papers\/[^/]+\/index\.html$/.test(path) && !tablePages.includes(path));
  const themePages = paths.filter((path) => /^themes\/.+\/index\.html$/.test(path));
  const paperBytes = paperPages.map((path) => sizes.get(path)!).sort((a, b) => a - b);
  const total = (files: string[]) => files.reduce((sum, path) => sum + (sizes.get(path) ?? 0), 0);
  // Precache entries are URLs: `` is the home page, `x/` a page folder.
  const asFile = (url: string) => (url === '' || url.endsWith('/') ? `${url}index.html` : url);
  const pagefind = paths.filter((path) => path.startsWith('pagefind/'));
  return {
    paperPages: { count: paperPages.length, medianBytes: paperBytes[Math.floor(paperBytes.length / 2)] ?? 0, max: largest(sizes, paperPages) },
    themePages: { count: themePages.length, max: largest(sizes, themePages) },
    papersTable: { count: tablePages.length, max: largest(sizes, tablePages) },
    homeBytes: sizes.get('index.html') ?? 0,
    dist: { files: paths.length, bytes: total(paths) },
    pagefind: { files: pagefind.length, bytes: total(pagefind) },
    serviceWorkerPrecache: { coreBytes: total(precache.core.map(asFile)), fragmentsBytes: total(precache.fragments), pagesBytes: total(precache.pages.map(asFile)) },
  };
}

export async function measurePageWeights(dist: string): Promise<PageWeights> {
  return pageWeights(await fileSizes(dist), serviceWorkerManifest(await readFile(join(dist, 'sw.js'), 'utf8')));
}
