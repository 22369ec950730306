import { describe, expect, it } from 'vitest';
import { assignSlugs, isListSegment, isSlug, slugify } from '../../src/lib/ingest/slug.ts';
import { PAPER_SORTS, listPageParam } from '../../src/lib/site/sort.ts';

describe('slugify', () => {
  it('makes short ASCII slugs', () => {
    expect(slugify('SLIM: Skill Learning with Multiple Critics')).toBe('slim-skill-learning-with-multiple-critics');
    expect(slugify('Café à la “Modèle”')).toBe('cafe-a-la-modele');
    expect(slugify('x'.repeat(50) + ' ' + 'y'.repeat(50))).toBe('x'.repeat(50));
    expect(slugify('{}<>!!')).toBe('');
  });
});

describe('assignSlugs', () => {
  const papers = [
    { key: 'b', title: 'Same Title!' },
    { key: 'a', title: 'Same title?' },
    { key: 'c', title: '💡💡' },
    { key: 'd', title: '中文标题' },
  ];

  it('gives every paper a unique URL-safe slug, whatever the order of the papers', () => {
    const slugs = assignSlugs(papers);
    expect(new Set(slugs.values()).size).toBe(papers.length);
    for (const slug of slugs.values()) expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(assignSlugs([...papers].reverse())).toEqual(slugs);
    expect(slugs.get('a')).toBe('same-title');
    expect(slugs.get('b')).toMatch(/^same-title-[0-9a-f]{8}$/);
  });

  it('keeps the slugs entries already have', () => {
    const slugs = assignSlugs(papers, new Map([['b', 'same-title'], ['a', 'kept-by-hand']]));
    expect(slugs.get('b')).toBe('same-title');
    expect(slugs.get('a')).toBe('kept-by-hand');
  });

  it('never gives out a slug that names a page of the /papers/ table', () => {
    // Titles whose slugs would be /papers/2/, /papers/upvotes/, /papers/title/, /papers/date/.
    const clashing = [
      { key: 'n', title: '2' },
      { key: 'y', title: '2048!' },
      { key: 'u', title: 'Upvotes' },
      { key: 't', title: 'TITLE' },
      { key: 'd', title: 'Date.' },
    ];
    const slugs = assignSlugs(clashing);
    expect(new Set(slugs.values()).size).toBe(clashing.length);
    for (const [key, slug] of slugs) {
      expect(isSlug(slug), slug).toBe(true);
      expect(isListSegment(slug), slug).toBe(false);
      // Still readable: the title's slug with a hashed suffix.
      expect(slug, key).toMatch(new RegExp(`^${slugify(clashing.find((paper) => paper.key === key)!.title)}-[0-9a-f]{8}$`));
    }
    expect(assignSlugs([...clashing].reverse())).toEqual(slugs);
  });

  it('replaces an existing slug that names a page of the /papers/ table, and keeps the others', () => {
    const existing = new Map([
      ['a', 'upvotes'],
      ['b', '3'],
      ['c', 'kept'],
    ]);
    const slugs = assignSlugs(papers, existing);
    expect(slugs.get('c')).toBe('kept');
    expect(slugs.get('a')).toBe('same-title');
    expect(slugs.get('b')).toMatch(/^same-title-[0-9a-f]{8}$/);
    for (const slug of slugs.values()) expect(isListSegment(slug), slug).toBe(false);
  });
});

describe('isListSegment', () => {
  it('holds every segment the paginated /papers/ routes use, and the order names', () => {
    const segments = PAPER_SORTS.flatMap((sort) => [1, 2, 10, 123].flatMap((page) => listPageParam(sort, page)?.split('/') ?? []));
    expect(new Set(segments)).toEqual(new Set(['2', '10', '123', 'upvotes', 'rating', 'title']));
    for (const segment of [...segments, ...PAPER_SORTS]) expect(isListSegment(segment), segment).toBe(true);
  });

  it('leaves ordinary slugs, with digits or order names in them, alone', () => {
    for (const slug of ['paper-2', '2-agents', 'title-of-paper', 'upvotes2', 'dates', 'gpt-4']) expect(isListSegment(slug), slug).toBe(false);
  });
});
