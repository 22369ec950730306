import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { PAPER_SORTS, listPageParam, listPageSummary, listPages, listPageTitle, listSorts, paginate, sortPapersBy } from '../../src/lib/site/sort.ts';
import { compareInSitemapOrder, listPagePath, paperPath, PAPERS_PATH, themePath } from '../../src/lib/site/urls.ts';
import { shownPapers } from '../../src/lib/site/papers.ts';

function paper(id: string, title: string, date?: string, upvotes?: number) {
  return { id, data: { title, published: date ? { text: date, date } : undefined, upvotes, themes: [{ id: 't' }] } };
}

const a = paper('a', 'Zeta', '2024-02-01', 3);
const b = paper('b', 'alpha', '2024-03-01');
const c = paper('c', 'Beta', undefined, 10);
const d = paper('d', 'Gamma', '2023', 3);
const e = paper('e', 'Ålpha 2', undefined, undefined);
const f = paper('f', 'alpha 10', '2024-03-01', 3);
const all = [a, b, c, d, e, f];
const ids = (list: { id: string }[]) => list.map((p) => p.id);

describe('sortPapersBy', () => {
  test('date: newest first, undated last, ties by title then slug', () => {
    expect(ids(sortPapersBy(all, 'date'))).toEqual(['b', 'f', 'a', 'd', 'e', 'c']);
  });

  test('upvotes: most first, missing last, ties in date order', () => {
    expect(ids(sortPapersBy(all, 'upvotes'))).toEqual(['c', 'f', 'a', 'd', 'b', 'e']);
  });

  test('rating: the curator\'s highest first, unrated last, ties in date order', () => {
    const rated = all.map((p, i) => ({ ...p, data: { ...p.data, rating: [4, undefined, 2, 4, 5, undefined][i] } }));
    expect(ids(sortPapersBy(rated, 'rating'))).toEqual(['e', 'a', 'd', 'c', 'b', 'f']);
  });

  test('title: Intl.Collator (case and accents ignored, numbers by value), ties by slug', () => {
    expect(ids(sortPapersBy(all, 'title'))).toEqual(['b', 'e', 'f', 'c', 'd', 'a']);
    const twin = paper('0', 'Zeta', '2020');
    expect(ids(sortPapersBy([a, twin], 'title'))).toEqual(['0', 'a']);
  });

  test('the order never depends on the input order', () => {
    for (const sort of PAPER_SORTS) {
      expect(ids(sortPapersBy([...all].reverse(), sort))).toEqual(ids(sortPapersBy(all, sort)));
    }
  });
});

describe('paginate', () => {
  test('splits into pages of the given size', () => {
    const pages = paginate([1, 2, 3, 4, 5], 2);
    expect(pages.map((p) => p.items)).toEqual([[1, 2], [3, 4], [5]]);
    expect(pages.map((p) => [p.number, p.count, p.start])).toEqual([
      [1, 3, 0],
      [2, 3, 2],
      [3, 3, 4],
    ]);
  });

  test('an empty list is one empty page; a bad size is refused', () => {
    expect(paginate([], 50)).toEqual([{ number: 1, count: 1, items: [], start: 0 }]);
    expect(() => paginate([1], 0)).toThrow(RangeError);
  });
});

test('list page URLs: date is the default order, page 1 has no number, for a theme as for /papers/', () => {
  const path = (list: string, sort: 'date' | 'upvotes' | 'title', page: number) => listPagePath(list, listPageParam(sort, page));
  const theme = themePath('agents');
  expect(path(theme, 'date', 1)).toBe('/themes/agents/');
  expect(path(theme, 'date', 2)).toBe('/themes/agents/2/');
  expect(path(theme, 'upvotes', 1)).toBe('/themes/agents/upvotes/');
  expect(path(theme, 'upvotes', 3)).toBe('/themes/agents/upvotes/3/');
  expect(path(theme, 'title', 1)).toBe('/themes/agents/title/');
  expect(path(PAPERS_PATH, 'date', 1)).toBe('/papers/');
  expect(path(PAPERS_PATH, 'date', 4)).toBe('/papers/4/');
  expect(path(PAPERS_PATH, 'upvotes', 2)).toBe('/papers/upvotes/2/');
  expect(path(PAPERS_PATH, 'title', 1)).toBe('/papers/title/');
});

