/**
 * Notes a researcher writes below an abstract (docs/entries.md, "Writing notes"): GFM, math,
 * links between papers with backlinks, components and highlighted code, built by the real
 * pipeline in a throwaway copy of the project (test/setup/fixture-site.ts), hosted and
 * offline, and checked in Chromium with no request leaving the site.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse, type HTMLElement } from 'node-html-parser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { offlineSteps, runStep } from '../setup/build-site.ts';
import { collectPageErrors, launchChromium, reportingPageErrors } from '../setup/chromium.ts';
import { buildFixtureSite, type FixtureSite } from '../setup/fixture-site.ts';
import { serveStatic, type StaticServer } from '../setup/static-server.ts';

const ABSTRACT = 'We study agents that plan and act, at length, so that this line reads as the abstract of a paper.';
const OTHER_ABSTRACT = 'Robots learn to grasp objects from a few demonstrations, at length, so that this line reads as an abstract.';
const THIRD_ABSTRACT = 'A third paper that nobody annotated, at length, so that this line reads as the abstract of a paper.';
const LISTING = `Listed Agents Paper\n\n${ABSTRACT}\n\nGrasping Robots Paper\n\n${OTHER_ABSTRACT}\n\nUnannotated Third Paper\n\n${THIRD_ABSTRACT}\n`;

/** Notes in plain Markdown: the site renders them while content loads, without MDX's compiler. */
const PLAIN_NOTES = [
  '## My notes',
  '',
  'Builds on [[grasping-robots-paper|the grasping paper]]; see also [[grasping-robots-paper]].',
  '',
  '| method | success |',
  '| --- | ---: |',
  '| ours | 71% |',
  '| baseline | 52% |',
  '',
  '- [x] read it',
  '- [ ] try it',
  '',
  'Was ~~weak~~ fine[^1]. Code: https://example.org/agents.',
  '',
  '[^1]: On the second benchmark.',
  '',
  'The loss is $E = mc^2$ here, summed:',
  '',
  '$$',
  '\\sum_i x_i^2',
  '$$',
  '',
].join('\n');

/** Notes that need MDX's compiler: components, the project's and the user's own, with math and a link inside. */
const MDX_NOTES = [
  "import Aside from '../../../src/components/notes/Aside.astro';",
  "import Verdict from '../../../src/components/Verdict.astro';",
  '',
  '## Notes',
  '',
  'Extends [[listed-agents-paper|the agents paper]].',
  '',
  '<Aside type="tip" title="Worth a try">The planner is $\\frac{1}{2}$ the size.</Aside>',
  '',
  '<Verdict score={4} />',
  '',
  '```python',
  'def grasp(x):',
  '    return x + 1',
  '```',
  '',
].join('\n');
const VERDICT = '---\nconst { score } = Astro.props;\n---\n<p class="verdict">Verdict: {score}/5</p>\n';

const entry = (title: string, slug: string, abstract: string, line: number, notes: string) =>
  `---\ntitle: ${title}\nslug: ${slug}\nthemes: [agents]\nsources:\n  - listing: a.txt\n    line: ${line}\n---\n${abstract}\n\n${notes}`;

let site: FixtureSite;
let offlineDir: string;
let browser: Browser;
let server: StaticServer;
/** A paper page, parsed with <pre> as elements (node-html-parser keeps its content as text by default). */
const page = async (slug: string): Promise<HTMLElement> =>
  parse(await readFile(join(site.dist, `papers/${slug}/index.html`), 'utf8'), { blockTextElements: { script: true, noscript: true, style: true } });

/** The fixture: a plain entry and an MDX one, with notes, and the user's component. */
const NOTES_FIXTURE = {
  entries: {
    'agents/listed-agents-paper.mdx': entry('Listed Agents Paper', 'listed-agents-paper', ABSTRACT, 1, PLAIN_NOTES),
    'agents/grasping-robots-paper.mdx': entry('Grasping Robots Paper', 'grasping-robots-paper', OTHER_ABSTRACT, 5, MDX_NOTES),
  },
  files: { 'src/components/Verdict.astro': VERDICT },
};

beforeAll(async () => {
  site = await buildFixtureSite({ 'a.txt': LISTING }, { name: 'reading-list-notes-', ...NOTES_FIXTURE });
  offlineDir = join(site.dir, 'dist-offline');
  for (const step of await offlineSteps(offlineDir, site.dir)) await runStep({ ...step, env: { BASE_PATH: undefined, SITE_URL: undefined } });
  server = await serveStatic(site.dist);
  browser = await launchChromium();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
});

