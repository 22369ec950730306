import { describe, expect, it } from 'vitest';
import { parseCslJson } from '../../src/lib/ingest/formats/csl-json.ts';
import { InputError } from '../../src/lib/ingest/errors.ts';
import { readBibliography } from '../setup/bibliographies.ts';

const parse = (name: string) => {
  const { name: file, text } = readBibliography(name);
  return parseCslJson(text, file, `seeds/${file}`);
};

describe('CSL-JSON', () => {
  it('greenelab deep-review manual references (real, CC0): every one of its 36 items is a paper', () => {
    const { text } = readBibliography('greenelab-manual-references.json');
    // Counted without Citation.js: the list's elements.
    const items = JSON.parse(text) as { id: string }[];
    expect(items).toHaveLength(36);
    const parsed = parse('greenelab-manual-references.json');
    expect(parsed.papers.map((paper) => paper.citationKey)).toEqual(items.map((item) => item.id));
    expect(parsed.papers[0]).toMatchObject({
      title: 'Deep learning as an opportunity in virtual screening',
      source: { listing: 'greenelab-manual-references.json', line: 2, key: 'url:http://www.bioinf.at/publications/2014/NIPS2014a.pdf' },
      authors: ['Unterthiner, Thomas', 'Mayr, Andreas', 'Klambauer, Günter', 'Steijaert, Marvin', 'Wegner, Jörg K.', 'Ceulemans, Hugo', 'Hochreiter, Sepp'],
      published: { text: '2014', date: '2014', precision: 'year', yearSource: 'listing' },
    });
    // Its string years are each read, and said.
    const stringYears = (items as { issued?: { 'date-parts'?: unknown[][] } }[]).filter((item) => typeof item.issued?.['date-parts']?.[0]?.[0] === 'string').length;
    expect(stringYears).toBe(14);
    expect(parsed.warnings.filter((warning) => /is a string, read as/.test(warning.message))).toHaveLength(stringYears);
    expect(parsed.warnings).toHaveLength(stringYears);
  });

  it('reads string years, literal names and an arXiv number; names an item without a title', () => {
    const parsed = parse('hostile/string-years.json');
    expect(parsed.papers).toEqual([
      {
        title: 'A String Year',
        abstract: '',
        source: { listing: 'string-years.json', line: 2, key: 'string-year' },
        authors: ['Doe, Jane', 'The Consortium'],
        published: { text: '2014', date: '2014', precision: 'year', yearSource: 'listing' },
        venue: 'Journal of Tests',
        type: 'article-journal',
        doi: '10.1234/tests.2014',
        citationKey: 'string-year',
      },
      {
        title: 'An arXiv Number',
        abstract: '',
        source: { listing: 'string-years.json', line: 11, key: 'arxiv-number' },
        published: { text: '2015-03-09', date: '2015-03-09', precision: 'day', yearSource: 'listing' },
        venue: 'arXiv',
        type: 'article',
        arxiv: '1503.02531',
        citationKey: 'arxiv-number',
      },
    ]);
    expect(parsed.warnings).toEqual([
      { file: 'string-years.json', line: 2, message: 'entry "string-year": year "2014" is a string, read as 2014' },
      { file: 'string-years.json', line: 19, message: 'entry "no-title": has no title, so it is not a paper of the list' },
    ]);
  });

  it('keeps a literal date without a year as written, and says "circa"', () => {
    const items = [
      { id: 'literal', type: 'book', title: 'A Literal Date', issued: { literal: '13th century' } },
      { id: 'circa', type: 'book', title: 'About Then', issued: { 'date-parts': [[1850]], circa: true } },
    ];
    const parsed = parseCslJson(JSON.stringify(items, null, 1), 'dates.json');
    expect(parsed.papers.map((paper) => paper.published)).toEqual([{ text: '13th century' }, { text: 'circa 1850', date: '1850', precision: 'year', yearSource: 'listing' }]);
    expect(parsed.warnings).toEqual([{ file: 'dates.json', line: 2, message: 'entry "literal": date "13th century" has no year CSL or BibTeX can read: kept as written, with no date the list sorts by' }]);
  });

  it('names an empty list', () => {
    expect(parseCslJson('[]\n', 'empty.json')).toEqual({ listing: 'empty.json', papers: [], warnings: [{ file: 'empty.json', line: 1, message: 'an empty list of CSL items: it lists no paper' }] });
  });

  it.each([
    ['hostile/package-not-csl.json', 'seeds/package-not-csl.json:1: this JSON is not CSL-JSON: CSL-JSON is a list of items'],
    ['hostile/list-not-csl.json', 'seeds/list-not-csl.json:3: item 2 is not a CSL item (an object with an "id" and a "type"), so this is not CSL-JSON'],
    ['hostile/truncated.json', 'seeds/truncated.json: this is not JSON, so not CSL-JSON'],
  ])('refuses %s, naming the file', (name, message) => {
    expect(() => parse(name)).toThrow(InputError);
    expect(() => parse(name)).toThrow(message);
  });
});
