import { describe, expect, it } from 'vitest';
import { compactCuration, curatorLine, curatorMarks, isCurated, papersWithTag, tagCounts } from '../../src/lib/site/curation.ts';

describe("the curator's fields as the site shows them", () => {
  it('says status, rating (stars and words) and pick, in that order', () => {
    expect(curatorMarks({ pick: true, rating: 4, status: 'to-read', tags: ['rl'] })).toEqual([
      { kind: 'status', text: 'To read' },
      { kind: 'rating', stars: '★★★★☆', text: 'Rated 4 of 5' },
      { kind: 'pick', text: "Curator's pick" },
    ]);
    expect(curatorMarks({ rating: 1 })).toEqual([{ kind: 'rating', stars: '★☆☆☆☆', text: 'Rated 1 of 5' }]);
    expect(curatorMarks({ tags: [], pick: false, rating: null, status: null })).toEqual([]);
  });

  it('keeps in a compact index only what the curator said', () => {
    expect(compactCuration({ tags: [], pick: false })).toBeUndefined();
    expect(compactCuration({ tags: [], pick: false, rating: null, status: null })).toBeUndefined();
    expect(compactCuration({ tags: ['rl'], pick: false, rating: 3 })).toEqual({ tags: ['rl'], rating: 3 });
    expect(isCurated({ pick: true })).toBe(true);
    expect(isCurated({ tags: [] })).toBe(false);
  });

  it('counts tags, the most used first, then A to Z, a paper once per tag', () => {
    const papers = [{ data: { tags: ['rl', 'b', 'rl'] } }, { data: { tags: ['a', 'rl'] } }, { data: { tags: [] } }, { data: {} }];
    expect(tagCounts(papers)).toEqual([
      { tag: 'rl', count: 2 },
      { tag: 'a', count: 1 },
      { tag: 'b', count: 1 },
    ]);
    expect(papersWithTag(papers, 'a')).toEqual([papers[1]]);
  });

  it("gives feeds the curator's word as a line of text, empty when nothing was said", () => {
    expect(curatorLine({ status: 'read', rating: 5, pick: true })).toBe("Curator: Read · Rated 5 of 5 · Curator's pick");
    expect(curatorLine({ tags: ['rl'] })).toBe('');
  });
});
