/**
 * The search page of the offline build: searches as the reader types (and for `?q=`,
 * which the header form submits), shows the first results with a button for more.
 * Every text is inserted as text: titles and abstracts are never parsed as HTML.
 */
import { loadedOfflineData } from '../lib/offline/data.ts';
import { pageHref } from '../lib/offline/page-href.ts';
import { createSearch, excerptSegments, type SearchHit } from '../lib/offline/search.ts';
import { authorList, LIST_AUTHORS } from '../lib/site/authors.ts';
import { plural } from '../lib/site/papers.ts';
import { matchSummary, QUERY_PARAM } from '../lib/site/search.ts';
import { rememberSearch, restoreSearch } from './search-address.ts';
import { paperPath, themePath } from '../lib/site/urls.ts';

const PAGE = 50;
const EXCERPT_LENGTH = 240;

const form = document.querySelector<HTMLFormElement>('[data-offline-search] form');
const status = document.querySelector<HTMLElement>('[data-search-status]');
const list = document.querySelector<HTMLOListElement>('[data-search-results]');
const data = loadedOfflineData();

if (form && status && list) {
  if (!data) {
    status.textContent = 'The search data (offline-data.js) could not be loaded: browse the papers by theme instead.';
  } else {
    const search = createSearch(data);
    const themeTitles = new Map(data.themes.map((theme) => [theme.id, theme.title]));
    const words = form.elements.namedItem(QUERY_PARAM) as HTMLInputElement;
    const theme = form.elements.namedItem('theme') as HTMLSelectElement;
    const sort = form.elements.namedItem('sort') as HTMLSelectElement;
    let hits: SearchHit[] = [];
    let shown = 0;

    const item = ({ paper, terms }: SearchHit): HTMLLIElement => {
      const li = document.createElement('li');
      li.className = 'paper-item';
      li.dataset['paper'] = paper.slug;
      const heading = document.createElement('h2');
      heading.className = 'paper-item__title';
      const link = Object.assign(document.createElement('a'), { href: pageHref(paperPath(paper.slug)), textContent: paper.title });
      heading.append(link);
      const meta = document.createElement('p');
      meta.className = 'paper-item__meta';
      if (paper.authors.length > 0) li.append(Object.assign(document.createElement('p'), { className: 'paper-item__authors', textContent: authorList(paper.authors, LIST_AUTHORS) }));
      paper.themes.forEach((id, n) => {
        if (n > 0) meta.append(', ');
        meta.append(Object.assign(document.createElement('a'), { href: pageHref(themePath(id)), textContent: themeTitles.get(id) ?? id }));
      });
      if (paper.published) meta.append(` · ${paper.published}`);
      if (paper.upvotes !== null) meta.append(` · ${plural(paper.upvotes, 'upvote')}`);
      const excerpt = document.createElement('p');
      excerpt.className = 'paper-item__excerpt';
      for (const segment of excerptSegments(paper.abstract, terms, EXCERPT_LENGTH)) {
        excerpt.append(segment.marked ? Object.assign(document.createElement('mark'), { textContent: segment.text }) : segment.text);
      }
      li.prepend(heading);
      li.append(meta, excerpt);
      return li;
    };

    const more = Object.assign(document.createElement('button'), { type: 'button', className: 'button', hidden: true });
    list.after(more);

    const showMore = () => {
      list.append(...hits.slice(shown, shown + PAGE).map(item));
      shown = Math.min(hits.length, shown + PAGE);
      more.hidden = shown >= hits.length;
      more.textContent = `Show ${Math.min(PAGE, hits.length - shown)} more`;
    };

    const run = () => {
      rememberSearch(form);
      const query = words.value.trim();
      hits = search({ words: query, theme: theme.value, sort: sort.value });
      shown = 0;
      list.replaceChildren();
      status.textContent = matchSummary(hits.length, query);
      showMore();
    };

    let timer: ReturnType<typeof setTimeout> | undefined;
    words.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(run, 120);
    });
    theme.addEventListener('change', run);
    sort.addEventListener('change', run);
    more.addEventListener('click', showMore);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      run();
    });

    restoreSearch(form);
    run();
  }
}
