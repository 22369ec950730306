import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conflicting, identityOf, paperIds } from '../../src/lib/ingest/identity.ts';
import { doubtfulMerges, groupListed, mergeGroups, mergePapers } from '../../src/lib/ingest/merge.ts';
import { titleKey } from '../../src/lib/ingest/normalise.ts';
import type { ListedPaper, PublishedDate } from '../../src/lib/ingest/types.ts';
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

const bib = (overrides: Partial<ListedPaper> & Pick<ListedPaper, 'title'>, line = 1): ListedPaper => listed({ abstract: '', source: { listing: 'lab.bib', line, key: `k${line}` }, ...overrides });

describe('groupListed and mergePapers on ids', () => {
  it('takes records with one DOI, compared without case, for one paper whatever their titles, the first title shown', () => {
    const papers = mergePapers([
      listed({ title: 'Distilling the Knowledge', source: { listing: 'a.txt', line: 4 } }),
      bib({ title: 'Distilling the knowledge in a neural network', doi: '10.1000/ABC.1' }, 7),
      bib({ title: 'Knowledge distillation in neural networks', doi: '10.1000/abc.1' }, 12),
    ]);
    expect(papers.map((paper) => [paper.title, paper.sources])).toEqual([
      ['Distilling the Knowledge', [{ listing: 'a.txt', line: 4 }]],
      ['Distilling the knowledge in a neural network', [{ listing: 'lab.bib', line: 7, key: 'k7' }, { listing: 'lab.bib', line: 12, key: 'k12' }]],
    ]);
  });

  it('takes an arXiv id without version, and an arXiv DOI, for the arXiv id', () => {
    const papers = mergePapers([
      bib({ title: 'Preprint title', arxiv: '1503.02531' }, 1),
      bib({ title: 'Journal title', doi: '10.48550/arXiv.1503.02531' }, 2),
      bib({ title: 'Another spelling', arxiv: '1503.02531v3' }, 3),
    ]);
    expect(papers).toHaveLength(1);
    expect(papers[0]?.sources.map((source) => source.line)).toEqual([1, 2, 3]);
  });

  it('joins a listing title, a .bib entry with that title and a DOI, and a CSL-JSON item with that DOI, in any order', () => {
    const records = [
      listed({ title: 'Self-Rewarding Language Models', source: { listing: 'hf.txt', line: 3 } }),
      listed({ title: 'Self-rewarding language models', doi: '10.1/srlm', source: { listing: 'lab.bib', line: 9, key: 'srlm' } }),
      listed({ title: 'Self-Rewarding LMs (extended)', doi: '10.1/SRLM', source: { listing: 'zotero.json', line: 2, key: 'item-1' } }),
    ];
    const orders = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];
    for (const order of orders) {
      const papers = mergePapers(order.map((index) => records[index]!));
      expect(papers, order.join()).toHaveLength(1);
      expect(papers[0]?.title).toBe(records[order[0]!]!.title);
      expect(papers[0]?.sources).toEqual(order.map((index) => records[index]!.source));
    }
  });

  it('keeps two papers with one title and different DOIs apart, each with its own key; a source with no id goes to the first', () => {
    const records = [
      bib({ title: 'Introduction', doi: '10.1/intro-2019' }, 1),
      bib({ title: 'Introduction', doi: '10.1/intro-2021' }, 20),
      listed({ title: 'INTRODUCTION', source: { listing: 'a.txt', line: 5 } }),
    ];
    const groups = groupListed(records);
    const papers = mergePapers(records);
    expect(papers.map((paper) => [paper.doi, paper.sources.map((source) => source.line)])).toEqual([['10.1/intro-2019', [1, 5]], ['10.1/intro-2021', [20]]]);
    expect(papers.map((paper) => paper.key)).toEqual(['introduction', 'introduction\0doi:10.1/intro-2021']);
    expect(doubtfulMerges(groups)).toEqual([
      {
        file: 'a.txt',
        line: 5,
        message: '"INTRODUCTION" is taken by its title alone for the paper of lab.bib, line 1 (DOI 10.1/intro-2019), but lab.bib, line 20 (DOI 10.1/intro-2021) has this title too, with other ids: the title alone cannot tell which paper this is',
      },
    ]);
  });

  it('keeps two papers with one title and different arXiv ids apart, and joins one title with a DOI to one with an arXiv id', () => {
    const apart = mergePapers([bib({ title: 'Reply', arxiv: '2101.00001' }, 1), bib({ title: 'Reply', arxiv: '2101.00002' }, 2)]);
    expect(apart.map((paper) => paper.key)).toEqual(['reply', 'reply\0arxiv:2101.00002']);
    const joined = mergePapers([bib({ title: 'Scaling Laws', arxiv: '2001.08361' }, 1), bib({ title: 'Scaling laws', doi: '10.1/scaling' }, 2)]);
    expect(joined).toMatchObject([{ arxiv: '2001.08361', doi: '10.1/scaling' }]);
  });

  it("takes a preprint (arXiv DOI) and its journal version (the journal's DOI) with one title for one paper, showing the journal's DOI", () => {
    const [paper, ...rest] = mergePapers([
      bib({ title: 'Deep Residual Learning', doi: '10.48550/arXiv.1512.03385', arxiv: '1512.03385' }, 1),
      bib({ title: 'Deep residual learning', doi: '10.1109/CVPR.2016.90' }, 2),
    ]);
    expect(rest).toEqual([]);
    expect(paper).toMatchObject({ doi: '10.1109/CVPR.2016.90', arxiv: '1512.03385' });
    expect(mergePapers([bib({ title: 'P', doi: '10.48550/arXiv.1512.03385' })])[0]?.doi).toBe('10.48550/arXiv.1512.03385');
  });

  it('obeys its rules on any records: every source once, one paper per id, apart only for different ids, unique keys', () => {
    const record = fc.record({
      title: fc.constantFrom('Agents', 'agents!', 'Skills', 'Tools'),
      doi: fc.option(fc.constantFrom('10.1/a', '10.1/A', '10.1/b', '10.48550/arXiv.2101.00001'), { nil: undefined }),
      arxiv: fc.option(fc.constantFrom('2101.00001', '2101.00002v2', '2101.00002'), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 12 }), (records) => {
        const input = records.map(({ title, doi, arxiv }, line) => listed({ title, source: { listing: 'x.bib', line: line + 1 }, ...(doi && { doi }), ...(arxiv && { arxiv }) }));
        const groups = groupListed(input);
        const papers = mergeGroups(groups);
        expect(groups.flat().sort((a, b) => a.source.line - b.source.line)).toEqual(input);
        expect(new Set(papers.map((paper) => paper.key)).size).toBe(papers.length);
        const paperOf = new Map(groups.flatMap((group, index) => group.map((paper) => [paper, index] as const)));
        for (const a of input) {
          for (const b of input) {
            const [x, y] = [paperIds(a), paperIds(b)];
            const same = paperOf.get(a) === paperOf.get(b);
            if ((x.doi && x.doi === y.doi) || (x.arxiv && x.arxiv === y.arxiv)) expect(same).toBe(true);
          }
        }
        // Two papers with a title in common could not be one: their ids differ.
        const identities = groups.map((group) => identityOf(group));
        identities.forEach((a, i) => identities.slice(i + 1).forEach((b) => {
          if (a.titles.some((title) => b.titles.includes(title))) expect(conflicting(a, b)).toBe(true);
        }));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('which source gives each field', () => {
  it('takes the title of the first, the longest abstract (the first on a tie)', () => {
    const [paper] = mergePapers([listed({ title: 'A Title', abstract: 'Same length.' }), listed({ title: 'a title', abstract: 'Same lengtH.' }), listed({ title: 'A title.', abstract: 'Short.' })]);
    expect(paper).toMatchObject({ title: 'A Title', abstract: 'Same length.' });
  });

  it('takes the fullest author list: the most names, then the most characters, then the first', () => {
    const authors = (...lists: string[][]) => mergePapers(lists.map((list) => listed({ title: 'T', authors: list })))[0]?.authors;
    expect(authors(['Vaswani, A.'], ['Vaswani, A.', 'Shazeer, N.'], ['Vaswani, Ashish'])).toEqual(['Vaswani, A.', 'Shazeer, N.']);
    expect(authors(['Vaswani, A.', 'Shazeer, N.'], ['Vaswani, Ashish', 'Shazeer, Noam'])).toEqual(['Vaswani, Ashish', 'Shazeer, Noam']);
    expect(authors(['Doe, Jane'], ['Roe, Jane'])).toEqual(['Doe, Jane']);
    expect(mergePapers([listed({ title: 'T' }), listed({ title: 'T', authors: ['OpenAI'] })])[0]?.authors).toEqual(['OpenAI']);
  });

  it('takes a date with a year over one without, a stated year over one from a capture date, then the more precise', () => {
    const published = (...dates: PublishedDate[]) => mergePapers(dates.map((date) => listed({ title: 'T', published: date })))[0]?.published;
    const noYear: PublishedDate = { text: 'Mar 3' };
    const captured: PublishedDate = { text: 'Mar 3', date: '2024-03-03', precision: 'day', yearSource: 'capture-date' };
    const year: PublishedDate = { text: '2023', date: '2023', precision: 'year', yearSource: 'listing' };
    const month: PublishedDate = { text: 'March 2023', date: '2023-03', precision: 'month', yearSource: 'listing' };
    const day: PublishedDate = { text: 'Mar 3, 2023', date: '2023-03-03', precision: 'day', yearSource: 'listing' };
    expect(published(noYear, captured)).toBe(captured);
    expect(published(captured, year)).toBe(year);
    expect(published(year, month, day)).toBe(day);
    expect(published(month, year)).toBe(month);
    expect(published(day, { ...day, text: 'other' })).toBe(day);
  });

  it('takes venue, type, arXiv id, URL, citation key, author count and organisation from the first source giving each', () => {
    const [paper] = mergePapers([
      listed({ title: 'T', authorsCount: 3, organisation: 'Lab' }),
      bib({ title: 'T', venue: 'NeurIPS', citationKey: 'first2023', url: 'https://a.example/1' }, 2),
      bib({ title: 'T', venue: 'ICML', type: 'paper-conference', arxiv: '2301.00001', citationKey: 'second', url: 'https://b.example/2', authorsCount: 5, organisation: 'Other' }, 3),
      bib({ title: 'T', type: 'article-journal', arxiv: '2301.00001' }, 4),
    ]);
    expect(paper).toMatchObject({ venue: 'NeurIPS', type: 'paper-conference', arxiv: '2301.00001', url: 'https://a.example/1', citationKey: 'first2023', authorsCount: 3, organisation: 'Lab' });
  });

  it('takes every keyword once, in the order first met, in its first spelling', () => {
    const [paper] = mergePapers([
      bib({ title: 'T', keywords: ['Reinforcement Learning', 'agents'] }, 1),
      listed({ title: 'T' }),
      bib({ title: 'T', keywords: ['Agents', 'reinforcement learning', 'Skills', 'skills'] }, 2),
    ]);
    expect(paper?.keywords).toEqual(['Reinforcement Learning', 'agents', 'Skills']);
    expect(mergePapers([listed({ title: 'T' })])[0]).not.toHaveProperty('keywords');
  });

  it('takes the highest upvote count and keeps every source with its citation key', () => {
    const [paper] = mergePapers([listed({ title: 'T', upvotes: 3 }), listed({ title: 'T', upvotes: 12, source: { listing: 'b.txt', line: 2 } }), bib({ title: 'T' }, 9)]);
    expect(paper?.upvotes).toBe(12);
    expect(paper?.sources).toEqual([{ listing: 'a.txt', line: 1 }, { listing: 'b.txt', line: 2 }, { listing: 'lab.bib', line: 9, key: 'k9' }]);
  });
});

describe('doubtfulMerges on ids', () => {
  it('names a DOI shared by titles with little in common, and not one shared by a title and its subtitled version', () => {
    const warnings = doubtfulMerges(groupListed([
      bib({ title: 'Attention Is All You Need', doi: '10.1/x' }, 1),
      bib({ title: 'Attention Is All You Need: Transformers for Translation', doi: '10.1/X' }, 5),
      bib({ title: 'Protein Folding with Graph Networks', doi: '10.1/x' }, 9),
    ]));
    expect(warnings).toEqual([
      {
        file: 'lab.bib',
        line: 9,
        message: '"Protein Folding with Graph Networks" is taken for the paper "Attention Is All You Need" (lab.bib, line 1), whose DOI 10.1/x it has; the titles have little in common: is the DOI of one of them wrong?',
      },
    ]);
  });

  it('names a source giving its paper a second DOI, and does not doubt a title merge that an id confirms', () => {
    const warnings = doubtfulMerges(groupListed([
      bib({ title: 'C++ Agents', abstract: 'Systems programming agents written in a compiled language.', arxiv: '2101.00001', doi: '10.1/a' }, 1),
      bib({ title: 'C Agents', abstract: 'We survey embedded controllers and their firmware.', arxiv: '2101.00001', doi: '10.1/b' }, 8),
    ]));
    expect(warnings).toEqual([{ file: 'lab.bib', line: 8, message: 'the DOI 10.1/b differs from 10.1/a, which lab.bib, line 1 gives the same paper "C++ Agents": the first is kept' }]);
  });
});
