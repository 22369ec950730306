/**
 * How the rendered paper pages reach the search index during `astro build --search-index`
 * (src/integrations/search-index.ts). The integration and the middleware that sees the
 * pages are two copies of the code (the config's, and the build's bundle), so the
 * integration leaves its end of the handover in a global.
 */
export const SEARCH_HANDOVER = Symbol.for('reading-list:search-index');

/** A page's path relative to the output folder, `/` separated, as Pagefind takes it (`papers/x/index.html`). */
export type PagePath = string;

export interface SearchHandover {
  /** The pages to index, said once before the first page is offered; resolves once Pagefind has started. */
  expect(paths: PagePath[]): Promise<void>;
  /** A rendered page marked for search. */
  offer(path: PagePath, html: string): void;
}

export const searchHandover = (): SearchHandover | undefined => (globalThis as Record<symbol, SearchHandover | undefined>)[SEARCH_HANDOVER];

/**
 * An element carrying `data-pagefind-body`: the attribute inside a tag, not the words in the text
 * (a paper about Pagefind puts them on list pages). Attribute values hold no `>`: Astro escapes it.
 */
const MARKER = /<[a-z][^>]*\sdata-pagefind-body[\s=/>]/i;

/**
 * Once any page is marked `data-pagefind-body` (the paper pages), Pagefind indexes only the
 * marked ones; with none marked (a list with no paper yet), it indexes every page.
 */
export const isMarkedForSearch = (html: string): boolean => MARKER.test(html);

/** The file a page's URL path (without the base) is written to: `/papers/x%20y/` -> `papers/x y/index.html`. */
export const pagePath = (urlPath: string): PagePath => `${decodeURIComponent(urlPath).replace(/^\//, '')}index.html`;
