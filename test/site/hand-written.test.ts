/**
 * Entries a person writes or edits by hand, built by the real pipeline in a
 * throwaway copy of the project (test/setup/fixture-site.ts).
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, test } from 'vitest';
import { buildFixtureSite } from '../setup/fixture-site.ts';

const ABSTRACT = 'We study agents that plan and act, at length, so that this line reads as the abstract of a paper.';
const LISTING = `Listed Agents Paper\n\n${ABSTRACT}\n`;

describe('a hand-written entry', () => {
  const handWritten = '---\ntitle: A Talk I Attended {live}\nthemes: [skills, agents]\nmainTheme: agents\nstatus: to-read   # mine\n---\nMy summary of the talk.\n';

  test('gets its page and its place in its themes, and ingest leaves it as written', async () => {
    // A project folder whose name has a space (the related papers' thread reads its entries by path).
    const site = await buildFixtureSite({ 'a.txt': LISTING }, { name: 'reading list hand-', entries: { 'mine/talk.md': handWritten } });
    try {
      expect(await readFile(join(site.dir, 'content/papers/mine/talk.md'), 'utf8')).toBe(handWritten);
      expect(site.ingestOutput).toContain('1 hand-written left alone');
      // Its id comes from its file name: the related papers read ahead still match the collection.
      expect(site.astroOutput).not.toContain('related papers:');
      const page = parse(await readFile(join(site.dist, 'papers/talk/index.html'), 'utf8'));
      expect(page.querySelector('h1')?.text).toBe('A Talk I Attended {live}');
      expect(page.querySelector('.abstract')?.text.trim()).toBe('My summary of the talk.');
      for (const theme of ['skills', 'agents']) {
        const list = await readFile(join(site.dist, `themes/${theme}/index.html`), 'utf8');
        expect(list, theme).toContain('href="/papers/talk/"');
      }
      // Its main theme is the one it names, first wherever its themes are listed.
      expect(page.querySelectorAll('.theme-reasons li').map((item) => item.text.replace(/\s+/g, ' ').trim())).toEqual([
        'Agents (main theme): chosen by hand',
        'Skills: chosen by hand',
      ]);
      const json = JSON.parse(await readFile(join(site.dist, 'papers.json'), 'utf8')) as { papers: { slug: string; themes: string[]; mainTheme: string }[] };
      expect(json.papers.find((paper) => paper.slug === 'talk')).toMatchObject({ themes: ['agents', 'skills'], mainTheme: 'agents' });

      // The curator rated no paper: no Rating column, no rating order, no pages for it.
      const table = parse(await readFile(join(site.dist, 'papers/index.html'), 'utf8'));
      expect(table.querySelectorAll('thead th').map((th) => th.text.trim())).toEqual(['Title', 'Themes', 'Date', 'Upvotes']);
      expect(table.querySelectorAll('tbody tr').map((row) => row.querySelectorAll('td').length)).toEqual([3, 3]);
      const agents = parse(await readFile(join(site.dist, 'themes/agents/index.html'), 'utf8'));
      expect(agents.querySelectorAll('.sort-links a').map((link) => link.getAttribute('href'))).toEqual(['/themes/agents/', '/themes/agents/upvotes/', '/themes/agents/title/']);
      for (const path of ['papers/rating', 'themes/agents/rating']) expect(existsSync(join(site.dist, path)), path).toBe(false);
    } finally {
      await site.remove();
    }
  });
});

describe('an entry from a listing, with notes below its abstract', () => {
  const notes = '## My notes\nWeak baseline; skip section 4.\n';
  const annotated = `---\ntitle: Listed Agents Paper\nslug: listed-agents-paper\nthemes: [agents]\nsources:\n  - listing: a.txt\n    line: 1\n---\n${ABSTRACT}\n\n${notes}`;

  test('shows the notes on its page, and only the abstract in papers.json, feeds and descriptions', async () => {
    const withoutAbstract = '---\ntitle: Agents Without Abstract\nslug: agents-without-abstract\nthemes: [agents]\nsources:\n  - listing: a.txt\n    line: 5\n---\n\n\nA private note on a paper with no abstract.\n';
    const site = await buildFixtureSite(
      { 'a.txt': `Agents Without Abstract\n${LISTING}\nAgents Without Abstract Either\n` },
      { name: 'reading-list-notes-', entries: { 'agents/listed-agents-paper.md': annotated, 'agents/agents-without-abstract.md': withoutAbstract } },
    );
    try {
      // Written as Markdown by an earlier ingest, it became MDX, notes byte for byte.
      const entry = await readFile(join(site.dir, 'content/papers/agents/listed-agents-paper.mdx'), 'utf8');
      expect(entry.endsWith(`${ABSTRACT}\n\n${notes}`), entry).toBe(true);
      expect(site.astroOutput).not.toContain('related papers:');
      const page = parse(await readFile(join(site.dist, 'papers/listed-agents-paper/index.html'), 'utf8'));
      expect(page.querySelector('.abstract')?.text).toContain('Weak baseline; skip section 4.');
      expect(page.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(ABSTRACT);
      const json = JSON.parse(await readFile(join(site.dist, 'papers.json'), 'utf8')) as { papers: { title: string; abstract: string }[] };
      expect(json.papers.find((paper) => paper.title === 'Listed Agents Paper')?.abstract).toBe(ABSTRACT);
      for (const file of ['rss.xml', 'themes/agents/rss.xml', 'themes/agents/index.html', 'index.html', 'papers.json']) {
        const text = await readFile(join(site.dist, file), 'utf8');
        expect(text, file).not.toContain('Weak baseline');
        expect(text, file).not.toContain('A private note');
      }
      // A paper the listing gives no abstract says so, rather than show an empty section, and its notes follow.
      const bare = parse(await readFile(join(site.dist, 'papers/agents-without-abstract-either/index.html'), 'utf8'));
      expect(bare.querySelector('.abstract')?.text.trim()).toBe('No abstract given.');
      const noted = parse(await readFile(join(site.dist, 'papers/agents-without-abstract/index.html'), 'utf8'));
      expect(noted.querySelectorAll('.abstract p').map((paragraph) => paragraph.text.trim())).toEqual(['No abstract given.', 'A private note on a paper with no abstract.']);
    } finally {
      await site.remove();
    }
  });
});

/** The message of the pipeline that fails on `entries` (path under content/papers -> text); undefined when it builds. */
async function failureWith(entries: Record<string, string>): Promise<string | undefined> {
  return buildFixtureSite({ 'a.txt': LISTING }, { name: 'reading-list-broken-', entries }).then(
    async (site) => {
      await site.remove();
      return undefined;
    },
    (error: Error) => error.message,
  );
}

