import { describe, expect, it } from 'vitest';
import { assignSlugs, slugify } from '../../src/lib/ingest/slug.ts';

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
});
