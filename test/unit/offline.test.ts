/** The offline build's pure parts: relative links, the page rewrite, the in-page search. */
import { parse } from 'node-html-parser';
import { describe, expect, test } from 'vitest';
import { toOfflineStylesheet } from '../../src/lib/offline/css.ts';
import { toOfflineData, type OfflineData } from '../../src/lib/offline/data.ts';
import { toOfflinePage } from '../../src/lib/offline/html.ts';
import { relativeLink, relativeRoot } from '../../src/lib/offline/links.ts';
import { createSearch } from '../../src/lib/offline/search.ts';
import { pageRecord } from '../../src/lib/offline/page-record.ts';
import { excerptAfterTitle, keepsEveryWord, matchedPositions, searchWords, textWords } from '../../src/lib/site/search-words.ts';

describe('relativeLink', () => {
  test.each([
    ['index.html', '/', './index.html'],
    ['index.html', '/themes/agents/', './themes/agents/index.html'],
    ['papers/x/index.html', '/', '../../index.html'],
    ['papers/x/index.html', '/#themes', '../../index.html#themes'],
    ['themes/a/upvotes/2/index.html', '/themes/a/?q=1&r=2#top', '../../../../themes/a/index.html?q=1&r=2#top'],
    ['themes/a/index.html', '/papers.bib', '../../papers.bib'],
    ['404.html', '/search/', './search/index.html'],
    ['index.html', '/a b/ü/', './a%20b/%C3%BC/index.html'],
  ])('from %s, %s -> %s', (page, value, expected) => {
    expect(relativeLink(page, value)).toBe(expected);
  });

  test.each(['https://arxiv.org/abs/1', '//cdn.example/x.js', '#main', 'mailto:a@b.c', '../x/', 'x.html', ''])('leaves %j as it is', (value) => {
    expect(relativeLink('papers/x/index.html', value)).toBe(value);
  });

  test('relativeRoot', () => {
    expect(relativeRoot('index.html')).toBe('./');
    expect(relativeRoot('papers/x/index.html')).toBe('../../');
  });
});

describe('toOfflineStylesheet', () => {
  test("makes root-relative url()s relative to the stylesheet's folder, quoted or not, and leaves the others", () => {
    const css = '@font-face{src:url(/_astro/KaTeX_Main.woff2) format("woff2"),url("/_astro/KaTeX_Main.woff") format("woff")}a{background:url(data:image/png;base64,AA==)}b{background:url(x.png)}';
    expect(toOfflineStylesheet(css, '_astro/katex.css')).toBe(
      '@font-face{src:url(../_astro/KaTeX_Main.woff2) format("woff2"),url("../_astro/KaTeX_Main.woff") format("woff")}a{background:url(data:image/png;base64,AA==)}b{background:url(x.png)}',
    );
  });
});