describe('an entry that breaks the schema', () => {
  test.each([
    ['a theme the themes file does not define', '---\ntitle: Broken By Hand\nthemes: [no-such-theme]\n---\nText.\n', 'themes.0: "no-such-theme" is not a theme of content/themes.yaml'],
    ['a main theme that is not one of its themes', '---\ntitle: Broken By Hand\nthemes: [agents]\nmainTheme: skills\n---\nText.\n', 'mainTheme: "skills" is not one of the entry\'s themes'],
  ])('with %s fails the build, naming the file and the field', async (_case, broken, message) => {
    const failure = await failureWith({ 'mine/broken.mdx': broken });
    expect(failure).toContain('astro build (fixture)');
    expect(failure).toContain('content/papers/mine/broken.mdx');
    expect(failure).toContain(message);
  });
});

describe('a hand-written entry whose URL would be a page of the papers table', () => {
  test.each([
    ['mine/2.md', '---\ntitle: Two By Hand\nthemes: [agents]\n---\nText.\n', 'its slug "2" (its file name) would put it at /papers/2/'],
    ['mine/talk.mdx', '---\ntitle: Upvotes By Hand\nslug: upvotes\nthemes: [agents]\n---\nText.\n', 'its slug "upvotes" (its slug field) would put it at /papers/upvotes/'],
  ])('%s fails the build, naming the file and the clash', async (path, text, message) => {
    const failure = await failureWith({ [path]: text });
    expect(failure).toContain('astro build (fixture)');
    expect(failure).toContain(`content/papers/${path}: ${message}, a page of the papers table`);
  });
});

describe('an entry with `hidden: true`', () => {
  test('stays, and no file of the built site names its paper: no page, list, feed, export or papers.json', async () => {
    const hidden = '---\ntitle: Upvote Button Navigation\nslug: upvote-button-navigation\nthemes: [agents]\nsources:\n  - listing: a.txt\n    line: 4\nhidden: true\n---\nAgents that act; a line of navigation taken for a paper, long enough to be an abstract.\n';
    const site = await buildFixtureSite(
      { 'a.txt': `${LISTING}\nUpvote Button Navigation\n\nAgents that act; a line of navigation taken for a paper, long enough to be an abstract.\n` },
      { name: 'reading-list-hidden-', entries: { 'agents/upvote-button-navigation.mdx': hidden } },
    );
    try {
      expect(site.ingestOutput).toContain('1 hidden');
      // Kept, wherever its main theme puts it.
      const [kept] = (await readdir(join(site.dir, 'content/papers'), { recursive: true })).filter((path) => path.endsWith('upvote-button-navigation.mdx'));
      expect(await readFile(join(site.dir, 'content/papers', kept!), 'utf8')).toContain('hidden: true');
      const files = (await readdir(site.dist, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
      const naming = [];
      for (const file of files) {
        const path = join(file.parentPath, file.name);
        if (path.includes('upvote-button-navigation') || (await readFile(path, 'utf8')).includes('Upvote Button Navigation')) naming.push(path);
      }
      expect(naming).toEqual([]);
      const json = JSON.parse(await readFile(join(site.dist, 'papers.json'), 'utf8')) as { papers: { slug: string }[] };
      expect(json.papers.map((paper) => paper.slug)).toEqual(['listed-agents-paper']);
    } finally {
      await site.remove();
    }
  });
});
