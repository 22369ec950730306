import { describe, expect, it } from 'vitest';
import { parseListing } from '../../src/lib/ingest/formats/listing.ts';
import { parseSeed, readSeed, seedNames } from '../setup/seeds.ts';

const find = (name: string, title: string) => {
  const paper = parseSeed(name).papers.find((candidate) => candidate.title === title);
  if (!paper) throw new Error(`${title} not found in ${name}`);
  return paper;
};

describe('parseListing on the real seed listings', () => {
  it.each([
    ['000_e2d79f8d5e24fe29.txt', 89],
    ['001_db8d4832084e57a0.txt', 52],
    ['002_e889072d3530bfa5.txt', 173],
    ['003_59cb86a34729d0ff.txt', 50],
    ['004_85d4b52677f56d7c.txt', 106],
  ])('%s holds %i papers, with no warning but undated years', (name, count) => {
    const { papers, warnings } = parseSeed(name);
    expect(papers).toHaveLength(count);
    expect(warnings).toEqual([]);
  });

  it.each(seedNames)('%s: every line is chrome, metadata, or the title or abstract of exactly one paper', (name) => {
    const lines = readSeed(name).split('\n');
    const { papers } = parseSeed(name);
    const used = new Set(papers.flatMap((paper) => [paper.source.line, paper.source.line + 1 + lines.slice(paper.source.line).findIndex((line) => line.trim() !== '')]));
    for (const paper of papers) {
      expect(lines[paper.source.line - 1]).toContain(paper.title);
      expect(paper.abstract.length).toBeGreaterThan(paper.title.length);
    }
    const longUnused = lines.map((line, index) => ({ line, number: index + 1 })).filter(({ line, number }) => line.trim().length > 60 && !used.has(number));
    expect(longUnused).toEqual([]);
  });

  it('strips page chrome glued to the first title', () => {
    const [first] = parseSeed('002_e889072d3530bfa5.txt').papers;
    expect(first?.title).toBe('Multiagent Finetuning: Self Improvement with Diverse Reasoning Chains');
    expect(first?.source).toEqual({ listing: '002_e889072d3530bfa5.txt', line: 3 });
  });

  it('does not take the page date for a paper', () => {
    const [first] = parseSeed('000_e2d79f8d5e24fe29.txt').papers;
    expect(first?.title).toBe('S2SNet: A Pretrained Neural Network for Superconductivity Discovery');
    expect(first?.published).toBeUndefined();
  });

  it('reads author count and a dated year', () => {
    expect(find('003_59cb86a34729d0ff.txt', 'SLIM: Skill Learning with Multiple Critics')).toMatchObject({
      source: { listing: '003_59cb86a34729d0ff.txt', line: 13 },
      authorsCount: 4,
      published: { text: 'Feb 1, 2024', date: '2024-02-01', precision: 'day', yearSource: 'listing' },
    });
  });

  it('reads a date without a year, followed by upvotes, and keeps it without a year', () => {
    const paper = find('003_59cb86a34729d0ff.txt', 'Where to find Grokking in LLM Pretraining? Monitor Memorization-to-Generalization without Test');
    expect(paper).toMatchObject({ authorsCount: 3, upvotes: 2, published: { text: 'Jun 26' } });
    expect(paper.published?.date).toBeUndefined();
  });

  it('reads an organisation line in place of the author count', () => {
    const paper = find('003_59cb86a34729d0ff.txt', 'WebLeaper: Empowering Efficiency and Efficacy in WebAgent via Enabling Info-Rich Seeking');
    expect(paper).toMatchObject({ organisation: 'AlibabaTongyiLab TongyiLab', upvotes: 2, published: { text: 'Oct 28' } });
    expect(paper.authorsCount).toBeUndefined();
  });

  it('reads upvotes after a date with a year', () => {
    const paper = find('003_59cb86a34729d0ff.txt', 'Leveraging Open Knowledge for Advancing Task Expertise in Large Language Models');
    expect(paper).toMatchObject({ authorsCount: 12, upvotes: 4, published: { text: 'Aug 28, 2024', date: '2024-08-28' } });
  });

  it('resolves a missing year only against the listing capture date', () => {
    const paper = parseListing(readSeed('003_59cb86a34729d0ff.txt'), '003', { capturedOn: '2025-12-11' }).papers.find((p) => p.title.startsWith('Where to find Grokking'));
    expect(paper?.published).toEqual({ text: 'Jun 26', date: '2025-06-26', precision: 'day', yearSource: 'capture-date' });
  });
});

