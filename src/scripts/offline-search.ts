/**
 * The /search/ page of the offline build: the hosted page's form, filters and results
 * (search-page.ts) on MiniSearch over offline-data.js (see src/lib/offline/search.ts).
 */
import { loadedOfflineData } from '../lib/offline/data.ts';
import { pageHref } from '../lib/offline/page-href.ts';
import { createSearch } from '../lib/offline/search.ts';
import { excerptAfterTitle, matchedPositions, textWords } from '../lib/site/search-words.ts';
import { paperPath } from '../lib/site/urls.ts';
import { searchPage, type Engine } from './search-page.ts';

/** Words of an excerpt, as on the hosted site. */
const EXCERPT_WORDS = 30;

const root = document.querySelector<HTMLElement>('[data-offline-search]');
const data = loadedOfflineData();

if (root) {
  const search = data && createSearch(data);
  const engine: Promise<Engine> = search
    ? Promise.resolve((request) => {
        const { papers, words, unfiltered, counts } = search(request);
        const results = papers.map((paper) => async () => {
          const text = textWords(paper.record.text);
          const excerpt = excerptAfterTitle(text, textWords(paper.title).length, matchedPositions(words, text), EXCERPT_WORDS);
          return { slug: paper.slug, href: pageHref(paperPath(paper.slug)), title: paper.title, meta: paper.record.meta, filters: paper.record.filters, excerpt };
        });
        return Promise.resolve({ results, unfiltered, counts });
      })
    : Promise.reject(new Error('no offline data'));
  searchPage(root, engine, 'The search data (offline-data.js) could not be loaded: browse the papers by theme instead.');
}
