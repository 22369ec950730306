import { describe, expect, it } from 'vitest';
import { partOf, summariseSearchBytes, type ServedResponse } from '../../scripts/bench/search-bytes.ts';

describe('partOf', () => {
  it.each([
    ['search/index.html', 'site files'],
    ['_astro/BaseLayout.css', 'site files'],
    ['pagefind/pagefind.js', 'pagefind.js and worker'],
    ['pagefind/pagefind-worker.js', 'pagefind.js and worker'],
    ['pagefind/wasm.en.pagefind', 'wasm'],
    ['pagefind/pagefind-entry.json', 'entry and meta'],
    ['pagefind/pagefind.en_976790372a.pf_meta', 'entry and meta'],
    ['pagefind/filter/en_78fbdb3.pf_filter', 'filters'],
    ['pagefind/index/en_f72a662.pf_index', 'index chunks'],
    ['pagefind/fragment/en_848499b.pf_fragment', 'fragments'],
    ['pagefind/pagefind-highlight.js', 'other pagefind files'],
  ])('%s is %s', (path, part) => {
    expect(partOf(path)).toBe(part);
  });
});

describe('summariseSearchBytes', () => {
  const served = (path: string, phase: ServedResponse['phase'], bytes: number): ServedResponse => ({ path, phase, bytes, gzipBytes: Math.ceil(bytes / 2) });

  it('counts the site files of the page load apart, and Pagefind loaded with the page in the first query', () => {
    const summary = summariseSearchBytes([
      served('search/index.html', 'page load', 4000),
      served('_astro/BaseLayout.css', 'page load', 10_000),
      served('pagefind/pagefind.js', 'page load', 47_000),
      served('pagefind/wasm.en.pagefind', 'page load', 60_000),
      served('pagefind/index/en_1.pf_index', 'first query', 20_000),
      served('pagefind/fragment/en_1.pf_fragment', 'first query', 700),
      served('pagefind/fragment/en_2.pf_fragment', 'first query', 800),
      served('pagefind/index/en_2.pf_index', 'second query', 25_000),
      served('pagefind/fragment/en_3.pf_fragment', 'second query', 900),
    ]);
    expect(summary.pageLoad).toEqual({ files: 2, bytes: 14_000, gzipBytes: 7000 });
    expect(summary.firstQuery).toMatchObject({ files: 5, bytes: 128_500 });
    expect(summary.firstQuery.parts).toEqual({
      'pagefind.js and worker': { files: 1, bytes: 47_000, gzipBytes: 23_500 },
      wasm: { files: 1, bytes: 60_000, gzipBytes: 30_000 },
      'index chunks': { files: 1, bytes: 20_000, gzipBytes: 10_000 },
      fragments: { files: 2, bytes: 1500, gzipBytes: 750 },
    });
    expect(summary.secondQuery).toEqual({ files: 2, bytes: 25_900, gzipBytes: 12_950 });
  });
});