describe('toOfflinePage', () => {
  const hostile = '<script>alert(1)</script> {process.exit(1)} &amp; "quoted" \u202Ertl\u200B';
  const source = `<!doctype html><html lang="en" data-site-root="/"><head>
<link rel="stylesheet" href="/_astro/a.css"><script type="module" src="/_astro/page.js"></script>
<script data-theme-init>document.documentElement.dataset.js = '';</script></head>
<body><a href="/themes/x/">x</a><a href="https://example.org/">out</a><form action="/search/"></form>
<h1 title="${hostile.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}">${hostile.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</h1>
<svg><a href="/papers/y/"><text>y</text></a></svg></body></html>`;

  test('links become relative, module scripts classic, the root a relative folder', () => {
    const { html, moduleScripts } = toOfflinePage(source, 'papers/p/index.html');
    const page = parse(html);
    expect(moduleScripts).toEqual(['/_astro/page.js']);
    expect(page.querySelector('html')!.getAttribute('data-site-root')).toBe('../../');
    expect(page.querySelector('link')!.getAttribute('href')).toBe('../../_astro/a.css');
    const script = page.querySelector('script[src]')!;
    expect([script.getAttribute('src'), script.getAttribute('type'), script.hasAttribute('defer')]).toEqual(['../../_astro/page.js', undefined, true]);
    expect(page.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual(['../../themes/x/index.html', 'https://example.org/', '../../papers/y/index.html']);
    expect(page.querySelector('form')!.getAttribute('action')).toBe('../../search/index.html');
  });

  test('text and attributes come out exactly as they went in, never as markup', () => {
    const page = parse(toOfflinePage(source, 'index.html').html);
    const h1 = page.querySelector('h1')!;
    expect(h1.textContent).toBe(hostile);
    expect(h1.getAttribute('title')).toBe(hostile);
    expect(page.querySelectorAll('script').length).toBe(2);
    expect(page.querySelector('script[data-theme-init]')!.textContent).toBe("document.documentElement.dataset.js = '';");
  });

  test('an inline module script is refused, naming the page', () => {
    expect(() => toOfflinePage('<script type="module">import "x";</script>', 'search/index.html')).toThrow(/search\/index\.html: an inline module script/);
  });
});

/** A paper page as the site builds it, reduced to what Pagefind reads. */
const paperPage = (title: string, body: string, filters: string) =>
  `<html><body><header>Site search</header><main data-pagefind-body><h1>${title}</h1>${body}<div hidden data-pagefind-ignore>${filters}</div></main></body></html>`;

const records = new Map([
  ['a', pageRecord(paperPage('Planning agents', '<p data-pagefind-meta="authors">Ada Lovelace, OpenAI</p><p>Agents that plan with a world model.</p>', '<span data-pagefind-filter="theme">Agents</span><span data-pagefind-filter="year:2024"></span><span data-pagefind-sort="date:2024-03-03"></span><span data-pagefind-sort="upvotes:5"></span><span data-pagefind-sort="rating:4"></span>'))],
  ['b', pageRecord(paperPage('Robot grasping', '<p>A <em>planner</em> for robot hands; self-improving agents are not involved.</p><section data-pagefind-ignore>Sources: zebra</section>', '<span data-pagefind-filter="theme">Robotics</span><span data-pagefind-filter="tag">rl</span><span data-pagefind-sort="upvotes:40"></span><span data-pagefind-meta="date">Dec 3, 2024</span><span data-pagefind-meta="status">read</span>'))],
  ['c', pageRecord(paperPage('Language models plan', '<p data-pagefind-meta="authors">Grace Hopper</p><p>Do language models plan? We test planning with a reward model, in Zürich.</p>', '<span data-pagefind-filter="theme">Agents</span><span data-pagefind-filter="year:2025"></span><span data-pagefind-filter="tag">rl</span><span data-pagefind-sort="date:2025-01"></span><span data-pagefind-sort="rating:5"></span>'))],
]);

const data: OfflineData = toOfflineData(
  {
    themes: [
      { id: 'agents', title: 'Agents' },
      { id: 'robotics', title: 'Robotics' },
    ],
    papers: [
      { slug: 'a', title: 'Planning agents', themes: ['agents'] },
      { slug: 'b', title: 'Robot grasping', themes: ['robotics'] },
      { slug: 'c', title: 'Language models plan', themes: ['agents'] },
    ],
  },
  records,
);

describe('pageRecord', () => {
  test('reads the text Pagefind indexes, and the filters, sort keys and meta', () => {
    const b = records.get('b')!;
    expect(b.text).toBe('Robot grasping A planner for robot hands; self-improving agents are not involved.');
    expect(b.filters).toEqual({ theme: ['Robotics'], tag: ['rl'] });
    expect(b.sorts).toEqual({ upvotes: '40' });
    expect(records.get('a')!.meta).toEqual({ authors: 'Ada Lovelace, OpenAI' });
  });

  test('a paper without a built page is an error naming it', () => {
    expect(() => toOfflineData({ themes: [], papers: [{ slug: 'z', title: 'Z', themes: [] }] }, records)).toThrow(/paper z/);
  });
});

describe('createSearch', () => {
  const search = createSearch(data);
  const slugs = (term: string, filters: Record<string, string[]> = {}, sort = '') => search({ term, filters, sort }).papers.map((paper) => paper.slug);

  test('every word must start a word of the page: no stemming, no typo, no shorter fallback', () => {
    expect([...slugs('plan')].sort()).toEqual(['a', 'b', 'c']);
    expect(slugs('robot planner')).toEqual(['b']);
    expect(slugs('   ')).toEqual([]);
    expect(slugs('plans')).toEqual([]);
    expect(slugs('plannr')).toEqual([]);
    expect(slugs('zebra'), 'text outside the indexed part').toEqual([]);
  });

  test('meta values are searched as words, hidden or not, as Pagefind searches them', () => {
    expect(slugs('dec')).toEqual(['b']);
    expect(slugs('2024 robot')).toEqual(['b']);
    expect(slugs('read')).toEqual(['b']);
  });

  test('a hyphenated word is one word; its parts find it too; diacritics do not count', () => {
    expect(slugs('self-improving')).toEqual(['b']);
    expect(slugs('selfimp')).toEqual(['b']);
    expect(slugs('improving agents')).toEqual(['b']);
    expect(slugs('zurich')).toEqual(['c']);
  });

  test('a quoted search needs its words whole and in a row', () => {
    expect(slugs('"reward model"')).toEqual(['c']);
    expect(slugs('"world model"')).toEqual(['a']);
    expect(slugs('"model reward"')).toEqual([]);
    expect(slugs('"rewar model"')).toEqual([]);
  });

  test('filters (any value of a filter, every filter), counts that follow the search, and the count without filters', () => {
    expect([...slugs('plan', { theme: ['Agents'] })].sort()).toEqual(['a', 'c']);
    expect(slugs('plan', { theme: ['Agents'], tag: ['rl'] })).toEqual(['c']);
    expect([...slugs('plan', { year: ['2024', '2025'] })].sort()).toEqual(['a', 'c']);
    const outcome = search({ term: 'robot', filters: { theme: ['Agents'] }, sort: '' });
    expect(outcome.papers).toEqual([]);
    expect(outcome.unfiltered).toBe(1);
    expect(search({ term: 'plan', filters: {}, sort: '' }).counts['theme']).toEqual({ Agents: 2, Robotics: 1 });
    expect(search({ term: 'language', filters: {}, sort: '' }).counts['tag']).toEqual({ rl: 1 });
  });

  test('no words but filters: every paper the filters let through; no words nor filters: nothing', () => {
    expect([...slugs('', { tag: ['rl'] })].sort()).toEqual(['b', 'c']);
    expect(slugs('  ', { tag: ['rl'] }, 'rating:desc')).toEqual(['c', 'b']);
    expect(search({ term: '', filters: { tag: ['rl'] }, sort: '' }).counts['theme']).toEqual({ Agents: 1, Robotics: 1 });
    expect(slugs('')).toEqual([]);
  });

  test('a ticked filter counts each of its values as if only that value were ticked, the other filters kept', () => {
    const counts = search({ term: 'plan', filters: { theme: ['Agents'], tag: ['rl'] }, sort: '' }).counts;
    // Ticking Robotics adds b (tag rl); the tag counts follow the ticked theme.
    expect(counts['theme']).toEqual({ Agents: 1, Robotics: 1 });
    expect(counts['tag']).toEqual({ rl: 1 });
    expect(search({ term: 'plan', filters: { theme: ['Agents', 'Robotics'] }, sort: '' }).counts['theme']).toEqual({ Agents: 2, Robotics: 1 });
  });

  test('sorts by date, upvotes or rating, papers without the key last', () => {
    expect(slugs('plan', {}, 'date:desc')).toEqual(['c', 'a', 'b']);
    expect(slugs('plan', {}, 'upvotes:desc')).toEqual(['b', 'a', 'c']);
    expect(slugs('plan', {}, 'rating:desc')).toEqual(['c', 'a', 'b']);
  });

  test('finds by author, given or family name, shown as a page shows them', () => {
    expect(slugs('lovelace')).toEqual(['a']);
    expect(slugs('grace hopper')).toEqual(['c']);
    expect(slugs('openai plan')).toEqual(['a']);
  });
});

describe('excerptAfterTitle', () => {
  const words = textWords(`The title. ${'Filler words before. '.repeat(20)}The planner plans; planning & replanning. ${'More filler after. '.repeat(20)}`);

  test('leaves out the title, cuts around the first match and marks the matched words', () => {
    const positions = matchedPositions(searchWords('planning'), words);
    const parts = excerptAfterTitle(words, 2, positions, 30);
    const joined = parts.map((part) => part.text).join('');
    expect(joined.startsWith('… ')).toBe(true);
    expect(joined.endsWith(' …')).toBe(true);
    expect(joined).not.toContain('The title.');
    expect(parts.filter((part) => part.marked).map((part) => part.text)).toEqual(['planning']);
  });

  test('without a match after the title, the start of the rest', () => {
    expect(excerptAfterTitle(textWords('Title words. Short text.'), 2, [0], 30).map((part) => part.text).join('')).toBe('Short text.');
  });
});

describe('keepsEveryWord (the check of Pagefind\'s results)', () => {
  const text = textWords('A quick self-improving agent.');
  test('each search word must start a matched word (whole, or a part of a hyphenated one)', () => {
    expect(keepsEveryWord(['quick', 'improv'], text, [1, 2], [])).toBe(true);
    expect(keepsEveryWord(['selfimproving'], text, [2], [])).toBe(true);
    // Pagefind's fallback: "quickly" not indexed, so it matched "quick".
    expect(keepsEveryWord(['quickly'], text, [1], [])).toBe(false);
  });

  test('a word matched in the meta values (Pagefind gives no location for it) is kept', () => {
    expect(keepsEveryWord(['dec', 'agent'], text, [3], textWords('Dec 3, 2024'))).toBe(true);
    expect(keepsEveryWord(['december'], text, [], textWords('Dec 3, 2024'))).toBe(false);
  });
});
