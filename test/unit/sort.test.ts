import { describe, expect, test } from 'vitest';
import { paginate, sortPapersBy, themePageParam } from '../../src/lib/site/sort.ts';
import { themePagePath } from '../../src/lib/site/urls.ts';

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

  test('title: Intl.Collator (case and accents ignored, numbers by value), ties by slug', () => {
    expect(ids(sortPapersBy(all, 'title'))).toEqual(['b', 'e', 'f', 'c', 'd', 'a']);
    const twin = paper('0', 'Zeta', '2020');
    expect(ids(sortPapersBy([a, twin], 'title'))).toEqual(['0', 'a']);
  });

  test('the order never depends on the input order', () => {
    for (const sort of ['date', 'upvotes', 'title'] as const) {
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

test('theme page URLs: date is the default order, page 1 has no number', () => {
  const path = (sort: 'date' | 'upvotes' | 'title', page: number) => themePagePath('agents', themePageParam(sort, page));
  expect(path('date', 1)).toBe('/themes/agents/');
  expect(path('date', 2)).toBe('/themes/agents/2/');
  expect(path('upvotes', 1)).toBe('/themes/agents/upvotes/');
  expect(path('upvotes', 3)).toBe('/themes/agents/upvotes/3/');
  expect(path('title', 1)).toBe('/themes/agents/title/');
});
