/**
 * The /search/ page of both builds around a search engine (Pagefind's on the hosted site,
 * MiniSearch offline): the form, the filters with counts that follow the search, the
 * "Filters" disclosure of narrow screens, results ten at a time, and what an empty result
 * says. Every text of a paper is inserted as text, never parsed as HTML.
 */
import { SEARCH_FILTERS, filteredOutSummary, filteredSummary, matchSummary, QUERY_PARAM, unloadedSummary } from '../lib/site/search.ts';
import { configuredBase } from '../lib/site/urls.ts';
import { emptyState, isStatus, parseState, STATUS_LABELS, storageKey, type ReadingState } from '../lib/site/reading-state.ts';
import { curatorMarks, MAX_RATING, type CurationLike } from '../lib/site/curation.ts';
import type { ExcerptPart } from '../lib/site/search-words.ts';
import { rememberSearch, restoreSearch } from './search-address.ts';

export interface SearchRequest {
  term: string;
  /** Ticked values by filter: a paper has any of a filter's values, and every filter. */
  filters: Record<string, string[]>;
  /** A SEARCH_SORTS value. */
  sort: string;
}

/** One result, as shown. */
export interface ShownResult {
  /** The paper's slug (for the reader's own status). */
  slug: string;
  href: string;
  title: string;
  /** The paper page's Pagefind meta: authors, date, rating, status. */
  meta: Record<string, string>;
  /** Its filter values: theme titles, tags. */
  filters: Record<string, string[]>;
  excerpt: ExcerptPart[];
}

export interface Found {
  /** The results in order, each loaded when shown. */
  results: (() => Promise<ShownResult>)[];
  /** How many papers the words find without the filters. */
  unfiltered: number;
  /** Papers of these results with each filter value; undefined while unknown. */
  counts?: Record<string, Record<string, number>>;
}

export type Engine = (request: SearchRequest) => Promise<Found>;

const PAGE = 10;

