/**
 * The /search/ page on Pagefind's JavaScript API. Titles and excerpts are inserted as
 * text: an excerpt is Pagefind's HTML (the page's words, `<`/`>` escaped, matches in
 * <mark>), read in an inert <template> and rebuilt from its text and <mark>s only.
 */
import { HIGHLIGHT_PARAM, matchSummary, QUERY_PARAM, unloadedSummary } from '../lib/site/search.ts';
import { rememberSearch, restoreSearch } from './search-address.ts';

/** What the search page needs of pagefind.js. */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string, options: Record<string, unknown>): Promise<{ results: PagefindResult[] }>;
}
interface PagefindResult {
  id: string;
  data(): Promise<{ url: string; excerpt: string; meta: Record<string, string> }>;
}

const PAGE = 10;

const root = document.querySelector<HTMLElement>('[data-pagefind-search]');
const form = root?.querySelector('form');
const status = root?.querySelector<HTMLElement>('[data-search-status]');
const list = root?.querySelector<HTMLOListElement>('[data-search-results]');
const filterPane = root?.querySelector<HTMLElement>('[data-search-filters]');
const more = root?.querySelector<HTMLButtonElement>('[data-search-more]');

if (root && form && status && list && filterPane && more) {
  const words = form.elements.namedItem(QUERY_PARAM) as HTMLInputElement;
  const sort = form.elements.namedItem('sort') as HTMLSelectElement;
  const debounceMs = Number(root.dataset['debounce'] ?? 0);
  let results: PagefindResult[] = [];
  let shown = 0;
  let generation = 0;
  /** The current search's summary, and how many of the results shown so far could not load. */
  let summary = '';
  let unloaded = 0;

  const loading: Promise<Pagefind> = import(/* @vite-ignore */ `${root.dataset['bundle']}pagefind.js`).then(async (pagefind: Pagefind) => {
    // noWorker: searching a few thousand pages takes milliseconds on the page's own thread,
    // and the worker would be one more script (43 kB) to download before the first result.
    await pagefind.options({ baseUrl: root.dataset['base'], highlightParam: HIGHLIGHT_PARAM, noWorker: true });
    await pagefind.init();
    return pagefind;
  });

  // Within a filter, any ticked value (a paper has one year); across filters, all of them.
  const selectedFilters = (): Record<string, { any: string[] }> => {
    const selected: Record<string, { any: string[] }> = {};
    for (const box of filterPane.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')) (selected[box.name] ??= { any: [] }).any.push(box.value);
    return selected;
  };

  const excerptNodes = (html: string): Node[] => {
    const template = document.createElement('template');
    template.innerHTML = html;
    return [...template.content.childNodes].map((node) =>
      node.nodeName === 'MARK' ? Object.assign(document.createElement('mark'), { textContent: node.textContent }) : document.createTextNode(node.textContent ?? ''),
    );
  };

  const showMore = async () => {
    // Claimed before waiting, so a second click takes the next ten, and a new search
    // (another `results`, another generation) discards this batch.
    const current = generation;
    const source = results;
    const start = shown;
    shown = Math.min(start + PAGE, source.length);
    more.hidden = shown >= source.length;
    // Offline, a result whose fragment the service worker could not save does not load: the others show.
    const batch = await Promise.allSettled(source.slice(start, shown).map((result) => result.data()));
    if (current !== generation || source !== results) return;
    for (const outcome of batch) {
      if (outcome.status === 'rejected') {
        unloaded++;
        continue;
      }
      const data = outcome.value;
      const item = document.createElement('li');
      item.className = 'paper-item';
      const heading = document.createElement('h2');
      heading.className = 'paper-item__title';
      heading.append(Object.assign(document.createElement('a'), { href: data.url, textContent: data.meta['title'] ?? data.url }));
      item.append(heading);
      // The paper page's `authors` meta (see papers/[slug].astro): text, as the title.
      const authors = data.meta['authors'];
      if (authors) item.append(Object.assign(document.createElement('p'), { className: 'paper-item__authors', textContent: authors }));
      const excerpt = document.createElement('p');
      excerpt.className = 'paper-item__excerpt';
      excerpt.append(...excerptNodes(data.excerpt));
      item.append(excerpt);
      list.append(item);
    }
    // A live region, read out on each change: changed only when some results did not load.
    const text = unloaded > 0 ? `${summary} ${unloadedSummary(unloaded, source.length)}` : summary;
    if (status.textContent !== text) status.textContent = text;
  };

  const search = async () => {
    rememberSearch(form);
    const term = words.value.trim();
    const current = ++generation;
    more.hidden = true;
    let pagefind: Pagefind;
    try {
      pagefind = await loading;
    } catch {
      return; // said once, below
    }
    const [key, direction = 'asc'] = sort.value.split(':');
    const found = term ? await pagefind.search(term, { filters: selectedFilters(), ...(key && { sort: { [key]: direction } }) }) : { results: [] };
    // A later search started meanwhile: its results win.
    if (current !== generation) return;
    results = found.results;
    shown = 0;
    unloaded = 0;
    list.replaceChildren();
    summary = matchSummary(results.length, term);
    status.textContent = summary;
    await showMore();
  };

  // Searched once the reader pauses, not at every letter: Pagefind's own debouncedSearch
  // preloads the index for each partial word ("c", "ch", "che"...), tens of kB each.
  let pause: ReturnType<typeof setTimeout> | undefined;
  words.addEventListener('input', () => {
    clearTimeout(pause);
    pause = setTimeout(search, debounceMs);
  });
  sort.addEventListener('change', search);
  filterPane.addEventListener('change', search);
  more.addEventListener('click', showMore);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(pause);
    void search();
  });

  loading.catch(() => {
    status.textContent = 'Search could not load. Browse the papers by theme instead.';
  });
  restoreSearch(form);
  if (words.value) void search();
}
