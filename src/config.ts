/**
 * Site configuration: the one place to change what the site says about itself.
 * Deployment settings (absolute URL, sub-path) come from the environment instead:
 * `SITE_URL` and `BASE_PATH`, read in `astro.config.mjs`.
 */
export interface SiteConfig {
  /** Shown in the header, the page titles and the home page heading. */
  title: string;
  /** One sentence: used as the default `<meta name="description">` and under the home heading. */
  description: string;
  /** Longer introduction on the home page, one string per paragraph. */
  intro: string[];
  /** `lang` of every page (also the language Pagefind indexes). */
  lang: string;
  /** How many papers the home page lists under "Recently published", and at most under "Curator's picks" (the rest: /picks/). */
  recentPapers: number;
  /** Papers per page on theme pages; longer themes get `/themes/<id>/2/`, `/3/`... */
  themePageSize: number;
  /**
   * Rows per page of the `/papers/` table; further pages are `/papers/2/`, `/3/`... (and
   * `/papers/upvotes/2/`...). A row is about 0.5 kB of HTML (more with a long title and
   * many themes), so 100 rows keep a page well under 100 kB however many papers there are.
   */
  tablePageSize: number;
  /**
   * How many papers, newest first, each RSS feed carries: a feed is fetched again and
   * again by readers, so it holds the latest papers, not the whole list.
   */
  feedSize: number;
  /** Maximum length, in characters, of the abstract excerpts in lists. */
  listExcerptLength: number;
  /** Maximum length, in characters, of `<meta name="description">` on paper pages. */
  metaDescriptionLength: number;
  /**
   * The service worker saves every page for offline reading on a reader's first visit
   * when all pages together weigh at most this many bytes (about 7 MB for 400 papers);
   * above it, a page is saved when it is read, so a first visit does not download the
   * whole list. The site's shell and search index are always saved.
   */
  precachePagesUpTo: number;
}

export const SITE: SiteConfig = {
  title: 'Reading list',
  description: 'A searchable reading list of research papers, grouped by theme.',
  intro: [
    'Papers collected from research-paper listings, merged when several listings mention the same paper and grouped into themes by the terms their titles and abstracts use.',
    'Browse a theme below, open a paper to read its abstract and see why it belongs to each theme, or search every abstract.',
  ],
  lang: 'en',
  recentPapers: 12,
  themePageSize: 50,
  tablePageSize: 100,
  feedSize: 100,
  listExcerptLength: 140,
  metaDescriptionLength: 200,
  precachePagesUpTo: 20_000_000,
};