/** Wires the search page in `root` to `engine`; `failure` is said when the engine cannot start. */
export function searchPage(root: HTMLElement, engine: Promise<Engine>, failure: string): void {
  const form = root.querySelector('form');
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  const list = root.querySelector<HTMLOListElement>('[data-search-results]');
  const filterPane = root.querySelector<HTMLElement>('[data-search-filters]');
  const toggle = root.querySelector<HTMLButtonElement>('[data-filters-toggle]');
  const clear = root.querySelector<HTMLButtonElement>('[data-filters-clear]');
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]');
  if (!form || !status || !list || !filterPane || !toggle || !clear || !more) return;
  const words = form.elements.namedItem(QUERY_PARAM) as HTMLInputElement;
  const sort = form.elements.namedItem('sort') as HTMLSelectElement;
  const boxes = [...filterPane.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
  const debounceMs = Number(root.dataset['debounce'] ?? 0);
  let found: Found = { results: [], unfiltered: 0 };
  let shown = 0;
  let generation = 0;
  let summary = '';
  let unloaded = 0;

  const ticked = (): Record<string, string[]> => {
    const filters: Record<string, string[]> = {};
    for (const box of boxes) if (box.checked) (filters[box.name] ??= []).push(box.value);
    return filters;
  };

  // The disclosure's label says how many filters are ticked, so a closed pane hides nothing.
  const sayTicked = () => {
    const count = boxes.filter((box) => box.checked).length;
    toggle.textContent = count > 0 ? `Filters (${count} ticked)` : 'Filters';
    clear.hidden = count === 0;
  };
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    filterPane.classList.toggle('search-ui__filters--open', open);
  });

  /** Each value's count: this search's when known, else the build's (printed in data-papers). */
  const showCounts = (counts: Found['counts']) => {
    for (const box of boxes) {
      const count = counts ? (counts[box.name]?.[box.value] ?? 0) : Number(box.dataset['papers']);
      const holder = box.parentElement!.querySelector<HTMLElement>('[data-count]')!;
      holder.textContent = `(${count})`;
      box.parentElement!.classList.toggle('search-ui__value--none', count === 0 && !box.checked);
    }
  };

  const readerState = readingState();
  const item = (result: ShownResult): HTMLLIElement => {
    const li = document.createElement('li');
    li.className = 'paper-item search-result';
    const heading = document.createElement('h2');
    heading.className = 'paper-item__title';
    heading.append(Object.assign(document.createElement('a'), { href: result.href, textContent: result.title }));
    li.append(heading);
    const authors = result.meta['authors'];
    if (authors) li.append(text('p', 'paper-item__authors', authors));
    const facts = document.createElement('p');
    facts.className = 'paper-item__meta';
    const add = (...nodes: (Node | string)[]) => {
      if (facts.childNodes.length > 0) facts.append(' · ');
      facts.append(...nodes);
    };
    if (result.meta['date']) add(result.meta['date']);
    const themes = result.filters['theme'] ?? [];
    if (themes.length > 0) add(themes.join(', '));
    li.append(facts);
    const curator = curatorLine(result);
    if (curator) li.append(curator);
    const own = readerState.papers[result.slug]?.status;
    if (own) li.append(text('p', 'search-result__reader', `You: ${STATUS_LABELS[own]}`));
    const excerpt = document.createElement('p');
    excerpt.className = 'paper-item__excerpt';
    for (const segment of result.excerpt) excerpt.append(segment.marked ? text('mark', '', segment.text) : segment.text);
    li.append(excerpt);
    return li;
  };

  const showMore = async () => {
    // Claimed before waiting, so a second click takes the next ten, and a new search
    // (another `found`, another generation) discards this batch.
    const current = generation;
    const source = found;
    const start = shown;
    shown = Math.min(start + PAGE, source.results.length);
    more.hidden = shown >= source.results.length;
    // Offline (hosted), a result whose fragment the service worker could not save does not load: the others show.
    const batch = await Promise.allSettled(source.results.slice(start, shown).map((load) => load()));
    if (current !== generation || source !== found) return;
    for (const outcome of batch) {
      if (outcome.status === 'rejected') unloaded++;
      else list.append(item(outcome.value));
    }
    // A live region, read out on each change: changed only when some results did not load.
    const said = unloaded > 0 ? `${summary} ${unloadedSummary(unloaded, source.results.length)}` : summary;
    if (status.textContent !== said) status.textContent = said;
  };

  const search = async () => {
    rememberSearch(form);
    sayTicked();
    const term = words.value.trim();
    const current = ++generation;
    more.hidden = true;
    let run: Engine;
    try {
      run = await engine;
    } catch {
      return; // said once, below
    }
    const filters = ticked();
    const filtered = Object.keys(filters).length > 0;
    // No words but filters: the papers the filters let through.
    const next = term || filtered ? await run({ term, filters, sort: sort.value }) : { results: [], unfiltered: 0 };
    // A later search started meanwhile: its results win.
    if (current !== generation) return;
    found = next;
    shown = 0;
    unloaded = 0;
    list.replaceChildren();
    showCounts(next.counts);
    const tickedFilters = SEARCH_FILTERS.flatMap(({ key, label }) => (filters[key] ? [{ label, values: filters[key] }] : []));
    summary = !term
      ? filtered
        ? filteredSummary(next.results.length, tickedFilters)
        : ''
      : next.results.length === 0 && filtered && next.unfiltered > 0
        ? filteredOutSummary(term, tickedFilters, next.unfiltered)
        : matchSummary(next.results.length, term);
    status.textContent = summary;
    await showMore();
  };

  clear.addEventListener('click', () => {
    for (const box of boxes) box.checked = false;
    void search();
    words.focus();
  });

  // Searched once the reader pauses, not at every letter (each partial word would load index chunks).
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

  engine.catch(() => {
    status.textContent = failure;
  });
  restoreSearch(form);
  sayTicked();
  if (words.value || boxes.some((box) => box.checked)) void search();
}

function text<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, content: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.textContent = content;
  return node;
}

/** "Curator: Read · ★★★★☆ · Tags: rl, skills", as CuratorMarks.astro says it on pages; nothing when the curator said nothing. */
function curatorLine(result: ShownResult): HTMLElement | undefined {
  const status = result.meta['status'];
  const rating = Number(result.meta['rating']);
  const curation: CurationLike = {
    ...(isStatus(status) ? { status } : {}),
    ...(Number.isInteger(rating) && rating >= 1 && rating <= MAX_RATING ? { rating } : {}),
  };
  const parts: (Node | string)[] = curatorMarks(curation).map((mark) => {
    if (mark.kind !== 'rating') return mark.text;
    const stars = text('span', 'search-result__rating', mark.stars);
    stars.setAttribute('role', 'img');
    stars.setAttribute('aria-label', mark.text);
    return stars;
  });
  const tags = result.filters['tag'] ?? [];
  if (tags.length > 0) parts.push(`Tags: ${tags.join(', ')}`);
  if (parts.length === 0) return undefined;
  const line = text('p', 'search-result__curator', 'Curator: ');
  parts.forEach((part, k) => line.append(...(k > 0 ? [' · ', part] : [part])));
  return line;
}

/** The reader's own list (kept in this browser by reading-track.ts); empty when unreadable. */
function readingState(): ReadingState {
  try {
    const result = parseState(localStorage.getItem(storageKey(configuredBase())) ?? '');
    if (result.ok) return result.state;
  } catch {
    // No storage (private mode, file:// in some browsers): no status to show.
  }
  return emptyState();
}
