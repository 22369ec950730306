/**
 * The offline build's search: MiniSearch over the titles, abstracts and authors of
 * offline-data.js, with the hosted search's theme filter and orders. Pure, so it runs
 * in Node for tests as it does in the page.
 */
import MiniSearch from 'minisearch';
import type { OfflineData, OfflinePaper } from './data.ts';

export interface SearchRequest {
  words: string;
  /** A theme id, or '' for every theme. */
  theme: string;
  /** A SEARCH_SORTS value: '' (relevance), 'date:desc' or 'upvotes:desc'. */
  sort: string;
}

export interface SearchHit {
  paper: OfflinePaper;
  /** Words of the paper that matched (lower case), for marking them. */
  terms: string[];
}

export type Search = (request: SearchRequest) => SearchHit[];

export function createSearch(data: OfflineData): Search {
  const index = new MiniSearch<OfflinePaper>({
    idField: 'slug',
    fields: ['title', 'abstract', 'authors'],
    // Authors are a list: searched as one text, each name's words found.
    extractField: (paper, field) => (field === 'authors' ? paper.authors.join(', ') : (paper[field as keyof OfflinePaper] as string)),
    // Like Pagefind on the hosted site: every word must match, as a word or a word's start (no typo matching).
    searchOptions: { boost: { title: 3 }, prefix: true, combineWith: 'AND' },
  });
  index.addAll(data.papers);
  const bySlug = new Map(data.papers.map((paper) => [paper.slug, paper]));

  return ({ words, theme, sort }) => {
    if (!words.trim()) return [];
    const hits = index
      .search(words, theme ? { filter: (result) => bySlug.get(result['id'] as string)!.themes.includes(theme) } : undefined)
      .map((result) => ({ paper: bySlug.get(result.id as string)!, terms: result.terms, score: result.score }));
    const key = sortKey(sort);
    // Array.prototype.sort is stable: equal keys keep relevance order.
    if (key) hits.sort((a, b) => compareDescending(key(a.paper), key(b.paper)));
    return hits.map(({ paper, terms }) => ({ paper, terms }));
  };
}

function sortKey(sort: string): ((paper: OfflinePaper) => string | number | null) | undefined {
  if (sort === 'date:desc') return (paper) => paper.date;
  if (sort === 'upvotes:desc') return (paper) => paper.upvotes;
  return undefined;
}

/** Descending, unknown values (null) last. */
function compareDescending(a: string | number | null, b: string | number | null): number {
  if (a === null || b === null) return Number(a === null) - Number(b === null);
  return a < b ? 1 : a > b ? -1 : 0;
}

export interface Segment {
  text: string;
  marked: boolean;
}

/**
 * About `length` characters of `text` around the first of `terms` it contains (from the
 * start when none), cut at word boundaries, as segments with every whole-word
 * occurrence of a term marked.
 */
export function excerptSegments(text: string, terms: string[], length: number): Segment[] {
  const pattern = terms.length
    ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu')
    : undefined;
  const first = pattern ? text.search(pattern) : -1;
  let start = Math.max(0, first - Math.floor(length / 3));
  let end = Math.min(text.length, start + length);
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  if (end < text.length) end = text.lastIndexOf(' ', end) > start ? text.lastIndexOf(' ', end) : end;
  // Text with no space near a cut (CJK, emoji): never cut a character in two.
  if (isLowSurrogate(text.charCodeAt(start))) start++;
  if (isLowSurrogate(text.charCodeAt(end))) end--;
  const window = `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
  if (!pattern) return [{ text: window, marked: false }];
  const segments: Segment[] = [];
  let last = 0;
  for (const match of window.matchAll(pattern)) {
    if (match.index > last) segments.push({ text: window.slice(last, match.index), marked: false });
    segments.push({ text: match[0], marked: true });
    last = match.index + match[0].length;
  }
  if (last < window.length) segments.push({ text: window.slice(last), marked: false });
  return segments;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
