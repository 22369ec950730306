/**
 * Search settings shared by the header search box, /search/ and the paper pages.
 */
import { knownDate } from './dates.ts';
import { compareNames, type PaperLike } from './papers.ts';

/**
 * Query parameter carrying the searched words to the page a result opens
 * (`?pagefind-highlight=word`, see `highlightedHref`): pagefind-highlight.js marks them on
 * the paper page. It is also pagefind-highlight.js's default name.
 */
export const HIGHLIGHT_PARAM = 'pagefind-highlight';

/**
 * A result's link carrying the words to mark on its page, as typed (`self-improving`,
 * `GPT-4`): pagefind-highlight.js marks the text that holds them, so pagefind.js's own
 * parameter, the words without punctuation (`selfimproving`), would mark nothing. Quotes and
 * punctuation at a word's edges are dropped.
 */
export function highlightedHref(href: string, term: string): string {
  const words = term
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((word) => word !== '');
  if (words.length === 0) return href;
  const params = new URLSearchParams(words.map((word) => [HIGHLIGHT_PARAM, word]));
  return `${href}${href.includes('?') ? '&' : '?'}${params}`;
}

/** Query parameter of /search/ that the header form submits. */
export const QUERY_PARAM = 'q';

/** Orders offered on /search/: Pagefind's `sort` option (keys recorded by data-pagefind-sort on paper pages). */
export const SEARCH_SORTS = [
  { value: '', label: 'Relevance' },
  { value: 'date:desc', label: 'Date, newest first' },
  { value: 'upvotes:desc', label: 'Upvotes, most first' },
  { value: 'rating:desc', label: 'Rating, highest first' },
] as const;

/**
 * A paper page's Pagefind sort keys, for the values it has. Pagefind leaves a page without a
 * key out of the results sorted by it (CloudCannon/pagefind#259); /search/ puts those after
 * the sorted ones, in relevance order, as the offline search does. No placeholder for an
 * unknown value: the index's metadata holds each key's page order, and every first search loads it.
 */
export function pagefindSortKeys(date: string | undefined, upvotes: number | undefined): string[] {
  return [...(date === undefined ? [] : [`date:${date}`]), ...(upvotes === undefined ? [] : [`upvotes:${upvotes}`])];
}

/** The `rating` sort key of a rated paper (recorded by SearchRecord). */
export function ratingSortKey(rating: number): string {
  return `rating:${rating}`;
}

/** The filters of /search/, by their Pagefind name. */
export const SEARCH_FILTERS = [
  { key: 'theme', label: 'Theme' },
  { key: 'year', label: 'Year' },
  { key: 'tag', label: 'Tag' },
] as const;
export type SearchFilterKey = (typeof SEARCH_FILTERS)[number]['key'];

export interface FilterOption {
  value: string;
  papers: number;
}

/**
 * Each filter's values and how many papers have each, as the paper pages record them
 * for Pagefind (a theme by its title, see ThemeBadge; a year when the date is known,
 * see PaperMeta): /search/ lists them without asking Pagefind, which would load every
 * filter's index (tens of kB at 10,000 papers) before the reader filters anything.
 * Themes and tags A to Z, years newest first.
 */
export function searchFilterOptions(papers: readonly (PaperLike & { data: { tags: readonly string[] } })[], themeTitles: ReadonlyMap<string, string>): Record<SearchFilterKey, FilterOption[]> {
  const count = (values: string[]) => {
    const counts = new Map<string, number>();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    return [...counts].map(([value, papers]) => ({ value, papers }));
  };
  const theme = count(papers.flatMap((paper) => paper.data.themes.flatMap((ref) => themeTitles.get(ref.id) ?? [])));
  const year = count(papers.flatMap((paper) => knownDate(paper.data.published)?.slice(0, 4) ?? []));
  const tag = count(papers.flatMap((paper) => paper.data.tags));
  return {
    theme: theme.sort((a, b) => compareNames(a.value, b.value)),
    year: year.sort((a, b) => (a.value < b.value ? 1 : -1)),
    tag: tag.sort((a, b) => compareNames(a.value, b.value)),
  };
}

/** The line above the results: `12 papers match “agents”.` (empty without words). */
export function matchSummary(count: number, words: string): string {
  if (!words) return '';
  return `${count === 0 ? 'No paper matches' : count === 1 ? '1 paper matches' : `${count} papers match`} “${words}”.`;
}

/**
 * The line above an empty result that filters emptied:
 * `No paper matches “x” with the filters Theme: Agents, Year: 2024; 3 papers match without them.`
 */
export function filteredOutSummary(words: string, ticked: readonly { label: string; values: string[] }[], unfiltered: number): string {
  const filters = tickedText(ticked);
  const one = ticked.length === 1 && ticked[0]!.values.length === 1;
  const without = unfiltered === 1 ? '1 paper matches' : `${unfiltered} papers match`;
  return `No paper matches “${words}” with the ${one ? 'filter' : 'filters'} ${filters}; ${without} without ${one ? 'it' : 'them'}.`;
}

/** The line above the papers of filters ticked with no words: `12 papers with the filter Theme: Skills.` */
export function filteredSummary(count: number, ticked: readonly { label: string; values: string[] }[]): string {
  const one = ticked.length === 1 && ticked[0]!.values.length === 1;
  const papers = count === 0 ? 'No paper' : count === 1 ? '1 paper' : `${count} papers`;
  return `${papers} with the ${one ? 'filter' : 'filters'} ${tickedText(ticked)}.`;
}

/** `Theme: Agents or Robotics, Year: 2024`. */
function tickedText(ticked: readonly { label: string; values: string[] }[]): string {
  return ticked.map(({ label, values }) => `${label}: ${values.join(' or ')}`).join(', ');
}

/** Said after `matchSummary` when `count` of its `total` results could not be loaded (offline, say). */
export function unloadedSummary(count: number, total: number): string {
  return `${total === 1 ? 'It' : `${count === 1 ? 'One' : count} of them`} could not be loaded; try again later.`;
}

/** The ticked filters but `key` (a facet's counts: see the search engines). */
export function withoutFilter<T>(filters: Record<string, T>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(filters).filter(([name]) => name !== key));
}
