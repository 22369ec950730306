/**
 * The /search/ page of the hosted site on Pagefind's JavaScript API (pagefind.js).
 *
 * Pagefind, when a search word starts no word of the index, searches instead for the
 * longest indexed word that starts the search word ("qwertyuiop" finds "q"; its Rust
 * `find_word_extensions`), with no option to turn it off in 1.x. The site promises that
 * every word matches whole or as a word's start, so a search is checked on its first
 * result (loaded anyway to be shown): the fallback replaces a word for every result or for
 * none, so when the first result's matched words do not start with every search word, the
 * search found nothing.
 */
import { highlightedHref, withoutFilter } from '../lib/site/search.ts';
import { excerptAfterTitle, keepsEveryWord, searchWords, textWords } from '../lib/site/search-words.ts';
import { searchPage, type Engine, type ShownResult } from './search-page.ts';

/** What the search page needs of pagefind.js. */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  /** Every filter value's count of pages. */
  filters(): Promise<Record<string, Record<string, number>>>;
  /** A null term: the pages the filters let through. */
  search(term: string | null, options: Record<string, unknown>): Promise<PagefindResponse>;
}
interface PagefindResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
}
interface PagefindResult {
  id: string;
  data(): Promise<PagefindData>;
}
interface PagefindData {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  locations: number[];
}

/** Words of an excerpt (Pagefind's default excerpt length). The page's text starts with its title, which Pagefind ends with a full stop. */
const EXCERPT_WORDS = 30;

const root = document.querySelector<HTMLElement>('[data-pagefind-search]');

if (root) {
  const engine: Promise<Engine> = import(/* @vite-ignore */ `${root.dataset['bundle']}pagefind.js`).then(async (pagefind: Pagefind) => {
    // noWorker: searching a few thousand pages takes milliseconds on the page's own thread,
    // and the worker would be one more script (43 kB) to download before the first result.
    await pagefind.options({ baseUrl: root.dataset['base'], noWorker: true });
    await pagefind.init();
    // Loaded with the first search, not before: a search answers with per-value counts only
    // for filters whose index is loaded.
    let filtersLoaded: Promise<Record<string, Record<string, number>>> | undefined;
    return async ({ term, filters, sort }) => {
      filtersLoaded ??= pagefind.filters();
      const everyPage = await filtersLoaded;
      // No words (filters only): the pages the filters let through.
      const query = term === '' ? null : term;
      const [key, direction = 'asc'] = sort.split(':');
      const pagefindFilters = Object.fromEntries(Object.entries(filters).map(([name, values]) => [name, { any: values }]));
      const response = await pagefind.search(query, { filters: pagefindFilters });
      const { words, phrase } = searchWords(term);
      // Pagefind's fallback replaces a word for every result or for none: the first result that
      // loads tells (offline, a result the service worker could not save does not load). Checked
      // on the results by relevance, so that a sort never changes which papers are found.
      const keptWords = async (results: PagefindResult[]) => {
        // A quoted search matches words whole: it has no fallback.
        if (phrase) return true;
        for (const result of results) {
          const data = await result.data().catch(() => undefined);
          if (data) return keepsEveryWord(words, textWords(data.content), data.locations, Object.values(data.meta).flatMap(textWords));
        }
        return true;
      };
      if (!(await keptWords(response.results))) return { results: [], unfiltered: 0, counts: {} };
      // Sorted: the pages with the key in its order (Pagefind leaves out the others), then the others by relevance.
      if (key) {
        const sorted = (await pagefind.search(query, { filters: pagefindFilters, sort: { [key]: direction } })).results;
        const keyed = new Set(sorted.map((result) => result.id));
        response.results = [...sorted, ...response.results.filter((result) => !keyed.has(result.id))];
      }
      const loaded = new Map<number, Promise<ShownResult>>();
      const load = (k: number) => {
        let result = loaded.get(k);
        if (!result) loaded.set(k, (result = response.results[k]!.data().then((data) => shownResult(data, term))));
        return result;
      };
      let unfiltered = response.unfilteredResultCount;
      // Emptied by the filters: how many the words find without them, checked the same way.
      if (query !== null && response.results.length === 0 && unfiltered > 0) {
        const bare = await pagefind.search(term, {});
        unfiltered = (await keptWords(bare.results)) ? bare.results.length : 0;
      }
      // Facet counts: a ticked filter's values count the papers found without that filter's ticks
      // (the others kept), as ticking a value adds to the results; Pagefind counts within its search.
      const counts = { ...response.filters };
      for (const group of Object.keys(filters)) {
        const others = withoutFilter(pagefindFilters, group);
        // No words and no other filter: every page counts.
        if (query === null && Object.keys(others).length === 0) counts[group] = everyPage[group] ?? {};
        else counts[group] = (await pagefind.search(query, { filters: others })).filters[group] ?? {};
      }
      return { results: response.results.map((_, k) => () => load(k)), unfiltered, counts };
    };
  });
  searchPage(root, engine, 'Search could not load. Browse the papers by theme instead.');
}

function shownResult(data: PagefindData, term: string): ShownResult {
  const slug = new URL(data.url, location.href).pathname.replace(/\/$/, '').split('/').pop() ?? '';
  return { slug, href: highlightedHref(data.url, term), title: data.meta['title'] ?? data.url, meta: data.meta, filters: data.filters, excerpt: excerptAfterTitle(textWords(data.content), textWords(data.meta['title'] ?? '').length, data.locations, EXCERPT_WORDS) };
}