describe('notes in plain Markdown', () => {
  test('render GFM: a table, a task list, strikethrough, a footnote and an autolink', async () => {
    const notes = await page('listed-agents-paper');
    const rows = notes.querySelectorAll('.abstract table tr').map((row) => row.querySelectorAll('th, td').map((cell) => cell.text));
    expect(rows).toEqual([['method', 'success'], ['ours', '71%'], ['baseline', '52%']]);
    expect(notes.querySelectorAll('.abstract input[type=checkbox]').map((box) => box.hasAttribute('checked'))).toEqual([true, false]);
    expect(notes.querySelector('.abstract del')?.text).toBe('weak');
    expect(notes.querySelector('.abstract [data-footnotes] li')?.text).toContain('On the second benchmark.');
    expect(notes.querySelector('.abstract a[href="https://example.org/agents"]')?.text).toBe('https://example.org/agents');
    // The abstract stays the first paragraph, as written.
    expect(notes.querySelector('.abstract p')?.text).toBe(ABSTRACT);
  });

  test('link to other papers with [[slug]] and [[slug|text]], and the linked paper lists them under "Mentioned in notes of"', async () => {
    const notes = await page('listed-agents-paper');
    expect(notes.querySelectorAll('.abstract a[href="/papers/grasping-robots-paper/"]').map((link) => link.text)).toEqual(['the grasping paper', 'grasping-robots-paper']);
    const linked = await page('grasping-robots-paper');
    const mentions = linked.querySelector('section.mentions');
    expect(mentions?.querySelector('h2')?.text).toBe('Mentioned in notes of');
    expect(mentions?.querySelectorAll('a').map((link) => [link.text, link.getAttribute('href')])).toEqual([['Listed Agents Paper', '/papers/listed-agents-paper/']]);
  });
});

