/**
 * Search that tells the truth (issue 19 §2), on one fixture site built both ways, in Chromium:
 *  - hosted (Pagefind, served over HTTP) and offline (MiniSearch, opened from disk) find the
 *    same papers for a set of queries: hyphens, names cut at capitals, digits and dots, quotes,
 *    typos, prefixes, nonsense, non-Latin text, diacritics, notes, and the hostile fixture's papers;
 *  - words of a paper's date, rating and status (Pagefind's meta, searched) find it in both
 *    builds, and a sort never changes which papers are found;
 *  - nonsense and typos find nothing (Pagefind's fallback to a shorter indexed word is not kept);
 *  - the filters' counts follow the search, a ticked filter's values counting what ticking
 *    each alone finds; an empty result emptied by filters says so and
 *    "Clear filters" brings the results back;
 *  - a filter ticked with no words lists the papers it lets through;
 *  - a result shows its date, themes, the curator's status, rating and tags, the reader's own
 *    status, and an excerpt without the title; sorting by rating puts the unrated last;
 *  - at 390 px the results come before the filters, which open from a "Filters" button.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SEARCH_SORTS } from '../../src/lib/site/search.ts';
import { STATE_FORMAT, STATE_VERSION, storageKey } from '../../src/lib/site/reading-state.ts';
import { offlineSteps, runStep } from '../setup/build-site.ts';
import { collectPageErrors, launchChromium } from '../setup/chromium.ts';
import { buildFixtureSite, type FixtureSite } from '../setup/fixture-site.ts';
import { HOSTILE_PAPERS, hostileListing } from '../setup/hostile-fixture.ts';
import { serveStatic, type StaticServer } from '../setup/static-server.ts';

const entry = (fields: string, body: string) => `---\n${fields}\n---\n${body}\n`;

/** Hand-written papers whose words the queries below are about (slug: entry). */
const PAPERS: Record<string, string> = {
  'self-improving': entry(
    'title: Self-Improving Agents\nthemes: [agents]\nmainTheme: agents\ntags: [rl, self-play]\nrating: 5\nstatus: read\npublished:\n  text: Mar 3, 2024\n  date: "2024-03-03"',
    'We train a reward model for agents that improve themselves with reinforcement learning, in Zürich.',
  ),
  'model-of-reward': entry(
    'title: Benchmarks of Agents\nthemes: [agents]\nmainTheme: agents\ntags: [evaluation]\nrating: 2\npublished:\n  text: Jan 5, 2023\n  date: "2023-01-05"',
    'A benchmark where each model of reward is compared; self improving is said apart, and naïve methods fail.',
  ),
  'multilingual': entry(
    'title: Multilingual Robots\nthemes: [robotics]\nmainTheme: robotics',
    'Robots and agents that read 大規模言語モデル and обучение с подкреплением texts, and Greek μάθηση.\n\nA note of the curator: zanzibarish.',
  ),
  // Names Pagefind cuts at capitals, digits and dots (see wordForms).
  'model-names': entry(
    'title: DeepSeek-R1 and GPT-4o Meet MetaGPT\nthemes: [robotics]\nmainTheme: robotics',
    'Models on ToolBench and WebRL with ResNet50, LLaMA-2 and Qwen2.5-VL, on an iPhone or x86-64, in 3D; code at https://craftjarvis.github.io/SkillDiscovery and a.i. for x-ray.',
  ),
};

/** The query set: each must give the same papers in both builds. */
const QUERIES = [
  'self-improving',
  'self improving',
  'improving',
  'selfimp',
  'self-improving agents',
  '"reward model"',
  '"model of reward"',
  '"model reward"',
  'reward model',
  'reinforcment',
  'reinforcement learning',
  'agents',
  'agent',
  'agentz',
  'qwertyuiop',
  'xyzzyq',
  'sdfghjkl',
  'zurich',
  'zürich',
  'naive',
  '大規模言語モデル',
  '大規模',
  '言語モデル',
  'обучение',
  'обучение подкреплением',
  'μάθηση',
  'zanzibar',
  'robot',
  'deepseek',
  'seek',
  'r1',
  'gpt',
  '4o',
  'gpt-4o',
  'metagpt',
  'bench',
  'rl',
  'net',
  '50',
  'phone',
  'la',
  '4',
  'é',
  '86',
  'x',
  'ray',
  '3d',
  'vl',
  '5vl',
  'skill',
  'skilldiscovery',
  'ioskilldiscovery',
  'craftjarvis',
  'ai',
  'a.i.',
  ...HOSTILE_PAPERS.slice(0, 12).flatMap((paper) => [paper.abstractMarker, ...(paper.titleMarker ? [paper.titleMarker] : [])]),
  '<script>',
  'script',
  '{process.exit(1)}',
  '&amp;',
  '🤖🚀✨',
  '🤖',
  'c++',
];

