/**
 * The anchor sites of `npm run bench` (scripts/bench/eleventy-site.ts, hugo-site.ts): built for
 * real over a few entries, each paper page carries what our paper page gives Pagefind, and the
 * Pagefind CLI indexes them. `npm test` needs Debian's `hugo` (test/setup/test-tools.ts); the bench measures Hugo only when it is there.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { anchorPage } from '../../scripts/bench/anchor-page.ts';
import { eleventyBuildArgs, ELEVENTY_OUTPUT, writeEleventySite } from '../../scripts/bench/eleventy-site.ts';
import { HUGO_OUTPUT, hugoBuildArgs, writeHugoSite } from '../../scripts/bench/hugo-site.ts';
import { pagefindArgs, pagefindBin } from '../../scripts/bench/pagefind-cli.ts';

const rated = `---
title: "Agents & <tools>"
slug: agents-and-tools
themes:
  - reasoning
  - agents
mainTheme: agents
authors:
  - Ada Lovelace
  - Alan Turing
published:
  text: May 2024
  date: 2024-05
  precision: month
upvotes: 12
tags: [rl, self-play]
rating: 4
status: read
---
Agents call tools {{ not a template }} and *reason*.
`;

const plain = (n: number) => `---
title: "Paper ${n}"
slug: paper-${n}
themes:
  - reasoning
---
Plain abstract number ${n}.
`;

const entries = new Map([['agents/agents-and-tools.mdx', rated], ...[1, 2, 3, 4].map((n) => [`reasoning/paper-${n}.mdx`, plain(n)] as const)]);
const titles = new Map([
  ['agents', 'Agents and tools'],
  ['reasoning', 'Reasoning'],
]);

describe('anchorPage', () => {
  it("records the filters, sort keys and meta our paper page gives Pagefind, the main theme first", () => {
    const page = anchorPage('agents/agents-and-tools.mdx', rated, titles);
    expect(page.slug).toBe('agents-and-tools');
    expect(page.authors).toBe('Ada Lovelace, Alan Turing');
    expect(page.body.trim()).toBe('Agents call tools {{ not a template }} and *reason*.');
    expect(page.record).toEqual({
      filters: [
        { name: 'theme', value: 'Agents and tools' },
        { name: 'theme', value: 'Reasoning' },
        { name: 'year', value: '2024' },
        { name: 'tag', value: 'rl' },
        { name: 'tag', value: 'self-play' },
      ],
      sorts: ['date:2024-05', 'upvotes:12', 'rating:4'],
      metas: [
        { name: 'date', value: 'May 2024' },
        { name: 'rating', value: '4' },
        { name: 'status', value: 'read' },
      ],
    });
  });

  it('takes the page from the file name when the entry has no slug', () => {
    expect(anchorPage('reasoning/by-hand.md', '---\ntitle: By hand\nthemes: [reasoning]\n---\nText.\n', titles).slug).toBe('by-hand');
  });
});

const sites: string[] = [];
afterAll(() => {
  for (const dir of sites) rmSync(dir, { recursive: true, force: true });
});

/** Runs a site's build in `dir`, then the Pagefind CLI over `output`; returns the rated paper's page and the pages Pagefind indexed. */
function buildAndIndex(dir: string, output: string, command: string, args: string[]): { page: string; indexed: number } {
  const build = spawnSync(command, args, { cwd: dir, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  const index = spawnSync(pagefindBin, pagefindArgs(output), { cwd: dir, encoding: 'utf8' });
  expect(index.status, index.stderr).toBe(0);
  const entry = JSON.parse(readFileSync(join(dir, output, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return { page: readFileSync(join(dir, output, 'papers', 'agents-and-tools', 'index.html'), 'utf8'), indexed: entry.languages['und']!.page_count };
}

function expectSearchRecord(page: string) {
  expect(page).toContain('<html lang="en">');
  expect(page).toContain('<main data-pagefind-body>');
  expect(page).toMatch(/<h1>Agents &(amp|#38);? ?&(lt|#60);tools&(gt|#62);<\/h1>/);
  expect(page).toMatch(/<p data-pagefind-meta="authors">Ada Lovelace, Alan Turing<\/p>/);
  expect(page).toContain('<span data-pagefind-filter="theme">Agents and tools</span><span data-pagefind-filter="theme">Reasoning</span>');
  expect(page).toContain('<span data-pagefind-filter="year">2024</span>');
  expect(page).toContain('<span data-pagefind-filter="tag">self-play</span>');
  expect(page).toContain('<span data-pagefind-sort="date:2024-05"></span>');
  expect(page).toContain('<span data-pagefind-sort="rating:4"></span>');
  expect(page).toContain('<span data-pagefind-meta="date">May 2024</span>');
  expect(page).toContain('<span data-pagefind-meta="status">read</span>');
  // Markdown rendered, the text never run as a template.
  expect(page).toContain('<p>Agents call tools {{ not a template }} and <em>reason</em>.</p>');
}

describe('the Eleventy anchor', () => {
  it('builds a page per entry at /papers/<slug>/ with the search record, which the Pagefind CLI indexes', async () => {
    const dir = await writeEleventySite(entries, titles);
    sites.push(dir);
    const { page, indexed } = buildAndIndex(dir, ELEVENTY_OUTPUT, process.execPath, eleventyBuildArgs);
    expectSearchRecord(page);
    expect(indexed).toBe(5);
  });
});

describe('the Hugo anchor', () => {
  it('builds a page per entry at /papers/<slug>/ with the search record, which the Pagefind CLI indexes', async () => {
    const dir = await writeHugoSite(entries, titles);
    sites.push(dir);
    const { page, indexed } = buildAndIndex(dir, HUGO_OUTPUT, 'hugo', hugoBuildArgs);
    expectSearchRecord(page);
    expect(indexed).toBe(5);
  });
});
