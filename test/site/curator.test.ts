/**
 * The curator's fields (tags, rating, status, pick; src/lib/curator.ts) where a reader meets
 * them, read from a fixture site built by the real pipeline, hosted and offline; and a bad
 * value stopping `npm run build`'s pipeline, naming the entry's file and line.
 */
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { normaliseText } from '../setup/content.ts';
import { offlineSteps, runStep } from '../setup/build-site.ts';
import { buildFixtureSite, copyProject, type FixtureSite } from '../setup/fixture-site.ts';
import { childrenNamed, parseXml, textOf } from '../setup/xml.ts';

const ABSTRACT = 'We study agents that plan and act, at length, so that this line reads as the abstract of a paper.';
const LISTING = `Listed Agents Paper\n\n${ABSTRACT}\n\nUncurated Agents Paper\n\nAgents that nobody rated, studied at length so that this line reads as an abstract.\n`;

/** A hand-written entry in the agents theme with the given curator fields (YAML lines). */
const entry = (title: string, ...fields: string[]) => `---\ntitle: ${title}\nthemes: [agents]\n${fields.map((field) => `${field}\n`).join('')}---\nAbout ${title}.\n`;

const ENTRIES = {
  'mine/self-play.md': entry('Self-Play Agents', 'status: read', 'rating: 5', 'tags: [rl, self-play, rl]', 'pick: true'),
  'mine/two-stars.md': entry('Two Star Agents', 'status: to-read', 'rating: 2', 'tags: [rl]'),
  'mine/tagged-only.md': entry('Tagged Agents', 'tags: [rl]'),
  // A listed paper's entry that the curator annotated: ingest rewrites its generated fields and keeps these.
  // Robotics: a theme and a tag whose papers nobody rated, one of them picked.
  'mine/picked-robot.md': '---\ntitle: Picked Robot\nthemes: [robotics]\npick: true\ntags: [hardware]\n---\nAbout a robot.\n',
  'mine/other-robot.md': '---\ntitle: Other Robot\nthemes: [robotics]\ntags: [hardware]\n---\nAbout another robot.\n',
  'agents/listed-agents-paper.md': `---\ntitle: Listed Agents Paper\nslug: listed-agents-paper\nthemes: [agents]\nsources:\n  - listing: a.txt\n    line: 1\nrating: 3\ntags: [planning]\nstatus: reading\n---\n${ABSTRACT}\n`,
};

let site: FixtureSite;
let offlineDir: string;

const read = (path: string) => readFile(join(site.dist, path), 'utf8');
const page = async (path: string) => parse(await read(path));
const text = (node: HTMLElement | null | undefined) => normaliseText(node?.text ?? '');
const hrefs = (node: HTMLElement | null | undefined) => node?.querySelectorAll('a').map((link) => link.getAttribute('href')) ?? [];
/** The paper slugs a list page shows, in order. */
const listed = async (path: string) => (await page(path)).querySelectorAll('main [data-paper]').map((item) => item.getAttribute('data-paper'));

beforeAll(async () => {
  // Theme and tag pages of 2 papers, so that the tag "rl" (3 papers) has a second page; one pick on the home page, of two.
  const config = (await readFile(join(import.meta.dirname, '../../src/config.ts'), 'utf8')).replace(/themePageSize: \d+/, 'themePageSize: 2').replace(/recentPapers: \d+/, 'recentPapers: 1');
  site = await buildFixtureSite({ 'a.txt': LISTING }, { name: 'reading-list-curator-', entries: ENTRIES, files: { 'src/config.ts': config } });
  offlineDir = join(site.dir, 'dist-offline');
  for (const step of await offlineSteps(offlineDir, site.dir)) await runStep(step);
});

afterAll(async () => {
  await site?.remove();
});

