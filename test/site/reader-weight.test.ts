/**
 * Page weight and shipped scripts of the built site: every paper page's HTML stays
 * under 20 kB, no framework runtime ships, the light/dark choice is applied before
 * any stylesheet (no flash), and the 404 page exists.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { pageFoldersIn, readHtml } from '../setup/dist.ts';
import { BUILDS } from '../setup/site-builds.ts';

const siteDirs = inject('siteDirs');
const PAPER_PAGE_LIMIT = 20_000;
/** All the site's own JavaScript a paper page loads (from /_astro/), in bytes. */
const OWN_SCRIPT_LIMIT = 16_000;

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
/** Paper page folders under papers/ (numbered folders would be pages of the papers table). */
const paperSlugs = async (dir: string) => (await pageFoldersIn(dir, 'papers')).filter((name) => !/^\d+$/.test(name));

describe.each(BUILDS)('weight of the site built with base $basePath', (build) => {
  const dir = siteDirs[build.name]!;

  test(`every paper page's HTML is under ${PAPER_PAGE_LIMIT / 1000} kB`, async () => {
    const slugs = await paperSlugs(dir);
    expect(slugs.length).toBeGreaterThan(0);
    const sizes = await Promise.all(slugs.map(async (slug) => ({ slug, bytes: (await stat(join(dir, 'papers', slug, 'index.html'))).size })));
    const sorted = sizes.map((size) => size.bytes).sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const max = sorted.at(-1)!;
    console.log(`[weight ${build.name}] ${slugs.length} paper pages: median ${kB(median)}, max ${kB(max)}, min ${kB(sorted[0]!)}`);
    expect(sizes.filter((size) => size.bytes >= PAPER_PAGE_LIMIT)).toEqual([]);
  });

  test('no framework runtime; the site\'s own scripts stay small', async () => {
    const pages = ['index.html', 'my-list/index.html', `papers/${(await paperSlugs(dir))[0]}/index.html`];
    const report: string[] = [];
    for (const file of pages) {
      const html = await readHtml(dir, file);
      // Astro islands (a framework component hydrated in the browser) would bring a runtime.
      expect(html.querySelectorAll('astro-island'), file).toHaveLength(0);
      let own = 0;
      for (const script of html.querySelectorAll('script[src]')) {
        const src = script.getAttribute('src')!;
        expect(src, file).not.toMatch(/react|preact|vue|svelte|solid|lit-html|alpine|htmx/i);
        if (src.startsWith(`${build.basePath}_astro/`)) {
          const body = await readFile(join(dir, src.slice(build.basePath.length)), 'utf8');
          expect(body, src).not.toMatch(/__REACT|preact|createElementVNode|SvelteComponent/);
          own += body.length;
        }
      }
      report.push(`${file} ${kB((await stat(join(dir, file))).size)} HTML + ${kB(own)} own JS`);
      expect(own, `${file}: own JavaScript`).toBeLessThan(OWN_SCRIPT_LIMIT);
    }
    console.log(`[weight ${build.name}] ${report.join('; ')}`);
  });

  test('the stored light/dark choice is applied before any stylesheet (no flash)', async () => {
    const html = await readFile(join(dir, 'index.html'), 'utf8');
    const head = html.slice(0, html.indexOf('</head>'));
    const script = head.indexOf('dataset.theme');
    const firstStyle = Math.min(...['<link rel="stylesheet"', '<style'].map((tag) => head.indexOf(tag)).filter((i) => i >= 0));
    expect(script).toBeGreaterThan(0);
    expect(script).toBeLessThan(firstStyle);
    expect(head).toContain(JSON.stringify(`reading-list:theme:${build.basePath}`));
  });

  test('the 404 page exists, says so, and links home through the base', async () => {
    const page = await readHtml(dir, '404.html');
    expect(page.querySelector('h1')?.textContent).toBe('Page not found');
    expect(page.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(page.querySelectorAll('main a').map((a) => a.getAttribute('href'))).toContain(build.basePath);
  });

  test('/my-list/papers.json names every paper', async () => {
    const index = JSON.parse(await readFile(join(dir, 'my-list', 'papers.json'), 'utf8')) as {
      themes: { id: string; url: string }[];
      papers: Record<string, [string, number[]]>;
    };
    const slugs = await paperSlugs(dir);
    expect(Object.keys(index.papers).sort()).toEqual(slugs);
    for (const theme of index.themes) expect(theme.url).toBe(`${build.basePath}themes/${theme.id}/`);
    for (const [slug, [title, themes]] of Object.entries(index.papers)) {
      expect(title, slug).not.toBe('');
      expect(themes.length, slug).toBeGreaterThan(0);
      for (const i of themes) expect(index.themes[i], slug).toBeDefined();
    }
    console.log(`[weight ${build.name}] /my-list/papers.json ${kB((await stat(join(dir, 'my-list', 'papers.json'))).size)}`);
  });
});
