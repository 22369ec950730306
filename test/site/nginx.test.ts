/**
 * The sub-path build (`BASE_PATH=/reading-list`) deployed on a real web server:
 * Debian's nginx serves test/.output/dist-base at /reading-list/ on 127.0.0.1.
 * Over real HTTP, everything reachable from /reading-list/ answers 200 and stays
 * under /reading-list/; in headless chromium, search finds a paper and opens it.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { parse as parseHtml } from 'node-html-parser';
import { launchChromium } from '../setup/chromium.ts';
import { pickSearchTarget, readPaperEntries } from '../setup/content.ts';
import { referencesIn } from '../setup/dist.ts';
import { serveWithNginx, type NginxServer } from '../setup/nginx.ts';
import { searchAndOpen } from '../setup/search-flow.ts';
import { BUILDS } from '../setup/site-builds.ts';

const repoRoot = inject('repoRoot');
const siteDirs = inject('siteDirs');
const base = BUILDS.find((build) => build.name === 'base')!;
const { paper, word } = pickSearchTarget(await readPaperEntries(repoRoot));

/** Schemes that never point at a server. */
const NOT_HTTP = /^(mailto|tel|javascript|data|blob|about):/i;

/** <link rel> values that name a document without loading it. */
const RELATED_DOCUMENT = new Set(['canonical', 'alternate', 'sitemap', 'author', 'license', 'help', 'next', 'prev', 'search']);

/** A URL a crawled file refers to, and how: `a[href]`, `link[rel=stylesheet]`, `css url()`... */
interface Found {
  value: string;
  where: string;
  /** Fetched by the browser as part of showing the page (not a link to follow). */
  subresource: boolean;
}

function referencesInHtml(html: string): Found[] {
  const page = parseHtml(html);
  const found: Found[] = referencesIn(page)
    .filter(({ where }) => where !== 'link[href]')
    .map(({ where, value }) => ({ value, where, subresource: !['a[href]', 'area[href]', 'form[action]'].includes(where) }));
  // A <link> is fetched to show the page (stylesheet, icon, preload...) unless it only names a related document.
  for (const link of page.querySelectorAll('link[href]')) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().trim().split(/\s+/);
    found.push({
      value: (link.getAttribute('href') ?? '').trim(),
      where: `link[rel=${rel.join(' ')}]`,
      subresource: !rel.every((name) => RELATED_DOCUMENT.has(name)),
    });
  }
  for (const meta of page.querySelectorAll('meta[http-equiv]')) {
    if ((meta.getAttribute('http-equiv') ?? '').toLowerCase() !== 'refresh') continue;
    const target = /url\s*=\s*['"]?([^'"]+)/i.exec(meta.getAttribute('content') ?? '')?.[1];
    if (target) found.push({ value: target.trim(), where: 'meta refresh', subresource: false });
  }
  for (const style of page.querySelectorAll('style')) found.push(...referencesInCss(style.textContent));
  for (const element of page.querySelectorAll('[style]')) found.push(...referencesInCss(element.getAttribute('style') ?? ''));
  return found;
}

function referencesInCss(css: string): Found[] {
  const found: Found[] = [];
  for (const match of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3/g)) {
    found.push({ value: (match[2] ?? match[4]).trim(), where: 'css url()', subresource: true });
  }
  return found;
}

/** Static imports of a bundled module (`import{x}from"./urls.js"`, `import"./a.js"`). */
function referencesInJs(js: string): Found[] {
  return [...js.matchAll(/(?:\bfrom|\bimport)\s*["']((?:\.{1,2}\/|\/)[^"'\s]+\.m?js)["']/g)].map((match) => ({
    value: match[1],
    where: 'js import',
    subresource: true,
  }));
}

let server: NginxServer;
beforeAll(async () => {
  server = await serveWithNginx(siteDirs[base.name], base.basePath);
});
afterAll(async () => {
  await server?.stop();
});