describe('notes in MDX', () => {
  test("use the project's Aside and the user's own component, with math and links between papers inside", async () => {
    const notes = await page('grasping-robots-paper');
    const aside = notes.querySelector('.abstract aside.aside--tip');
    expect(aside?.querySelector('.aside__title')?.text).toBe('Worth a try');
    expect(aside?.querySelector('annotation')?.text).toBe('\\frac{1}{2}');
    expect(notes.querySelector('.abstract .verdict')?.text).toBe('Verdict: 4/5');
    expect(notes.querySelector('.abstract a[href="/papers/listed-agents-paper/"]')?.text).toBe('the agents paper');
    // Backlinks go both ways: the plain entry lists the MDX one.
    const linked = await page('listed-agents-paper');
    expect(linked.querySelectorAll('section.mentions a').map((link) => link.text)).toEqual(['Grasping Robots Paper']);
    // Only it was compiled as MDX: the plain entry was rendered while content loaded.
    expect(notes.querySelector('.abstract p')?.text).toBe(OTHER_ABSTRACT);
  });

  test('highlight code blocks while the site builds, in the light and the dark theme', async () => {
    const code = (await page('grasping-robots-paper')).querySelector('.abstract pre.astro-code');
    expect(code?.getAttribute('data-language')).toBe('python');
    expect(code?.text).toBe('def grasp(x):\n    return x + 1');
    const colours = code?.querySelectorAll('span[style]').map((span) => span.getAttribute('style')) ?? [];
    expect(colours.some((style) => /color:light-dark\(#[0-9A-Fa-f]+, ?#[0-9A-Fa-f]+\)/.test(style ?? ''))).toBe(true);
  });
});

describe('math in notes', () => {
  test('is rendered while the site builds, with KaTeX, and the page links KaTeX\'s stylesheet, served by the site itself', async () => {
    const notes = await page('listed-agents-paper');
    const formulas = notes.querySelectorAll('.abstract .katex');
    expect(formulas.map((formula) => formula.querySelector('annotation')?.text)).toEqual(['E = mc^2', '\\sum_i x_i^2']);
    expect(notes.querySelector('.abstract .katex-display annotation')?.text).toBe('\\sum_i x_i^2');
    // Search indexes only the source: the glyphs and the MathML screen readers read are left out.
    for (const formula of formulas) {
      expect(formula.querySelector('.katex-html')?.hasAttribute('data-pagefind-ignore')).toBe(true);
      expect(formula.querySelectorAll('semantics > *').map((node) => [node.tagName.toLowerCase(), node.hasAttribute('data-pagefind-ignore')])).toEqual([['mrow', true], ['annotation', false]]);
    }
    // No script renders it: the page's scripts are the site's own, as on a page without math.
    const scripts = (html: HTMLElement) => html.querySelectorAll('script[src]').map((script) => script.getAttribute('src'));
    const noMath = await page('unannotated-third-paper');
    expect(scripts(notes)).toEqual(scripts(noMath));
    // Its one more stylesheet is KaTeX's, on the MDX entry's page too, and on no page without math.
    const stylesheets = (html: HTMLElement) => html.querySelectorAll('link[rel=stylesheet]').map((link) => link.getAttribute('href') ?? '');
    const katex = stylesheets(notes).filter((href) => !stylesheets(noMath).includes(href));
    expect(katex).toHaveLength(1);
    expect(stylesheets(await page('grasping-robots-paper'))).toContain(katex[0]);
    expect(await readFile(join(site.dist, 'index.html'), 'utf8')).not.toContain(katex[0]);
    const css = await readFile(join(site.dist, katex[0]!), 'utf8');
    expect(css).toContain('.katex');
    // Its fonts are files of the site too, or small enough to be inlined.
    const fonts = [...css.matchAll(/url\(([^)]+)\)/g)].map((match) => match[1]!.replace(/^["']|["']$/g, ''));
    const files = fonts.filter((font) => !font.startsWith('data:'));
    expect(files.length).toBeGreaterThan(0);
    for (const font of files) {
      expect(font, 'a font of the site').toMatch(/^\/_astro\/KaTeX_/);
      await expect(readFile(join(site.dist, font)), font).resolves.toBeDefined();
    }
  });
});

describe('under BASE_PATH', () => {
  test("links between papers, backlinks and KaTeX's stylesheet and fonts are under the base", async () => {
    const based = await buildFixtureSite({ 'a.txt': LISTING }, { name: 'reading-list-notes-base-', env: { BASE_PATH: '/reading-list' }, ...NOTES_FIXTURE });
    try {
      const read = async (slug: string) => parse(await readFile(join(based.dist, `papers/${slug}/index.html`), 'utf8'));
      const [plain, mdx] = [await read('listed-agents-paper'), await read('grasping-robots-paper')];
      expect(plain.querySelectorAll('.abstract a[href^="/reading-list/papers/"]').map((link) => link.getAttribute('href'))).toEqual([
        '/reading-list/papers/grasping-robots-paper/',
        '/reading-list/papers/grasping-robots-paper/',
      ]);
      expect(mdx.querySelector('.abstract a[href="/reading-list/papers/listed-agents-paper/"]')?.text).toBe('the agents paper');
      expect(mdx.querySelector('section.mentions a')?.getAttribute('href')).toBe('/reading-list/papers/listed-agents-paper/');
      const katex = plain.querySelectorAll('link[rel=stylesheet]').map((link) => link.getAttribute('href') ?? '').find((href) => /katex/i.test(href));
      expect(katex).toMatch(/^\/reading-list\/_astro\//);
      const css = await readFile(join(based.dist, katex!.slice('/reading-list/'.length)), 'utf8');
      const files = [...css.matchAll(/url\(([^)]+)\)/g)].map((match) => match[1]!).filter((font) => !font.startsWith('data:'));
      expect(files.length).toBeGreaterThan(0);
      expect(files.filter((font) => !font.startsWith('/reading-list/_astro/KaTeX_'))).toEqual([]);
    } finally {
      await based.remove();
    }
  });
});

describe('a link to no paper', () => {
  test('fails the build, naming the entry and the line', async () => {
    // Hand-written, so ingest leaves its lines where they are.
    const handWritten = '---\ntitle: My Reading Notes\nthemes: [agents]\n---\nFine: [[grasping-robots-paper]].\n\nA typo: [[grasping-robot-paper]].\n';
    const failure = await buildFixtureSite({ 'a.txt': LISTING }, { name: 'reading-list-bad-link-', entries: { 'mine/my-notes.md': handWritten } }).then(
      async (built) => {
        await built.remove();
        return 'it built';
      },
      (error: Error) => error.message,
    );
    expect(failure).toContain('astro build (fixture)');
    expect(failure).toContain('content/papers/mine/my-notes.md:7: [[grasping-robot-paper]] links to no paper');
  });
});

/** What Chromium shows of a page of notes: each part's look, read from the page itself. */
async function lookOfNotes(page: Page) {
  await page.evaluate(() => document.fonts.ready);
  return page.evaluate(() => {
    const style = (selector: string) => {
      const element = document.querySelector(selector);
      return element ? getComputedStyle(element) : undefined;
    };
    const formula = document.querySelector('.abstract .katex-html');
    return {
      // KaTeX's stylesheet applies (its own font family), and the font files it names have loaded.
      formulaFont: formula ? getComputedStyle(formula.querySelector('.mathnormal') ?? formula).fontFamily : undefined,
      katexFontsLoaded: [...document.fonts].filter((font) => font.family.replace(/"/g, '').startsWith('KaTeX') && font.status === 'loaded').length,
      tableCells: document.querySelectorAll('.abstract td').length,
      asideBorder: style('.abstract aside')?.borderInlineStartWidth,
      codeColours: new Set([...document.querySelectorAll('.abstract pre.astro-code span[style]')].map((span) => getComputedStyle(span).color)).size,
      // Links to other pages of papers (not the footnotes' links within this one).
      paperLinks: [...document.querySelectorAll<HTMLAnchorElement>('.abstract a')]
        .filter((link) => link.pathname !== location.pathname && /papers\/[a-z-]+\/(index\.html)?$/.test(link.pathname))
        .map((link) => link.textContent),
    };
  });
}

describe('in Chromium', () => {
  /** Loads each of `urls` in a new context, recording every request; then none may have left `allowed` and no page may report an error. */
  async function visit(urls: string[], allowed: (url: string) => boolean, check: (page: Page, url: string) => Promise<void>): Promise<void> {
    const context = await browser.newContext();
    const requests: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    await context.route((url) => !allowed(url.href), (route) => route.abort('blockedbyclient'));
    try {
      for (const url of urls) {
        const page = await context.newPage();
        page.setDefaultTimeout(15_000);
        const errors = collectPageErrors(page);
        await reportingPageErrors(errors, async () => {
          await page.goto(url, { waitUntil: 'load' });
          await page.waitForLoadState('networkidle');
          await check(page, url);
        });
        expect(errors, `page errors on ${url}`).toEqual([]);
      }
    } finally {
      await context.close();
    }
    expect(requests.filter((url) => !allowed(url)), 'requests leaving the site').toEqual([]);
  }

  const expectNotesShown = async (page: Page, url: string) => {
    const look = await lookOfNotes(page);
    expect(look.formulaFont, url).toContain('KaTeX');
    expect(look.katexFontsLoaded, url).toBeGreaterThan(0);
    if (url.includes('listed-agents-paper')) {
      expect(look.tableCells, url).toBe(4);
      expect(look.paperLinks, url).toEqual(['the grasping paper', 'grasping-robots-paper']);
    } else {
      expect(look.asideBorder, url).toBe('4px');
      expect(look.codeColours, url).toBeGreaterThan(1);
      expect(look.paperLinks, url).toEqual(['the agents paper']);
    }
  };

  test('the hosted site shows the notes (table, formula, link, component, highlighted code) with no request leaving it', async () => {
    const urls = ['listed-agents-paper', 'grasping-robots-paper'].map((slug) => new URL(`papers/${slug}/`, server.url).href);
    await visit(urls, (url) => new URL(url).origin === server.origin, expectNotesShown);
  });

  test('the offline build, opened from disk, shows them too, with no request leaving file://', async () => {
    const urls = ['listed-agents-paper', 'grasping-robots-paper'].map((slug) => pathToFileURL(join(offlineDir, 'papers', slug, 'index.html')).href);
    await visit(urls, (url) => url.startsWith('file://'), expectNotesShown);
  });

  test('hosted search finds math by its TeX source, and notes by their text', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(new URL('search/', server.url).href);
      // Pagefind's own API, as the search page loads it (a string: Vitest would rewrite an import() in a function).
      const found = await page.evaluate(`(async (words) => {
        const pagefind = await import(new URL('../pagefind/pagefind.js', location.href).href);
        const urls = {};
        for (const word of words) {
          const { results } = await pagefind.search(word);
          urls[word] = await Promise.all(results.map(async (result) => (await result.data()).url.split('?')[0]));
        }
        return urls;
      })(${JSON.stringify(['frac', 'planner', 'baseline'])})`);
      expect(found).toEqual({
        frac: ['/papers/grasping-robots-paper/'],
        planner: ['/papers/grasping-robots-paper/'],
        baseline: ['/papers/listed-agents-paper/'],
      });
    } finally {
      await context.close();
    }
  });
});