describe("the curator's fields on a fixture site", () => {
  test('ingest keeps them in a listed paper\'s entry it rewrites', async () => {
    const kept = await readFile(join(site.dir, 'content/papers/agents/listed-agents-paper.mdx'), 'utf8');
    expect(kept).toMatch(/^rating: 3$/m);
    expect(kept).toMatch(/^tags: \[planning\]$/m);
    expect(kept).toMatch(/^status: reading$/m);
  });

  test('a paper page says them in the curator\'s name, with the rating in words and tags linking to their pages, apart from the reader\'s own state', async () => {
    const doc = await page('papers/self-play/index.html');
    const block = doc.querySelector('.paper-curator');
    expect(text(block)).toBe("Curator: Read · ★★★★★ · Curator's pick · Tags: rl, self-play");
    const stars = block?.querySelector('[role="img"]');
    expect(stars?.getAttribute('aria-label')).toBe('Rated 5 of 5');
    expect(hrefs(block)).toEqual(['/tags/rl/', '/tags/self-play/']);
    // The reader's controls are another block, headed as theirs.
    expect(block?.closest('[data-track-controls]')).toBeNull();
    expect(text(doc.querySelector('[data-track-controls] h2'))).toBe('Your reading');
    // A paper the curator said nothing about has no such block.
    expect((await page('papers/uncurated-agents-paper/index.html')).querySelector('.curator')).toBeNull();
  });

  test('list rows show them compactly; a row the curator said nothing about shows none', async () => {
    const rows = (await page('themes/agents/rating/index.html')).querySelectorAll('main [data-paper]');
    expect(rows.map((row) => [row.getAttribute('data-paper'), text(row.querySelector('.paper-item__curator'))])).toEqual([
      ['self-play', "Curator: Read · ★★★★★ · Curator's pick · Tags: rl, self-play"],
      ['listed-agents-paper', 'Curator: Reading · ★★★☆☆ · Tags: planning'],
    ]);
    const second = (await page('themes/agents/rating/2/index.html')).querySelectorAll('main [data-paper]');
    expect(second.map((row) => [row.getAttribute('data-paper'), text(row.querySelector('.paper-item__curator'))])).toEqual([
      ['two-stars', 'Curator: To read · ★★☆☆☆ · Tags: rl'],
      // Unrated papers last, in date order then by title.
      ['tagged-only', 'Curator: Tags: rl'],
    ]);
    expect(await listed('themes/agents/rating/3/index.html')).toEqual(['uncurated-agents-paper']);
    expect((await page('themes/agents/rating/3/index.html')).querySelector('.curator')).toBeNull();
  });

  test('/tags/ lists every tag with its count, the most used first; each tag has pages like a theme\'s, in the sitemap', async () => {
    const index = (await page('tags/index.html')).querySelectorAll('.tag-index li');
    expect(index.map(text)).toEqual(['rl (3 papers)', 'hardware (2 papers)', 'planning (1 paper)', 'self-play (1 paper)']);
    expect(index.flatMap(hrefs)).toEqual(['/tags/rl/', '/tags/hardware/', '/tags/planning/', '/tags/self-play/']);
    const first = await page('tags/rl/index.html');
    expect(text(first.querySelector('h1'))).toBe('Tag: rl');
    expect(await listed('tags/rl/index.html')).toHaveLength(2);
    expect([...(await listed('tags/rl/index.html')), ...(await listed('tags/rl/2/index.html'))].sort()).toEqual(['self-play', 'tagged-only', 'two-stars']);
    expect(await listed('tags/rl/rating/index.html')).toEqual(['self-play', 'two-stars']);
    expect(hrefs(first.querySelector('.sort-links'))).toEqual(['/tags/rl/', '/tags/rl/upvotes/', '/tags/rl/rating/', '/tags/rl/title/']);
    expect(hrefs(first.querySelector('.pagination'))).toContain('/tags/rl/2/');
    const sitemap = await read('sitemap-0.xml');
    for (const path of ['/tags/', '/tags/rl/', '/tags/rl/2/', '/tags/planning/']) expect(sitemap, path).toContain(`${path}</loc>`);
  });

  test('/papers/rating/ orders the table by the curator\'s rating, unrated papers last, with the rating in words', async () => {
    const doc = await page('papers/rating/index.html');
    const rows = doc.querySelectorAll('tbody tr');
    const order = rows.map((row) => row.getAttribute('data-paper'));
    expect(order.slice(0, 3)).toEqual(['self-play', 'listed-agents-paper', 'two-stars']);
    expect(order.slice(3).sort()).toEqual(['other-robot', 'picked-robot', 'tagged-only', 'uncurated-agents-paper']);
    expect(rows.map((row) => row.querySelectorAll('td').at(-1)?.querySelector('[role="img"]')?.getAttribute('aria-label') ?? null)).toEqual([
      'Rated 5 of 5',
      'Rated 3 of 5',
      'Rated 2 of 5',
      null,
      null,
      null,
      null,
    ]);
    expect(doc.querySelectorAll('thead th').map((th) => text(th))).toEqual(['Title', 'Themes', 'Date', 'Upvotes', 'Rating']);
    expect(doc.querySelector('th[aria-sort] a')?.getAttribute('href')).toBe('/papers/rating/');
    // Linked where the other orders are.
    expect(hrefs((await page('papers/index.html')).querySelector('thead'))).toContain('/papers/rating/');
  });

  test('the home page lists the curator\'s best rated picks, at most SITE.recentPapers, links to all of them and to the tags', async () => {
    const picks = (await page('index.html')).querySelector('section[aria-labelledby="picks"]');
    expect(text(picks?.querySelector('h2'))).toBe("Curator's picks");
    expect(picks?.querySelectorAll('[data-paper]').map((item) => item.getAttribute('data-paper'))).toEqual(['self-play']);
    expect(text(picks?.querySelector('.more-picks'))).toBe('All 2 picks (1 more than these).');
    expect(hrefs(picks?.querySelector('.more-picks'))).toEqual(['/picks/']);
    expect(hrefs((await page('index.html')).querySelector('.curator-tags-link'))).toEqual(['/tags/']);
    // /picks/ lists them all, in the orders a list offers.
    expect(await listed('picks/index.html')).toHaveLength(2);
    expect(await listed('picks/rating/index.html')).toEqual(['self-play', 'picked-robot']);
    expect(hrefs((await page('picks/index.html')).querySelector('.sort-links'))).toEqual(['/picks/', '/picks/upvotes/', '/picks/rating/', '/picks/title/']);
  });

  test('a list none of whose papers is rated offers no rating order and has no pages for it', async () => {
    expect(hrefs((await page('tags/hardware/index.html')).querySelector('.sort-links'))).toEqual(['/tags/hardware/', '/tags/hardware/upvotes/', '/tags/hardware/title/']);
    expect(hrefs((await page('themes/robotics/index.html')).querySelector('.sort-links'))).toEqual(['/themes/robotics/', '/themes/robotics/upvotes/', '/themes/robotics/title/']);
    for (const path of ['tags/hardware/rating', 'themes/robotics/rating']) expect(existsSync(join(site.dist, path)), path).toBe(false);
    expect(existsSync(join(site.dist, 'themes/agents/rating/index.html'))).toBe(true);
  });

  test('a tag page in date order says when its papers have no known year', async () => {
    expect(text((await page('tags/rl/index.html')).querySelector('[data-date-note]'))).toBe('No paper with this tag has a known year: "newest first" lists them by title.');
    expect((await page('tags/rl/title/index.html')).querySelector('[data-date-note]')).toBeNull();
  });

  test('papers.json and my-list/papers.json carry them', async () => {
    const json = JSON.parse(await read('papers.json')) as { papers: Record<string, unknown>[] };
    const bySlug = new Map(json.papers.map((paper) => [paper['slug'], paper]));
    expect(bySlug.get('self-play')).toMatchObject({ tags: ['rl', 'self-play'], rating: 5, status: 'read', pick: true });
    expect(bySlug.get('uncurated-agents-paper')).toMatchObject({ tags: [], rating: null, status: null, pick: false });
    const index = JSON.parse(await read('my-list/papers.json')) as { papers: Record<string, unknown[]> };
    expect(index.papers['self-play']?.[2]).toEqual({ tags: ['rl', 'self-play'], rating: 5, status: 'read', pick: true });
    expect(index.papers['tagged-only']?.[2]).toEqual({ tags: ['rl'] });
    // Nothing said, nothing added: the index stays as small as before.
    expect(index.papers['uncurated-agents-paper']).toHaveLength(2);
  });

  test('the RSS feed gives the tags as categories and the rest in the description', async () => {
    const items = childrenNamed(childrenNamed(parseXml(await read('rss.xml')), 'channel')[0]!, 'item');
    const item = (link: string) => items.find((node) => textOf(childrenNamed(node, 'link')[0])?.endsWith(link))!;
    const curated = item('/papers/self-play/');
    expect(childrenNamed(curated, 'category').map((node) => textOf(node))).toEqual(['Agents', 'rl', 'self-play']);
    expect(textOf(childrenNamed(curated, 'description')[0])).toBe("Curator: Read · Rated 5 of 5 · Curator's pick. About Self-Play Agents.");
    const plain = item('/papers/uncurated-agents-paper/');
    expect(childrenNamed(plain, 'category').map((node) => textOf(node))).toEqual(['Agents']);
    expect(textOf(childrenNamed(plain, 'description')[0])).toMatch(/^Agents that nobody rated/);
  });

  test('the offline build has the tag pages, linked relatively, and the curator\'s fields for My list', async () => {
    const paper = parse(await readFile(join(offlineDir, 'papers/self-play/index.html'), 'utf8'));
    expect(text(paper.querySelector('.paper-curator'))).toBe("Curator: Read · ★★★★★ · Curator's pick · Tags: rl, self-play");
    expect(hrefs(paper.querySelector('.paper-curator'))).toEqual(['../../tags/rl/index.html', '../../tags/self-play/index.html']);
    for (const path of ['tags/index.html', 'tags/rl/index.html', 'tags/rl/2/index.html', 'papers/rating/index.html']) expect(existsSync(join(offlineDir, path)), path).toBe(true);
    const tagPage = parse(await readFile(join(offlineDir, 'tags/rl/rating/index.html'), 'utf8'));
    expect(tagPage.querySelectorAll('main [data-paper]').map((item) => item.getAttribute('data-paper'))).toEqual(['self-play', 'two-stars']);
    const home = parse(await readFile(join(offlineDir, 'index.html'), 'utf8'));
    expect(home.querySelectorAll('section[aria-labelledby="picks"] [data-paper]').map((item) => item.getAttribute('data-paper'))).toEqual(['self-play']);
    const data = await readFile(join(offlineDir, 'offline-data.js'), 'utf8');
    expect(data).toContain('"curation":{"tags":["rl","self-play"],"rating":5,"status":"read","pick":true}');
  });
});

describe("a bad curator value in an entry", () => {
  test("stops npm run build's pipeline at ingest, naming the entry's file, the field's line and the fix", async () => {
    const dir = await copyProject('reading-list-curator-bad-');
    try {
      await mkdir(join(dir, 'content/papers/mine'), { recursive: true });
      await writeFile(join(dir, 'content/papers/mine/bad.md'), entry('A Paper', 'status: read', 'rating: 4.5'));
      const build = runStep({ label: 'npm run build (fixture)', cwd: dir, command: process.execPath, args: ['scripts/build.ts'], env: { BASE_PATH: undefined, SITE_URL: undefined } });
      await expect(build).rejects.toThrow('content/papers/mine/bad.md:5: `rating`: a rating is a whole number from 1 to 5, written without quotes (`rating: 4`)');
      expect(existsSync(join(dir, 'dist')), 'no site written').toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
