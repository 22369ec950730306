import { describe, expect, test } from 'vitest';
import { sourceInWords, sourceText } from '../../src/lib/site/sources.ts';

describe('sourceInWords', () => {
  test('a listing is named by what it is, not by the name ingest gave the file, which stays findable', () => {
    const source = { listing: '000_e2d79f8d5e24fe29.txt', line: 15 };
    expect(sourceText(source)).toBe('Hugging Face papers listing, line 15');
    expect(sourceText(source)).not.toContain('000_');
    expect(sourceInWords(source).file).toBe('seeds/000_e2d79f8d5e24fe29.txt, line 15');
  });

  test('a bibliography keeps the curator\'s file name and names the entry by its key, else by its line', () => {
    expect(sourceText({ listing: 'lab.bib', line: 3, key: 'smith2020' })).toBe('BibTeX bibliography lab.bib, entry smith2020');
    expect(sourceText({ listing: 'zotero.ris', line: 40 })).toBe('RIS bibliography zotero.ris, entry at line 40');
    expect(sourceText({ listing: 'export.json', line: 2, key: 'item-1' })).toBe('CSL-JSON bibliography export.json, entry item-1');
    expect(sourceInWords({ listing: 'lab.bib', line: 3, key: 'smith2020' }).file).toBe('seeds/lab.bib, line 3');
  });

  test('a file of no known kind is named as it is', () => {
    expect(sourceText({ listing: 'notes', line: 1 })).toBe('File notes, line 1');
    expect(sourceText({ listing: 'old.csv', line: 9 })).toBe('File old.csv, line 9');
  });
});