let site: FixtureSite;
let server: StaticServer;
let offlineRoot: string;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  site = await buildFixtureSite(
    { 'hostile.txt': hostileListing() },
    { name: 'reading-list-search-truth-', entries: Object.fromEntries(Object.entries(PAPERS).map(([slug, text]) => [`mine/${slug}.md`, text])) },
  );
  const outDir = join(site.dir, 'dist-offline');
  for (const step of await offlineSteps(outDir, site.dir)) await runStep({ ...step, env: { BASE_PATH: undefined, SITE_URL: undefined } });
  offlineRoot = `${pathToFileURL(outDir).href}/`;
  server = await serveStatic(site.dist, '/');
  browser = await launchChromium();
  context = await browser.newContext();
}, 600_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  await site?.remove();
});

const hostedSearch = (query: string) => new URL(`search/?${query}`, server.url).href;
const offlineSearch = (query: string) => `${offlineRoot}search/index.html?${query}`;

/** Opens a search page and waits for its answer. */
async function openSearch(address: string, page?: Page): Promise<Page> {
  const tab = page ?? (await context.newPage());
  tab.setDefaultTimeout(15_000);
  await tab.goto(address);
  await tab.waitForFunction(() => /match|could not/.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
  return tab;
}

/** The slugs of every result (shown ten at a time: "Show more" until none is left). */
async function resultSlugs(page: Page): Promise<string[]> {
  const more = page.locator('[data-search-more]');
  const count = Number(/^(\d+) papers? match/.exec((await page.locator('[data-search-status]').textContent()) ?? '')?.[1] ?? 0);
  const links = page.locator('[data-search-results] .paper-item__title a');
  while (await more.isVisible()) {
    const before = await links.count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-search-results] > li').length > n, before);
  }
  await page.waitForFunction((n) => document.querySelectorAll('[data-search-results] > li').length === n, count);
  const hrefs = await links.evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
  return hrefs.map((href) => decodeURIComponent(new URL(href).pathname.replace(/\/(index\.html)?$/, '').split('/').pop()!)).sort();
}

describe('hosted and offline search agree', () => {
  test('every query of the set finds the same papers in both builds', async () => {
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const differences: string[] = [];
    const found: Record<string, number> = {};
    for (const query of QUERIES) {
      const address = `q=${encodeURIComponent(query)}`;
      const hosted = await resultSlugs(await openSearch(hostedSearch(address), page));
      const offline = await resultSlugs(await openSearch(offlineSearch(address), page));
      found[query] = hosted.length;
      if (JSON.stringify(hosted) !== JSON.stringify(offline)) differences.push(`${query}: hosted ${JSON.stringify(hosted)}, offline ${JSON.stringify(offline)}`);
    }
    expect(differences).toEqual([]);
    expect(errors).toEqual([]);
    // The set means something: the queries that must find papers find them.
    for (const query of ['self-improving', 'improving', 'selfimp', '"reward model"', 'reward model', 'zurich', 'naive', '大規模言語モデル', '大規模', 'обучение', 'zanzibar', 'seek', 'metagpt', 'bench', 'phone', 'ioskilldiscovery', '🤖', HOSTILE_PAPERS[0]!.abstractMarker]) {
      expect(found[query], query).toBeGreaterThan(0);
    }
    // Parts Pagefind does not index: under 2 bytes (`r` and `1` of `R1`), or a run without its dots.
    for (const query of ['r1', '4o', 'skilldiscovery']) expect(found[query], query).toBe(0);
  }, 300_000);

  test('words of the date, rating and status (searched meta values) find the same papers in both builds, with any sort', async () => {
    const page = await context.newPage();
    const differences: string[] = [];
    const found: Record<string, string[]> = {};
    for (const query of ['2024', 'mar', 'jan', 'read']) {
      for (const sort of SEARCH_SORTS.map((option) => option.value)) {
        const address = `q=${encodeURIComponent(query)}${sort ? `&sort=${encodeURIComponent(sort)}` : ''}`;
        const hosted = await resultSlugs(await openSearch(hostedSearch(address), page));
        const offline = await resultSlugs(await openSearch(offlineSearch(address), page));
        found[query] ??= hosted;
        if (JSON.stringify(hosted) !== JSON.stringify(offline)) differences.push(`${address}: hosted ${JSON.stringify(hosted)}, offline ${JSON.stringify(offline)}`);
        // A sort changes the order, never the set.
        if (JSON.stringify(hosted) !== JSON.stringify(found[query])) differences.push(`${address}: hosted ${JSON.stringify(hosted)}, by relevance ${JSON.stringify(found[query])}`);
      }
    }
    expect(differences).toEqual([]);
    expect(found['2024']).toContain('self-improving');
    expect(found['mar']).toContain('self-improving');
    expect(found['jan']).toContain('model-of-reward');
    expect(found['read']).toContain('self-improving');
    await page.close();
  }, 300_000);

  test.each(['self-improving', 'Self-Improving agents'])('a result opened after "%s" marks the words on the paper page', async (query) => {
    const page = await openSearch(hostedSearch(`q=${encodeURIComponent(query)}`));
    await Promise.all([page.waitForURL((url) => url.pathname.endsWith('/papers/self-improving/')), page.locator('[data-search-results] .paper-item__title a').first().click()]);
    const marks = page.locator('main mark.pagefind-highlight');
    await marks.first().waitFor();
    expect((await marks.allTextContents()).map((text) => text.toLowerCase())).toContain('self-improving');
    await page.close();
  });

  test.each([
    ['nonsense', 'qwertyuiop'],
    ['nonsense', 'xyzzyq'],
    ['nonsense', 'sdfghjkl'],
    ['a typo', 'reinforcment'],
    ['a word no paper has, starting like one', 'agentz'],
  ])('%s ("%s") finds nothing on the hosted site', async (_, query) => {
    const page = await openSearch(hostedSearch(`q=${query}`));
    expect(await page.locator('[data-search-status]').textContent()).toBe(`No paper matches “${query}”.`);
    expect(await page.locator('[data-search-results] > li').count()).toBe(0);
    await page.close();
  });

  test('a quoted search finds the words in a row only; a hyphenated word only joined', async () => {
    const page = await context.newPage();
    expect(await resultSlugs(await openSearch(hostedSearch('q=%22reward+model%22'), page))).toEqual(['self-improving']);
    expect(await resultSlugs(await openSearch(hostedSearch('q=reward+model'), page))).toEqual(['model-of-reward', 'self-improving']);
    expect(await resultSlugs(await openSearch(hostedSearch('q=self-improving'), page))).toEqual(['self-improving']);
    await page.close();
  });
});

