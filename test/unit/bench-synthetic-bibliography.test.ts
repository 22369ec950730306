/**
 * The benchmark's synthetic bibliography: valid BibTeX that Citation.js reads entry for
 * entry, with the fields a real export has in about the shares the generator promises.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { describe, expect, it } from 'vitest';
import { generateBibliography } from '../../scripts/bench/synthetic-bibliography.ts';
import { generateListings } from '../../scripts/bench/synthetic.ts';

const { vocabulary } = generateListings({ papers: 100, seed: 3 });
const text = generateBibliography({ entries: 600, vocabulary, seed: 3 });
const items = new Cite(text).data;
const share = (has: (item: Record<string, unknown>) => boolean) => items.filter(has).length / items.length;

describe('synthetic bibliography', () => {
  it('is the same text for the same options, another for another seed', () => {
    expect(generateBibliography({ entries: 600, vocabulary, seed: 3 })).toBe(text);
    expect(generateBibliography({ entries: 600, vocabulary, seed: 4 })).not.toBe(text);
  });

  it('holds the requested number of entries, each read with a distinct key, a title and authors', () => {
    expect(text.match(/^@(article|inproceedings|misc)\{/gm)).toHaveLength(600);
    expect(items).toHaveLength(600);
    expect(new Set(items.map((item) => item['id'])).size).toBe(600);
    for (const item of items) {
      expect(item['title']).toMatch(/^\S+( \S+){5,13}$/);
      expect((item['author'] as unknown[]).length).toBeGreaterThan(0);
    }
  });

  it('has journals from @string macros, abstracts, DOIs and arXiv preprints in the shares of a real export', () => {
    expect(share((item) => typeof item['container-title'] === 'string' && String(item['container-title']).startsWith('Journal of '))).toBeGreaterThan(0.35);
    expect(share((item) => typeof item['abstract'] === 'string')).toBeGreaterThan(0.6);
    expect(share((item) => typeof item['DOI'] === 'string')).toBeGreaterThan(0.5);
    expect(text.match(/archivePrefix = \{arXiv\}/g)!.length / 600).toBeGreaterThan(0.2);
  });
});
