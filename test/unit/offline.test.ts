/** The offline build's pure parts: relative links, the page rewrite, the in-page search. */
import { parse } from 'node-html-parser';
import { describe, expect, test } from 'vitest';
import { toOfflineStylesheet } from '../../src/lib/offline/css.ts';
import { toOfflineData, type OfflineData } from '../../src/lib/offline/data.ts';
import { toOfflinePage } from '../../src/lib/offline/html.ts';
import { relativeLink, relativeRoot } from '../../src/lib/offline/links.ts';
import { createSearch, excerptSegments } from '../../src/lib/offline/search.ts';

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

const data: OfflineData = toOfflineData({
  themes: [
    { id: 'agents', title: 'Agents' },
    { id: 'robotics', title: 'Robotics' },
  ],
  papers: [
    { slug: 'a', title: 'Planning agents', abstract: 'Agents that plan with a world model.', authors: ['Lovelace, Ada', 'OpenAI'], themes: ['agents'], published: { text: 'Mar 3, 2024', date: '2024-03-03' }, upvotes: 5 },
    { slug: 'b', title: 'Robot grasping', abstract: 'A planner for robot hands; agents are not involved.', authors: null, themes: ['robotics', 'agents'], published: null, upvotes: 40 },
    { slug: 'c', title: 'Language models plan', abstract: 'Do language models plan? We test planning.', authors: ['Hopper, Grace'], themes: ['agents'], published: { text: 'Jan 2025', date: '2025-01' }, upvotes: null },
  ],
});

describe('createSearch', () => {
  const search = createSearch(data);
  const slugs = (words: string, theme = '', sort = '') => search({ words, theme, sort }).map((hit) => hit.paper.slug);

  test('finds by prefix in titles and abstracts, titles first, every word required', () => {
    const plan = slugs('plan');
    expect([...plan].sort()).toEqual(['a', 'b', 'c']);
    expect(plan.at(-1), 'the one paper with "plan" only in its abstract').toBe('b');
    expect(slugs('robot planner')).toEqual(['b']);
    expect(slugs('   ')).toEqual([]);
    expect(slugs('zebra')).toEqual([]);
  });

  test('filters by theme and sorts by date or upvotes, unknown values last', () => {
    expect(slugs('plan', 'robotics')).toEqual(['b']);
    expect(slugs('plan', '', 'date:desc')).toEqual(['c', 'a', 'b']);
    expect(slugs('plan', '', 'upvotes:desc')).toEqual(['b', 'a', 'c']);
  });

  test('finds by author, given or family name, shown as a page shows them', () => {
    expect(slugs('lovelace')).toEqual(['a']);
    expect(slugs('grace hopper')).toEqual(['c']);
    expect(slugs('openai plan')).toEqual(['a']);
    expect(data.papers.map((paper) => paper.authors)).toEqual([['Ada Lovelace', 'OpenAI'], [], ['Grace Hopper']]);
  });

  test('reports the words that matched, for marking', () => {
    expect(search({ words: 'world', theme: '', sort: '' })[0]!.terms).toEqual(['world']);
  });
});

describe('excerptSegments', () => {
  const text = `${'Filler words before. '.repeat(20)}The <b>planner</b> plans; planning & replanning. ${'More filler after. '.repeat(20)}`;

  test('keeps the text exactly, marks whole words only, and cuts around the first match', () => {
    const segments = excerptSegments(text, ['planner', 'planning'], 120);
    const joined = segments.map((segment) => segment.text).join('');
    expect(joined.startsWith('…')).toBe(true);
    expect(joined.endsWith('…')).toBe(true);
    expect(text).toContain(joined.slice(1, -1));
    expect(segments.filter((segment) => segment.marked).map((segment) => segment.text)).toEqual(['planner', 'planning']);
  });

  test('without terms, the start of the text', () => {
    expect(excerptSegments('Short text.', [], 120)).toEqual([{ text: 'Short text.', marked: false }]);
  });

  test('terms with regular-expression characters are matched literally', () => {
    expect(excerptSegments('a c++ bx cpp', ['c++', 'b.'], 50).filter((s) => s.marked).map((s) => s.text)).toEqual(['c++']);
  });
});