describe('parseListing on hostile input', () => {
  const abstract = 'We study a thing at length, and this sentence is long enough to read as an abstract of a paper.';

  it('reads CRLF line endings and a byte-order mark', () => {
    const { papers, warnings } = parseListing(`\uFEFFSubscribe\r\n\r\nA Title\r\n${abstract}\r\n  • 2 authors\r\n·\r\nMar 3, 2021 7\r\n`, 'crlf.txt');
    expect(warnings).toEqual([]);
    expect(papers).toEqual([{ title: 'A Title', abstract, source: { listing: 'crlf.txt', line: 3 }, authorsCount: 2, upvotes: 7, published: { text: 'Mar 3, 2021', date: '2021-03-03', precision: 'day', yearSource: 'listing' } }]);
  });

  it('warns about an empty listing and one that holds only chrome', () => {
    expect(parseListing('', 'empty.txt')).toEqual({ listing: 'empty.txt', papers: [], warnings: [{ file: 'empty.txt', line: 1, message: 'no papers found in this listing' }] });
    expect(parseListing('new\n\nSubscribe\nDaily Papers\nbyAK and the research community\nMar 14\n', 'chrome.txt').papers).toEqual([]);
  });

  it('keeps a paper that has no abstract, with a warning naming it', () => {
    const { papers, warnings } = parseListing(`First Paper\nSecond Paper\n${abstract}\nLast Paper\n`, 'gaps.txt');
    expect(papers.map((paper) => [paper.title, paper.abstract])).toEqual([['First Paper', ''], ['Second Paper', abstract], ['Last Paper', '']]);
    expect(warnings.map((warning) => warning.line)).toEqual([1, 4]);
    expect(warnings[0]?.message).toContain('"First Paper" has no abstract');
  });

  it('warns about an abstract with no title instead of making it a paper', () => {
    const { papers, warnings } = parseListing(`A Title\n${abstract}\n${abstract}\n`, 'orphan.txt');
    expect(papers).toHaveLength(1);
    expect(warnings).toMatchObject([{ line: 3, message: expect.stringContaining('follows no title') }]);
  });

  it('skips page text glued to page text, and a page date glued to the first title', () => {
    const { papers, warnings } = parseListing(`SubscribeDaily Papers\nbyAK and the research community\nMar 14SLIM: Skill Learning\n${abstract}\n`, 'glued.txt');
    expect(papers.map((paper) => paper.title)).toEqual(['SLIM: Skill Learning']);
    expect(warnings).toEqual([{ file: 'glued.txt', line: 3, message: '"Mar 14" before the first title is taken for the page\'s date: the title is "SLIM: Skill Learning"' }]);
    // With its year, the date ends where the year does, even before a digit.
    const dated = parseListing(`Daily Papers\nMar 14, 20253D Gaussian Splatting for All\n${abstract}\n`, 'dated.txt');
    expect(dated.papers.map((paper) => paper.title)).toEqual(['3D Gaussian Splatting for All']);
    expect(dated.warnings.map((warning) => warning.message)).toEqual(['"Mar 14, 2025" before the first title is taken for the page\'s date: the title is "3D Gaussian Splatting for All"']);
  });

  it('keeps a first title that only starts like page text', () => {
    for (const title of ['newsbench: measuring news', 'Subscribers of Papers', 'May 4th: a Study', 'May 2025 Snapshot of Agents']) {
      expect(parseListing(`Daily Papers\n${title}\n${abstract}\n`, 'first.txt').papers.map((paper) => paper.title)).toEqual([title]);
    }
  });

  it('reads an organisation line after a title without abstract as the organisation, with a warning', () => {
    const { papers, warnings } = parseListing(`Title One\nDeepMind\n·\nFeb 1, 2024\nTitle Two\n${abstract}\n`, 'org.txt');
    expect(papers).toMatchObject([
      { title: 'Title One', abstract: '', organisation: 'DeepMind', published: { date: '2024-02-01' } },
      { title: 'Title Two', abstract },
    ]);
    expect(warnings).toEqual([{ file: 'org.txt', line: 1, message: 'paper "Title One" has no abstract; kept with an empty one' }]);
  });

  it('keeps markup and expressions in titles as text', () => {
    const title = '{process.exit(1)} <script>alert(1)</script> import x from "y"';
    expect(parseListing(`${title}\n${abstract}\n`, 'x.txt').papers[0]?.title).toBe(title);
  });

  it('skips, with a warning naming its line, a "paper" whose abstract is a number, a handle or a few words, and counts them', () => {
    const navigation = 'Models\n\n42\n\nUpvote\n\n1.2k\n\n• 3 authors\n\ngithub\n\nakhaliq\n\nSpaces\n\nTrending this week\n\n';
    const { papers, warnings, skipped } = parseListing(`${navigation}Title One\n\n${abstract}\n\n• 4 authors\n`, 'nav.txt');
    expect(papers).toMatchObject([{ title: 'Title One', abstract, authorsCount: 4 }]);
    expect(skipped).toBe(4);
    expect(warnings.map(({ line, message }) => `${line}: ${message}`)).toEqual([
      '1: "Models" is not a paper: what follows it as its abstract, "42", is a number; skipped. A page\'s navigation copied with the listing? Delete these lines',
      '5: "Upvote" is not a paper: what follows it as its abstract, "1.2k", is a number; skipped. A page\'s navigation copied with the listing? Delete these lines',
      '11: "github" is not a paper: what follows it as its abstract, "akhaliq", is one word, such as a handle; skipped. A page\'s navigation copied with the listing? Delete these lines',
      '15: "Spaces" is not a paper: what follows it as its abstract, "Trending this week", is only 3 words; skipped. A page\'s navigation copied with the listing? Delete these lines',
    ]);
  });

  it('keeps an abstract written without spaces (Chinese, Japanese): one "word", but as long as an abstract', () => {
    const japanese = '大規模言語モデルの推論能力を自己改善によって高める手法を提案し、数学とコード生成の課題で評価する。';
    const { papers, skipped } = parseListing(`Self-Improving Reasoning\n\n${japanese.repeat(2)}\n`, 'ja.txt');
    expect([papers.map((paper) => paper.abstract), skipped ?? 0]).toEqual([[japanese.repeat(2)], 0]);
  });
});
