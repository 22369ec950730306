import { describe, expect, test } from 'vitest';
import { sourceInWords, sourcesInWords, sourceText } from '../../src/lib/site/sources.ts';

describe('sourceInWords', () => {
  test('a listing is named by what it is, not by the name its copy was saved under', () => {
    const text = sourceText(sourceInWords({ listing: '000_e2d79f8d5e24fe29.txt', line: 15 }));
    expect(text).toBe('Hugging Face papers listing, line 15');
    expect(text).not.toContain('000_');
  });

  test("a bibliography keeps the curator's file name and names the entry by its key, else by its line", () => {
    expect(sourceText(sourceInWords({ listing: 'lab.bib', line: 3, key: 'smith2020' }))).toBe('BibTeX bibliography lab.bib, entry smith2020');
    expect(sourceText(sourceInWords({ listing: 'zotero.ris', line: 40 }))).toBe('RIS bibliography zotero.ris, entry at line 40');
    expect(sourceText(sourceInWords({ listing: 'export.json', line: 2, key: 'item-1' }))).toBe('CSL-JSON bibliography export.json, entry item-1');
  });

  test('a file of no known kind is named as it is', () => {
    expect(sourceText(sourceInWords({ listing: 'notes', line: 1 }))).toBe('File notes, line 1');
    expect(sourceText(sourceInWords({ listing: 'old.csv', line: 9 }))).toBe('File old.csv, line 9');
  });
});

describe('sourcesInWords', () => {
  const sources = [
    { listing: '002_e889072d3530bfa5.txt', line: 83 },
    { listing: 'lab.bib', line: 3, key: 'smith2020' },
    { listing: '000_e2d79f8d5e24fe29.txt', line: 15 },
    { listing: '004_85d4b52677f56d7c.txt', line: 7 },
  ];

  test('several listings are told as one item, not as lines a reader cannot tell apart; bibliographies keep theirs', () => {
    expect(sourcesInWords(sources).items.map(sourceText)).toEqual(['3 Hugging Face papers listings', 'BibTeX bibliography lab.bib, entry smith2020']);
  });

  test('one listing keeps its line', () => {
    expect(sourcesInWords(sources.slice(0, 2)).items.map(sourceText)).toEqual(['Hugging Face papers listing, line 83', 'BibTeX bibliography lab.bib, entry smith2020']);
  });

  test('the curator still finds every file and line', () => {
    expect(sourcesInWords(sources).files).toEqual(['seeds/002_e889072d3530bfa5.txt, line 83', 'seeds/lab.bib, line 3', 'seeds/000_e2d79f8d5e24fe29.txt, line 15', 'seeds/004_85d4b52677f56d7c.txt, line 7']);
  });
});
