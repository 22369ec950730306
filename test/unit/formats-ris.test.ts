import { describe, expect, it } from 'vitest';
import { parseRis } from '../../src/lib/ingest/formats/ris.ts';
import { InputError } from '../../src/lib/ingest/errors.ts';
import { readBibliography } from '../setup/bibliographies.ts';

const parse = (name: string) => {
  const { name: file, text } = readBibliography(name);
  return parseRis(text, file, `seeds/${file}`);
};

describe('RIS', () => {
  it('joins an abstract given in several AB lines; keeps the first of several URLs, and says so', () => {
    const text = 'TY  - JOUR\nTI  - Two AB\nAB  - First part.\nAB  - Second part.\nUR  - https://example.org/a\nUR  - https://example.org/b\nER  - \n';
    const parsed = parseRis(text, 'two.ris');
    expect(parsed.papers.map(({ abstract, url }) => ({ abstract, url }))).toEqual([{ abstract: 'First part. Second part.', url: 'https://example.org/a' }]);
    expect(parsed.warnings.map((warning) => warning.message)).toEqual(['entry at line 1: 2 URLs; the first is kept']);
  });

  it('reads CRLF records with a multi-line abstract; names a record without a title', () => {
    const { text } = readBibliography('hostile/crlf-multiline.ris');
    expect(text.match(/^TY {2}-/gm)).toHaveLength(3);
    const parsed = parse('hostile/crlf-multiline.ris');
    expect(parsed.papers).toEqual([
      {
        title: 'A RIS Record With CRLF Line Ends',
        abstract: 'The abstract starts on this line and goes on on the next one, as EndNote writes it.',
        source: { listing: 'crlf-multiline.ris', line: 1, key: 'crlf-one' },
        authors: ['Doe, Jane', 'Roe, Richard'],
        published: { text: '2019-05-17', date: '2019-05-17', precision: 'day', yearSource: 'listing' },
        venue: 'Journal of Tests',
        type: 'article-journal',
        doi: '10.1234/ris.2019',
        url: 'https://example.org/paper',
        citationKey: 'crlf-one',
        keywords: ['first keyword', 'second keyword'],
      },
      {
        title: 'A Second Record',
        abstract: '',
        source: { listing: 'crlf-multiline.ris', line: 18, key: 'crlf-two' },
        authors: ['Poe, Edgar'],
        published: { text: '2021', date: '2021', precision: 'year', yearSource: 'listing' },
        type: 'paper-conference',
        arxiv: '2101.00001',
        url: 'https://arxiv.org/abs/2101.00001v1',
        citationKey: 'crlf-two',
      },
    ]);
    expect(parsed.warnings).toEqual([{ file: 'crlf-multiline.ris', line: 26, message: 'entry "crlf-untitled": has no title, so it is not a paper of the list' }]);
  });

  it('refuses a .ris that holds no record, naming the file', () => {
    expect(() => parse('hostile/notes-not-ris.ris')).toThrow(InputError);
    expect(() => parse('hostile/notes-not-ris.ris')).toThrow('seeds/notes-not-ris.ris: this is not a RIS file: no record starts with "TY  - "');
  });

  it('names a malformed DOI it leaves out', () => {
    const parsed = parseRis('TY  - JOUR\nID  - x\nTI  - T\nDO  - not a doi\nER  - \n', 'x.ris');
    expect(parsed.papers[0]!.doi).toBeUndefined();
    expect(parsed.warnings).toEqual([{ file: 'x.ris', line: 1, message: 'entry "x": DOI "not a doi" is not a DOI (10.prefix/suffix); it is left out' }]);
  });
});
