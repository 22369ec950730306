import { describe, expect, it } from 'vitest';
import { pageWeights, serviceWorkerManifest } from '../../scripts/bench/page-weights.ts';

describe('pageWeights', () => {
  const sizes = new Map([
    ['index.html', 68_000],
    ['papers/index.html', 216_000],
    ['papers/a/index.html', 9000],
    ['papers/b/index.html', 10_000],
    ['papers/c/index.html', 12_000],
    ['themes/agents/index.html', 30_000],
    ['themes/agents/2/index.html', 29_000],
    ['themes/agents/upvotes/index.html', 33_000],
    ['themes/agents/rss.xml', 90_000],
    ['pagefind/pagefind.js', 47_000],
    ['pagefind/index/en_1.pf_index', 20_000],
    ['pagefind/fragment/en_1.pf_fragment', 1500],
    ['sw.js', 40_000],
  ]);

  it('weighs paper pages, theme pages, the papers table, the home page, dist and the Pagefind bundle', () => {
    const weights = pageWeights(sizes, { core: ['', 'pagefind/pagefind.js'], fragments: ['pagefind/fragment/en_1.pf_fragment'], pages: ['papers/a/', 'themes/agents/'] });
    expect(weights.paperPages).toEqual({ count: 3, medianBytes: 10_000, max: { path: 'papers/c/index.html', bytes: 12_000 } });
    expect(weights.themePages).toEqual({ count: 3, max: { path: 'themes/agents/upvotes/index.html', bytes: 33_000 } });
    expect(weights.papersTable).toEqual({ count: 1, max: { path: 'papers/index.html', bytes: 216_000 } });
    expect(weights.homeBytes).toBe(68_000);
    expect(weights.dist).toEqual({ files: 13, bytes: 605_500 });
    expect(weights.pagefind).toEqual({ files: 3, bytes: 68_500 });
    expect(weights.serviceWorkerPrecache).toEqual({ coreBytes: 115_000, fragmentsBytes: 1500, pagesBytes: 39_000 });
  });

  it('counts the numbered and sorted pages of the papers table as the table, not as papers', () => {
    const split = new Map([...sizes, ['papers/2/index.html', 100_000], ['papers/upvotes/index.html', 90_000], ['papers/title/3/index.html', 95_000]]);
    const weights = pageWeights(split, { core: [], fragments: [], pages: [] });
    expect(weights.paperPages.count).toBe(3);
    expect(weights.papersTable).toEqual({ count: 4, max: { path: 'papers/index.html', bytes: 216_000 } });
  });
});

describe('serviceWorkerManifest', () => {
  it('reads the precache lists from the first line of sw.js', () => {
    const source = `const MANIFEST = {"version":"f4dc","core":["_astro/a.css",""],"fragments":["pagefind/fragment/en_1.pf_fragment"],"pages":["papers/a/"]};\nself.addEventListener('install', () => {});\n`;
    expect(serviceWorkerManifest(source)).toEqual({ version: 'f4dc', core: ['_astro/a.css', ''], fragments: ['pagefind/fragment/en_1.pf_fragment'], pages: ['papers/a/'] });
  });

  it('refuses a sw.js without its manifest', () => {
    expect(() => serviceWorkerManifest('self.addEventListener("fetch", () => {});')).toThrow(/MANIFEST/);
  });
});
