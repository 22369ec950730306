/**
 * The Pagefind index of the hosted site, in one place for its two callers:
 * `scripts/astro-build.ts --search-index` (src/integrations/search-index.ts), which hands
 * the paper pages to Pagefind while Astro renders the others, and `scripts/index-search.ts`,
 * which indexes a site already built. Both hand the same pages in the same order, so both
 * write the same bundle, byte for byte (test/site/search-index.test.ts).
 *
 * The order: Pagefind numbers pages in the order it receives them, and the index files (so
 * the service worker's version) follow. Its own directory walk (`addDirectory`, the CLI)
 * takes the file system's order, which differs from build to build on tmpfs or btrfs
 * (Astro writes 8 pages at a time) and from disk to disk; so pages go one by one, in the
 * order of their paths.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { filesUnder } from '../files-under.ts';
import { isMarkedForSearch, type PagePath } from './search-handover.ts';

/**
 * The language Pagefind indexes the pages as: one it has no stemmer for ("und", undetermined),
 * so a word is found by its own start and not by its stem ("agents" does not find "agent",
 * "reinforcment" does not find "reinforcement"), as the offline search finds it. See docs/search.md.
 */
export const SEARCH_LANGUAGE = 'und';

/** Paths in the order their pages are handed to Pagefind: UTF-16 code units, as `Array#sort`. */
export const inHandoverOrder = (paths: Iterable<PagePath>): PagePath[] => [...paths].sort();

export type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

export async function createSearchIndex(): Promise<PagefindIndex> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE });
  if (!index || errors.length > 0) throw new Error(`could not start Pagefind: ${errors.join('; ') || 'no index returned'}`);
  return index;
}

/**
 * Pages sent to Pagefind as they are added: its service indexes them one at a time, in the
 * order they arrive, while the caller goes on (rendering the next pages, reading the next files).
 */
class PagefindFeed {
  readonly #index: PagefindIndex;
  #added: Promise<string | undefined>[] = [];

  constructor(index: PagefindIndex) {
    this.#index = index;
  }

  add(sourcePath: PagePath, content: string): void {
    this.#added.push(this.#index.addHTMLFile({ sourcePath, content }).then(({ errors }) => (errors.length > 0 ? `${sourcePath}: ${errors.join('; ')}` : undefined)));
  }

  /** Waits until Pagefind has indexed every page added so far; throws on the first failures. */
  async settle(): Promise<void> {
    const added = this.#added;
    this.#added = [];
    const failures = (await Promise.all(added)).filter((failure) => failure !== undefined);
    if (failures.length > 0) throw new Error(`Pagefind could not index ${failures.length} page(s): ${failures.slice(0, 3).join(' | ')}`);
  }
}

/**
 * Hands pages to Pagefind in path order, whatever order they come in: each waits until every
 * page before it has come.
 */
export class OrderedHandover {
  readonly #feed: PagefindFeed;
  readonly #order: PagePath[];
  readonly #expected: Set<PagePath>;
  readonly #waiting = new Map<PagePath, string>();
  readonly #offered = new Set<PagePath>();
  readonly #unexpected: PagePath[] = [];
  readonly #repeated: PagePath[] = [];
  #next = 0;
  readonly #handedAll = Promise.withResolvers<void>();

  constructor(index: PagefindIndex, paths: Iterable<PagePath>) {
    this.#feed = new PagefindFeed(index);
    this.#order = inHandoverOrder(new Set(paths));
    this.#expected = new Set(this.#order);
    if (this.#order.length === 0) this.#handedAll.resolve();
  }

  /** Resolves once every expected page has been handed to Pagefind (not yet indexed: see settle). */
  get handedAll(): Promise<void> {
    return this.#handedAll.promise;
  }

  get expected(): number {
    return this.#order.length;
  }

  /** Takes a page; hands it and those it was holding up to Pagefind when its turn has come. */
  offer(path: PagePath, html: string): void {
    if (!this.#expected.has(path)) {
      this.#unexpected.push(path);
      return;
    }
    if (this.#offered.has(path)) {
      this.#repeated.push(path);
      return;
    }
    this.#offered.add(path);
    this.#waiting.set(path, html);
    while (this.#next < this.#order.length && this.#waiting.has(this.#order[this.#next]!)) {
      const sourcePath = this.#order[this.#next++]!;
      this.#feed.add(sourcePath, this.#waiting.get(sourcePath)!);
      this.#waiting.delete(sourcePath);
    }
    if (this.#next === this.#order.length) this.#handedAll.resolve();
  }

  /** Waits until Pagefind has indexed every page handed so far; throws on the first failures. */
  settle(): Promise<void> {
    return this.#feed.settle();
  }

  /**
   * Waits for the last pages; throws when a page expected never came, or came twice. Returns the
   * pages marked for search that were not expected (a page of the user's with
   * `data-pagefind-body`): they are not in the index.
   */
  async finish(): Promise<PagePath[]> {
    await this.settle();
    const list = (paths: PagePath[]) => `${paths.slice(0, 5).join(', ')}${paths.length > 5 ? ', …' : ''}`;
    const missing = this.#order.slice(this.#next);
    if (missing.length > 0) throw new Error(`${missing.length} page(s) to index were never rendered: ${list(missing)}`);
    const repeated = [...new Set(this.#repeated)];
    if (repeated.length > 0) throw new Error(`${repeated.length} page(s) to index were rendered twice: ${list(repeated)}`);
    return [...new Set(this.#unexpected)];
  }
}

/** How many pages are read ahead of Pagefind's answers when indexing a built site. */
const READ_AHEAD = 64;

/**
 * Hands the HTML pages of a built site to `index`, in path order: the marked ones, or every
 * page when none is marked. Returns how many HTML pages the site has.
 */
export async function addBuiltSite(index: PagefindIndex, outDir: string): Promise<number> {
  const pages = inHandoverOrder(filesUnder(outDir).filter((file) => file.endsWith('.html')));
  if (pages.length === 0) throw new Error(`no HTML pages found in ${outDir}`);
  const read = (page: PagePath) => readFileSync(join(outDir, page), 'utf8');
  // Read up to the first marked page, then each page once.
  const anyMarked = pages.some((page) => isMarkedForSearch(read(page)));
  const feed = new PagefindFeed(index);
  let added = 0;
  for (const page of pages) {
    const html = read(page);
    if (anyMarked && !isMarkedForSearch(html)) continue;
    feed.add(page, html);
    if (++added % READ_AHEAD === 0) await feed.settle();
  }
  await feed.settle();
  return pages.length;
}

/** What the written bundle holds. */
export interface SearchBundle {
  /** Pages in the index. */
  indexed: number;
  /** The languages' wasm files pagefind.js loads (`unknown` for a language without a stemmer). */
  wasmLanguages: string[];
}

/** Writes the bundle to <outDir>/pagefind/. */
export async function writeSearchBundle(index: PagefindIndex, outDir: string): Promise<SearchBundle> {
  const outputPath = join(outDir, 'pagefind');
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(`writing ${outputPath} failed: ${written.errors.join('; ')}`);
  const entry = JSON.parse(readFileSync(join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number; wasm: string | null }>;
  };
  const languages = Object.values(entry.languages);
  return {
    indexed: languages.reduce((sum, language) => sum + language.page_count, 0),
    wasmLanguages: languages.map((language) => language.wasm ?? 'unknown'),
  };
}

/** Pagefind's Node API talks to a Pagefind binary: closed, or the process never exits. */
export const closeSearchIndex = async (): Promise<void> => {
  await pagefind.close();
};
