import { describe, expect, it } from 'vitest';
import { doubtfulMerges, groupListed, mergePapers } from '../../src/lib/ingest/merge.ts';
import { titleKey } from '../../src/lib/ingest/normalise.ts';
import type { ListedPaper } from '../../src/lib/ingest/types.ts';
import { parseSeed, seedNames } from '../setup/seeds.ts';

const listed = (overrides: Partial<ListedPaper> & Pick<ListedPaper, 'title'>): ListedPaper => ({
  abstract: 'An abstract.',
  source: { listing: 'a.txt', line: 1 },
  ...overrides,
});

describe('doubtfulMerges', () => {
  it('names a paper merged with another whose abstract is a different text', () => {
    const papers = [
      listed({ title: 'C++ Agents for Systems', abstract: 'Systems programming agents written in a compiled language with templates.', source: { listing: 'a.txt', line: 21 } }),
      listed({ title: 'C Agents for Systems', abstract: 'We survey embedded controllers and their firmware for small robots.', source: { listing: 'a.txt', line: 25 } }),
      listed({ title: 'C agents for systems', abstract: 'Systems programming agents written in a compiled language with templates, cut', source: { listing: 'b.txt', line: 3 } }),
    ];
    expect(doubtfulMerges(groupListed(papers))).toEqual([
      {
        file: 'a.txt',
        line: 25,
        message: '"C Agents for Systems" is taken for the paper "C++ Agents for Systems" (a.txt, line 21): titles are compared without case and punctuation; their abstracts differ, and only the longer is kept',
      },
    ]);
  });

  it('says nothing of a paper listed once without its abstract', () => {
    const papers = [listed({ title: 'GPT-4 Report', abstract: '' }), listed({ title: 'GPT4 Report', abstract: 'We report on a large model and its evaluation.' })];
    expect(doubtfulMerges(groupListed(papers))).toEqual([]);
  });

  it('finds none in the seed listings, whose repeated papers have the same abstract or nearly', () => {
    expect(doubtfulMerges(groupListed(seedNames.flatMap((name) => parseSeed(name).papers)))).toEqual([]);
  });
});

describe('mergePapers', () => {
  const all = seedNames.flatMap((name) => parseSeed(name).papers);
  const merged = mergePapers(all);

  it('finds one paper per distinct normalised title across the seed listings', () => {
    expect(merged).toHaveLength(new Set(all.map((paper) => titleKey(paper.title))).size);
    expect(merged).toHaveLength(394);
    expect(merged.reduce((sum, paper) => sum + paper.sources.length, 0)).toBe(all.length);
  });

  it('keeps every source and the richest metadata of a paper listed five times', () => {
    const slim = merged.find((paper) => paper.title === 'SLIM: Skill Learning with Multiple Critics');
    expect(slim?.sources.map((source) => source.listing)).toEqual(seedNames);
    expect(slim).toMatchObject({ authorsCount: 4, published: { date: '2024-02-01' } });
  });

  it('treats case, punctuation and invisible characters as the same title', () => {
    const papers = mergePapers([
      listed({ title: 'Self-Rewarding Language Models' }),
      listed({ title: 'self rewarding  language\u200B models', source: { listing: 'b.txt', line: 9 } }),
    ]);
    expect(papers).toHaveLength(1);
    expect(papers[0]?.title).toBe('Self-Rewarding Language Models');
    expect(papers[0]?.sources).toEqual([{ listing: 'a.txt', line: 1 }, { listing: 'b.txt', line: 9 }]);
  });

  it('keeps the longest abstract, the first one on a tie, and the highest upvotes and most precise date', () => {
    const [paper] = mergePapers([
      listed({ title: 'T', abstract: 'Short one.', upvotes: 3, published: { text: 'Mar 3' } }),
      listed({ title: 'T', abstract: 'A longer abstract.', upvotes: 9 }),
      listed({ title: 'T', abstract: 'Same length abstr.', upvotes: 1, published: { text: 'Mar 3, 2024', date: '2024-03-03', precision: 'day', yearSource: 'listing' } }),
    ]);
    expect(paper).toMatchObject({ abstract: 'A longer abstract.', upvotes: 9, published: { date: '2024-03-03' } });
  });
});
