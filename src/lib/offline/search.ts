/**
 * The offline build's search: MiniSearch over what Pagefind records of each paper page
 * (its text, meta, filters and sort keys: see page-record.ts), matched by the hosted search's
 * rules (search-words.ts), so both builds find the same papers. Pure, so it runs in Node
 * for tests as it does in the page.
 */
import MiniSearch from 'minisearch';
import { withoutFilter } from '../site/search.ts';
import { hasPhrase, searchWords, textWords, wordForms, type SearchWords } from '../site/search-words.ts';
import type { OfflineData, OfflinePaper } from './data.ts';

export interface SearchRequest {
  term: string;
  /** Ticked values by filter (`theme` titles, `year`, `tag`): a paper has any of a filter's values, and every filter. */
  filters: Record<string, string[]>;
  /** A SEARCH_SORTS value: '' (relevance) or `key:desc` / `key:asc` of a Pagefind sort key. */
  sort: string;
}

export interface SearchOutcome {
  papers: OfflinePaper[];
  /** The search's words, for marking them. */
  words: SearchWords;
  /** How many papers the words find without the filters. */
  unfiltered: number;
  /** For each filter value, the papers the search finds with that filter's ticks replaced by the value. */
  counts: Record<string, Record<string, number>>;
}

export type Search = (request: SearchRequest) => SearchOutcome;

export function createSearch(data: OfflineData): Search {
  const index = new MiniSearch<OfflinePaper>({
    idField: 'slug',
    // The meta values too (date, rating, status…): Pagefind searches them as words of the page.
    fields: ['title', 'text', 'meta'],
    extractField: (paper, field) => (field === 'slug' ? paper.slug : field === 'title' ? paper.title : field === 'meta' ? Object.values(paper.record.meta).join(' ') : paper.record.text),
    // Words and their forms as search-words.ts says (already lower case, without diacritics).
    tokenize: (text) => textWords(text).flatMap(wordForms),
    processTerm: (term) => term,
    searchOptions: { boost: { title: 3 }, combineWith: 'AND', tokenize: (term) => searchWords(term).words },
  });
  index.addAll(data.papers);
  const bySlug = new Map(data.papers.map((paper) => [paper.slug, paper]));
  const values = new Map<string, Set<string>>();
  for (const paper of data.papers) for (const [key, list] of Object.entries(paper.record.filters)) for (const value of list) (values.get(key) ?? values.set(key, new Set()).get(key)!).add(value);

  return ({ term, filters, sort }) => {
    const words = searchWords(term);
    const filtered = Object.keys(filters).length > 0;
    if (words.words.length === 0 && !filtered) return { papers: [], words, unfiltered: 0, counts: {} };
    // No words but filters: every paper the filters let through. Quoted: every word whole,
    // then the words in a row in the page's text.
    const found =
      words.words.length === 0
        ? [...data.papers]
        : index
            .search(term, { prefix: !words.phrase })
            .map((result) => bySlug.get(result.id as string)!)
            .filter((paper) => !words.phrase || hasPhrase(words.words, textWords(paper.record.text)));
    const papers = found.filter((paper) => passes(paper, filters));
    // Facet counts: a value of a filter counts the papers the search would find with that
    // filter's ticks replaced by it (the other filters kept), as ticking it adds to the results.
    const counts: SearchOutcome['counts'] = {};
    for (const [key, all] of values) {
      const others = found.filter((paper) => passes(paper, withoutFilter(filters, key)));
      counts[key] = {};
      for (const value of all) counts[key][value] = others.filter((paper) => paper.record.filters[key]?.includes(value)).length;
    }
    const [key, direction] = sort.split(':');
    // Array.prototype.sort is stable: equal keys keep relevance order, and the papers without
    // the key follow the others, as on the hosted site (see pagefindSortKeys).
    if (key) papers.sort((a, b) => compareSortKeys(a.record.sorts[key], b.record.sorts[key], direction === 'desc' ? -1 : 1));
    return { papers, words, unfiltered: found.length, counts };
  };
}

function passes(paper: OfflinePaper, filters: Record<string, string[]>): boolean {
  return Object.entries(filters).every(([key, wanted]) => wanted.some((value) => paper.record.filters[key]?.includes(value)));
}

/** Pagefind's order of sort keys (as numbers when both are numbers, else as text) times `sign`; no key last. */
function compareSortKeys(a: string | undefined, b: string | undefined, sign: number): number {
  if (a === undefined || b === undefined) return Number(a === undefined) - Number(b === undefined);
  const [x, y] = [Number(a), Number(b)];
  if (a !== '' && b !== '' && Number.isFinite(x) && Number.isFinite(y)) return (x - y) * sign;
  return (a < b ? -1 : a > b ? 1 : 0) * sign;
}
