/**
 * Search settings shared by the header search box, /search/ and the paper pages.
 */

/**
 * Query parameter carrying the searched words to the page a result opens
 * (`?pagefind-highlight=word`): pagefind.js adds it to result URLs when its
 * `highlightParam` option is set, and pagefind-highlight.js marks the words on the
 * paper page. It is also pagefind-highlight.js's default name.
 */
export const HIGHLIGHT_PARAM = 'pagefind-highlight';

/** Query parameter of /search/ that the no-JavaScript header form submits. */
export const QUERY_PARAM = 'q';

/** Orders offered on /search/: Pagefind's `sort` option (keys recorded by data-pagefind-sort on paper pages). */
export const SEARCH_SORTS = [
  { value: '', label: 'Relevance' },
  { value: 'date:desc', label: 'Date, newest first' },
  { value: 'upvotes:desc', label: 'Upvotes, most first' },
] as const;