describe('listPages', () => {
  const unrated = Array.from({ length: 23 }, (_, i) => paper(`p${i}`, `Paper ${(i * 7) % 23}`, i % 5 === 0 ? undefined : `2024-0${(i % 9) + 1}-01`, i % 3 === 0 ? undefined : i));
  // One paper the curator rated: the list offers the rating order.
  const many = unrated.map((p, i) => (i === 7 ? { ...p, data: { ...p.data, rating: 4 } } : p));
  const pages = listPages(many, 10);

  test('every order, in pages: each paper once per order, in that order', () => {
    for (const sort of PAPER_SORTS) {
      const ofSort = pages.filter((p) => p.sort === sort);
      expect(ofSort.map((p) => [p.page.number, p.page.count, p.page.items.length])).toEqual([
        [1, 3, 10],
        [2, 3, 10],
        [3, 3, 3],
      ]);
      expect(ofSort.flatMap((p) => ids(p.page.items))).toEqual(ids(sortPapersBy(many, sort)));
    }
  });

  test('each page has its own route parameter', () => {
    expect(pages.map((p) => p.param)).toEqual([undefined, '2', '3', 'upvotes', 'upvotes/2', 'upvotes/3', 'rating', 'rating/2', 'rating/3', 'title', 'title/2', 'title/3']);
  });

  test('a list none of whose papers the curator rated has no rating order: it would be the date order again', () => {
    expect(listSorts(unrated)).toEqual(['date', 'upvotes', 'title']);
    expect(listSorts(many)).toEqual(['date', 'upvotes', 'rating', 'title']);
    expect(listPages(unrated, 10).map((p) => p.param)).toEqual([undefined, '2', '3', 'upvotes', 'upvotes/2', 'upvotes/3', 'title', 'title/2', 'title/3']);
  });

  test('an empty list still has its first page in every order it offers', () => {
    expect(listPages([], 10).map((p) => [p.param, p.page.items.length])).toEqual([
      [undefined, 0],
      ['upvotes', 0],
      ['title', 0],
    ]);
  });

  test('titles and summaries say the order and the page', () => {
    expect(listPageTitle('All papers', 'date', 1)).toBe('All papers');
    expect(listPageTitle('All papers', 'date', 2)).toBe('All papers, page 2');
    expect(listPageTitle('Agents', 'upvotes', 3)).toBe('Agents, by upvotes, page 3');
    expect(listPageSummary(23, 'date', pages[0].page)).toBe('23 papers, newest first; page 1 of 3 (1–10)');
    expect(listPageSummary(23, 'title', pages[11].page)).toBe('23 papers, A to Z; page 3 of 3 (21–23)');
    expect(listPageSummary(1, 'upvotes', paginate([a], 10)[0])).toBe('1 paper, most upvoted first');
  });
});

describe('compareInSitemapOrder', () => {
  // @astrojs/sitemap sorts the site's absolute URLs with this comparison.
  const sitemapOrder = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
  const site = 'https://lab.example.org/reading-list';
  const slug = fc.stringMatching(/^[a-z0-9]+(?:-[a-z0-9]+){0,4}$/);

  test('orders paper paths as the sitemap orders their URLs', () => {
    fc.assert(
      fc.property(slug, slug, (a, b) => {
        const [pathA, pathB] = [paperPath(a), paperPath(b)];
        expect(Math.sign(compareInSitemapOrder(pathA, pathB))).toBe(Math.sign(sitemapOrder(site + pathA, site + pathB)));
      }),
      { numRuns: 2000 },
    );
  });

  test('puts numbered pages in numeric order', () => {
    const paths = ['/papers/10/', '/papers/', '/papers/2/', '/papers/a-1/', '/papers/9/'];
    expect(paths.sort(compareInSitemapOrder)).toEqual(['/papers/', '/papers/2/', '/papers/9/', '/papers/10/', '/papers/a-1/']);
  });
});

describe('shownPapers', () => {
  test('leaves out the papers whose entry says `hidden: true`, and only those', () => {
    const paper = (id: string, hidden?: boolean) => ({ id, data: { title: id, themes: [], ...(hidden !== undefined && { hidden }) } });
    expect(shownPapers([paper('a'), paper('b', true), paper('c', false)]).map(({ id }) => id)).toEqual(['a', 'c']);
  });
});