describe(`the ${base.basePath} build served by nginx`, () => {
  test('every page and asset reachable from the home page answers 200, all under the base path', async () => {
    const start = new URL(server.url);
    const queue: { url: URL; from: string }[] = [{ url: start, from: '(start)' }];
    const seen = new Set<string>([start.href]);
    const broken: string[] = [];
    const outside: string[] = [];
    const externalOrigins = new Map<string, Set<string>>();
    const externalSubresources: string[] = [];
    let fetched = 0;

    const visit = async ({ url, from }: { url: URL; from: string }) => {
      // manual: a redirect is not a 200 (a link without its trailing slash, say).
      const response = await fetch(url, { redirect: 'manual' });
      fetched++;
      if (response.status !== 200) {
        broken.push(`${response.status} ${url.pathname}${url.search} (from ${from})`);
        await response.body?.cancel();
        return;
      }
      const type = response.headers.get('content-type') ?? '';
      let found: Found[] = [];
      if (type.startsWith('text/html')) found = referencesInHtml(await response.text());
      else if (type.startsWith('text/css')) found = referencesInCss(await response.text());
      else if (/javascript/.test(type)) found = referencesInJs(await response.text());
      else await response.arrayBuffer();

      for (const { value, where, subresource } of found) {
        if (value === '' || value.startsWith('#') || NOT_HTTP.test(value)) continue;
        const target = new URL(value, url);
        target.hash = '';
        if (target.origin !== server.origin) {
          const places = externalOrigins.get(target.origin) ?? new Set();
          places.add(where);
          externalOrigins.set(target.origin, places);
          if (subresource) externalSubresources.push(`${where} ${target.href} (in ${url.pathname})`);
          continue;
        }
        if (!target.pathname.startsWith(start.pathname)) {
          outside.push(`${where} ${target.pathname} (in ${url.pathname})`);
          continue;
        }
        if (seen.has(target.href)) continue;
        seen.add(target.href);
        queue.push({ url: target, from: `${where} in ${url.pathname}` });
      }
    };

    // A few requests at a time: nginx is local, the crawl is a few hundred files.
    while (queue.length > 0) {
      await Promise.all(queue.splice(0, 16).map(visit));
    }

    const origins = [...externalOrigins].map(([origin, places]) => `${origin} (${[...places].join(', ')})`).sort();
    console.log(`[nginx] crawled ${fetched} URLs under ${start.href}; external origins referenced: ${origins.join('; ') || 'none'}`);
    expect(
      { broken, outside, externalSubresources },
      'URLs that did not answer 200, same-origin references outside the base path, assets from another origin',
    ).toEqual({ broken: [], outside: [], externalSubresources: [] });
    // The crawl reached the whole site: every paper page and the search page.
    expect(seen.has(new URL(`papers/${paper.slug}/`, start).href)).toBe(true);
    expect(seen.has(new URL('search/', start).href)).toBe(true);
    expect(fetched).toBeGreaterThan((await readPaperEntries(repoRoot)).length);
    // nginx's own log agrees: everything it was asked for was under the base path and found.
    const logged = await server.requests();
    expect(logged.filter(({ status, uri }) => status !== 200 || !uri.startsWith(start.pathname))).toEqual([]);
  });

  test('serves Pagefind files and WebAssembly with their content types', async () => {
    const pagefind = new URL('pagefind/', server.url);
    const js = await fetch(new URL('pagefind-component-ui.js', pagefind));
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    await js.arrayBuffer();
    const entry = (await (await fetch(new URL('pagefind-entry.json', pagefind))).json()) as {
      languages: Record<string, { wasm?: string; hash: string }>;
    };
    const [language] = Object.values(entry.languages);
    const wasm = await fetch(new URL(`wasm.${language.wasm ?? 'unknown'}.pagefind`, pagefind));
    expect(wasm.status).toBe(200);
    expect(wasm.headers.get('content-type')).toBe('application/octet-stream');
    await wasm.arrayBuffer();
    const meta = await fetch(new URL(`pagefind.${language.hash}.pf_meta`, pagefind));
    expect(meta.status).toBe(200);
    expect(meta.headers.get('content-type')).toBe('application/octet-stream');
    await meta.arrayBuffer();
  });

  describe('in headless chromium', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
    });

    test(`search on ${base.basePath}search/ finds "${paper.title}" by "${word}" and opens it`, async () => {
      const context = await browser.newContext();
      try {
        const loggedBefore = (await server.requests()).length;
        await searchAndOpen(context, server.url, base.basePath, paper, word);
        // What the browser asked nginx for (index, WebAssembly, fragments) was all there, under the base path.
        const logged = (await server.requests()).slice(loggedBefore);
        expect(logged.some(({ uri }) => uri.endsWith('.pf_fragment'))).toBe(true);
        expect(logged.filter(({ status, uri }) => ![200, 304].includes(status) || !uri.startsWith(base.basePath))).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });
});
