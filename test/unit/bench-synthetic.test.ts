/**
 * The benchmark's synthetic listings, read by the real listing parser and merge:
 * they must look to ingest like the real seeds, at any size.
 */
import { describe, expect, it } from 'vitest';
import { mergePapers } from '../../src/lib/ingest/merge.ts';
import { words } from '../../src/lib/ingest/normalise.ts';
import { parseListing } from '../../src/lib/ingest/formats/listing.ts';
import { generateListings } from '../../scripts/bench/synthetic.ts';

const synthetic = generateListings({ papers: 2000, seed: 7 });
const parsed = Object.entries(synthetic.listings).map(([name, text]) => parseListing(text, name));
const listed = parsed.flatMap((listing) => listing.papers);
const merged = mergePapers(listed);

describe('synthetic listings', () => {
  it('parse without a warning into the listed papers, split over several listings', () => {
    expect(parsed.flatMap((listing) => listing.warnings)).toEqual([]);
    expect(parsed.length).toBeGreaterThanOrEqual(5);
    expect(listed).toHaveLength(synthetic.listed);
    for (const listing of parsed) expect(listing.papers.length).toBeGreaterThan(100);
  });

  it('hold exactly the requested distinct papers, about 15% of the listed ones repeats from another listing', () => {
    expect(merged).toHaveLength(2000);
    expect(synthetic.distinct).toBe(2000);
    const repeatShare = (listed.length - merged.length) / listed.length;
    expect(repeatShare).toBeGreaterThan(0.13);
    expect(repeatShare).toBeLessThan(0.17);
    // A repeat is always in another listing than its first listing.
    for (const paper of merged) expect(new Set(paper.sources.map((source) => source.listing)).size).toBe(paper.sources.length);
  });

  it('have titles of 6 to 14 words and abstracts of 120 to 250 words (a repeat may be truncated)', () => {
    for (const paper of merged) {
      expect(paper.title.split(' ').length).toBeGreaterThanOrEqual(6);
      expect(paper.title.split(' ').length).toBeLessThanOrEqual(14);
      // The merge keeps the longest abstract: the untruncated one.
      expect(paper.abstract.split(' ').length).toBeGreaterThanOrEqual(120);
      expect(paper.abstract.split(' ').length).toBeLessThanOrEqual(250);
    }
    const truncated = listed.filter((paper) => !paper.abstract.endsWith('.'));
    expect(truncated.length).toBeGreaterThan(0);
  });

  it('carry metadata like the real seeds: author counts, organisations, dated with a year, upvotes', () => {
    const share = (has: (paper: (typeof merged)[number]) => boolean) => merged.filter(has).length / merged.length;
    expect(share((paper) => paper.authorsCount !== undefined)).toBeGreaterThan(0.5);
    expect(share((paper) => paper.organisation !== undefined)).toBeGreaterThan(0.1);
    expect(share((paper) => paper.published?.date !== undefined)).toBeGreaterThan(0.8);
    expect(share((paper) => paper.upvotes !== undefined)).toBeGreaterThan(0.4);
    expect(merged.filter((paper) => paper.published !== undefined).every((paper) => /^20(19|2[0-5])-/.test(paper.published!.date!))).toBe(true);
  });

  it('start with page chrome, glued to the first title in some listings', () => {
    const texts = Object.values(synthetic.listings);
    expect(texts.every((text) => text.startsWith('new\n'))).toBe(true);
    expect(texts.some((text) => /^Daily Papers\S/m.test(text))).toBe(true);
    expect(listed.some((paper) => paper.title.startsWith('Daily Papers'))).toBe(false);
  });

  it('are deterministic: the same seed gives the same text, another seed another', () => {
    expect(generateListings({ papers: 2000, seed: 7 })).toEqual(synthetic);
    expect(generateListings({ papers: 2000, seed: 8 }).listings).not.toEqual(synthetic.listings);
  });

  it('draw words Zipf-like from thousands: a few words everywhere, a long tail of rare ones', () => {
    expect(new Set(synthetic.vocabulary).size).toBe(synthetic.vocabulary.length);
    expect(synthetic.vocabulary.length).toBeGreaterThanOrEqual(5000);
    const counts = new Map<string, number>();
    for (const paper of listed) for (const word of words(`${paper.title} ${paper.abstract}`)) counts.set(word, (counts.get(word) ?? 0) + 1);
    expect(counts.size).toBeGreaterThan(4000);
    const frequencies = [...counts.values()].sort((a, b) => b - a);
    const median = frequencies[Math.floor(frequencies.length / 2)]!;
    expect(frequencies[0]! / median).toBeGreaterThan(100);
    // Zipf: the 10th word is used about a tenth as often as the first, the 100th a hundredth.
    expect(frequencies[0]! / frequencies[9]!).toBeGreaterThan(3);
    expect(frequencies[0]! / frequencies[99]!).toBeGreaterThan(20);
  });

  it('name query words found in many papers but far from all', () => {
    expect(synthetic.queryWords.length).toBeGreaterThanOrEqual(6);
    for (const word of synthetic.queryWords) {
      const matching = merged.filter((paper) => words(`${paper.title} ${paper.abstract}`).includes(word)).length;
      expect(matching, word).toBeGreaterThanOrEqual(20);
      expect(matching, word).toBeLessThanOrEqual(200);
    }
  });
});