describe.each([
  ['hosted', hostedSearch],
  ['offline', offlineSearch],
])('/search/ (%s)', (_, searchAt) => {
  test('filter counts follow the words: each value counts the papers of this search, values none has greyed', async () => {
    const page = await openSearch(searchAt('q=reward'));
    const count = (name: string, value: string) => page.locator(`input[name="${name}"][value="${value}"] ~ [data-count]`).textContent();
    expect(await count('tag', 'rl')).toBe('(1)');
    expect(await count('tag', 'evaluation')).toBe('(1)');
    expect(await count('theme', 'Agents')).toBe('(2)');
    expect(await count('theme', 'Robotics and embodiment')).toBe('(0)');
    expect(await page.locator('label:has(input[value="Robotics and embodiment"])').getAttribute('class')).toContain('search-ui__value--none');
    await page.locator('#search-q').fill('zanzibar');
    await page.waitForFunction(() => /1 paper matches/.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
    expect(await count('theme', 'Agents')).toBe('(0)');
    expect(await count('theme', 'Robotics and embodiment')).toBe('(1)');
    await page.close();
  });

  test('a ticked filter counts each of its values as the papers ticking that value alone would find', async () => {
    const matches = async (page: Page) => Number(/^(\d+) papers? match/.exec((await page.locator('[data-search-status]').textContent()) ?? '')?.[1] ?? 0);
    const themes = ['Agents', 'Robotics and embodiment'];
    const page = await context.newPage();
    const alone: number[] = [];
    for (const theme of themes) alone.push(await matches(await openSearch(searchAt(`q=agents&theme=${encodeURIComponent(theme)}`), page)));
    expect(Math.min(...alone)).toBeGreaterThan(0);
    await openSearch(searchAt(`q=agents${themes.map((theme) => `&theme=${encodeURIComponent(theme)}`).join('')}`), page);
    const count = (value: string) => page.locator(`input[name="theme"][value="${value}"] ~ [data-count]`).textContent();
    expect([await count(themes[0]!), await count(themes[1]!)]).toEqual(alone.map((n) => `(${n})`));
    // One ticked: the other still counts what ticking it adds, not greyed.
    await openSearch(searchAt(`q=agents&theme=${encodeURIComponent(themes[0]!)}`), page);
    expect(await count(themes[1]!)).toBe(`(${alone[1]})`);
    expect(await page.locator(`label:has(input[value="${themes[1]}"])`).getAttribute('class')).not.toContain('search-ui__value--none');
    await page.close();
  });

  test('a filter ticked with no words lists the papers it lets through, and says how many', async () => {
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(searchAt('theme=Agents'));
    await page.waitForFunction(() => /with the filter/.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
    const said = (await page.locator('[data-search-status]').textContent()) ?? '';
    const count = Number(/^(\d+) papers? with the filter Theme: Agents\.$/.exec(said)?.[1]);
    expect(count, said).toBeGreaterThan(1);
    expect(await page.locator('input[name="theme"][value="Agents"] ~ [data-count]').textContent()).toBe(`(${count})`);
    await page.waitForFunction((n) => document.querySelectorAll('[data-search-results] > li').length === n, Math.min(count, 10));
    expect(await page.locator('[data-search-results] .paper-item__title').allTextContents()).toContain('Self-Improving Agents');
    await page.close();
  });

  test('an empty result that filters emptied says so, and "Clear filters" brings the results back', async () => {
    const page = await openSearch(searchAt('q=self-improving&tag=evaluation&year=2023'));
    expect(await page.locator('[data-search-status]').textContent()).toBe('No paper matches “self-improving” with the filters Year: 2023, Tag: evaluation; 1 paper matches without them.');
    await page.locator('[data-filters-clear]').click();
    await page.waitForFunction(() => /1 paper matches/.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
    expect(await page.locator('input[type=checkbox]:checked').count()).toBe(0);
    expect(await resultSlugs(page)).toEqual(['self-improving']);
    expect(await page.locator('[data-filters-clear]').isVisible()).toBe(false);
    await page.close();
  });

  test('a result shows its date, themes, the curator’s status, rating and tags, the reader’s status, and an excerpt without its title', async () => {
    const reader = await browser.newContext();
    const key = storageKey('/');
    const state = JSON.stringify({ format: STATE_FORMAT, version: STATE_VERSION, papers: { 'self-improving': { status: 'reading', updated: '2026-01-01T00:00:00Z' } } });
    await reader.addInitScript(([key, state]) => localStorage.setItem(key!, state!), [key, state]);
    const page = await reader.newPage();
    await openSearch(searchAt('q=reinforcement'), page);
    const item = page.locator('[data-search-results] > li').first();
    expect(await item.locator('.paper-item__title').textContent()).toBe('Self-Improving Agents');
    expect(await item.locator('.paper-item__meta').textContent()).toBe('Mar 3, 2024 · Agents');
    expect(await item.locator('.search-result__curator').textContent()).toBe('Curator: Read · ★★★★★ · Tags: rl, self-play');
    expect(await item.locator('.search-result__rating').getAttribute('aria-label')).toBe('Rated 5 of 5');
    expect(await item.locator('.search-result__reader').textContent()).toBe('You: Reading');
    const excerpt = (await item.locator('.paper-item__excerpt').textContent()) ?? '';
    expect(excerpt).toContain('a reward model for agents');
    expect(excerpt).not.toContain('Self-Improving Agents');
    expect(await item.locator('.paper-item__excerpt mark').allTextContents()).toEqual(['reinforcement']);
    await reader.close();
  });

  test('sorting by rating puts the highest first and the unrated last, and keeps every result', async () => {
    const page = await openSearch(searchAt('q=agents'));
    const byRelevance = await resultSlugs(page);
    await openSearch(searchAt('q=agents&sort=rating%3Adesc'), page);
    // Every result shown (the status comes before them) and the same set.
    expect(await resultSlugs(page)).toEqual(byRelevance);
    const titles = await page.locator('[data-search-results] .paper-item__title').allTextContents();
    expect(titles.slice(0, 2)).toEqual(['Self-Improving Agents', 'Benchmarks of Agents']);
    expect(titles.at(-1)).toBe('Multilingual Robots');
    await page.close();
  });

  test('at 390 px the results come first; the filters open from a "Filters" button that counts the ticked ones', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await phone.newPage();
    await openSearch(searchAt('q=agents&tag=rl'), page);
    const toggle = page.getByRole('button', { name: 'Filters (1 ticked)' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('[data-search-filters]').isVisible()).toBe(false);
    const firstResult = await page.locator('[data-search-results] > li').first().boundingBox();
    expect(firstResult!.y).toBeLessThan(844);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('[data-search-filters]').isVisible()).toBe(true);
    await phone.close();
    // On a desktop the filters sit beside the results, and the button is not needed.
    const desktop = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const wide = await openSearch(searchAt('q=agents'), await desktop.newPage());
    const filters = await wide.locator('[data-search-filters]').boundingBox();
    const results = await wide.locator('[data-search-results]').boundingBox();
    expect(filters!.x + filters!.width).toBeLessThanOrEqual(results!.x);
    expect(await wide.locator('[data-filters-toggle]').isVisible()).toBe(false);
    await desktop.close();
  });
});
