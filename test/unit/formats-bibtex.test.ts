import { describe, expect, it } from 'vitest';
import { parse as parseBibtexEntries } from '@citation-js/plugin-bibtex/lib/input/entries.js';
import { parseBibliographies } from '../../src/lib/ingest/formats/bibtex.ts';
import type { ParsedListing } from '../../src/lib/ingest/types.ts';
import { countBibEntries, namedKeys, readBibliography } from '../setup/bibliographies.ts';

const IRIDIA = ['abbrev', 'articles', 'authors', 'biblio', 'crossref', 'journals'].map((name) => readBibliography(`iridia-ulb-${name}.bib`));
const STRING_FILES = ['iridia-ulb-abbrev.bib', 'iridia-ulb-authors.bib', 'iridia-ulb-journals.bib'];
const hostile = (name: string) => readBibliography(`hostile/${name}`);
const one = (name: string) => parseBibliographies([hostile(name)])[0]!;
const paperByKey = (parsed: ParsedListing, key: string) => parsed.papers.find((paper) => paper.citationKey === key);
/** The number a file's volume warning counts (0 without one). */
const volumesCounted = (parsed: ParsedListing) => Number(parsed.warnings.map((warning) => /^(\d+) (?:entry is a volume|entries are volumes)/.exec(warning.message)?.[1]).find(Boolean) ?? 0);

describe('the iridia-ulb lab bibliography (real, CC0): string files, crossref across files', () => {
  const parsed = parseBibliographies(IRIDIA);
  const byName = new Map(parsed.map((listing) => [listing.listing, listing]));

  it.each([
    ['iridia-ulb-articles.bib', 1509, 1509, 0],
    ['iridia-ulb-biblio.bib', 1367, 1366, 1],
    ['iridia-ulb-crossref.bib', 429, 7, 422],
  ])('%s: its %i entries are each a paper (%i) or a volume others point to (%i)', (name, entries, papers, volumes) => {
    const text = IRIDIA.find((file) => file.name === name)!.text;
    expect(countBibEntries(text)).toBe(entries);
    const listing = byName.get(name)!;
    expect(listing.papers).toHaveLength(papers);
    expect(volumesCounted(listing)).toBe(volumes);
    expect(new Set(listing.papers.map((paper) => paper.citationKey)).size + volumesCounted(listing)).toBe(entries);
    // No entry is left out: every warning is about text kept, not an entry lost.
    expect(listing.warnings.filter((warning) => /left out:|not valid BibTeX|not a paper/.test(warning.message))).toEqual([]);
  });

  it('reads the string files as macros, not papers, and finds every macro the papers use', () => {
    for (const name of STRING_FILES) expect(byName.get(name)).toEqual({ listing: name, papers: [], warnings: [] });
    expect(parsed.flatMap((listing) => listing.warnings).filter((warning) => /@string macros/.test(warning.message))).toEqual([]);
    expect(paperByKey(byName.get('iridia-ulb-articles.bib')!, 'AbrAmoDan1999')).toMatchObject({
      authors: ['Abramson, David', 'Amoorthy, Mohan Krishna', 'Dang, Henry'],
      venue: 'Asia-Pacific Journal of Operational Research',
      published: { date: '1999', precision: 'year' },
    });
  });

  it('without its string files, warns once per file with the undefined names and the entries affected', () => {
    const alone = parseBibliographies(IRIDIA.filter((file) => !STRING_FILES.includes(file.name)));
    const articles = alone.find((listing) => listing.listing === 'iridia-ulb-articles.bib')!;
    const macroWarnings = articles.warnings.filter((warning) => /@string macros/.test(warning.message));
    expect(macroWarnings).toHaveLength(1);
    const [, affected] = /^(\d+) entries use @string macros/.exec(macroWarnings[0]!.message)!;
    // Every entry with an author or journal macro: more than the 543 that lose an author.
    expect(Number(affected)).toBeGreaterThanOrEqual(543);
    expect(macroWarnings[0]!.message).toMatch(/abramson_d/);
    expect(paperByKey(articles, 'AbrAmoDan1999')!.authors).toEqual(['Amoorthy, Mohan Krishna', 'Dang, Henry']);
  });

  it('resolves crossref across files: an inproceedings takes its venue and year from crossref.bib', () => {
    const biblio = byName.get('iridia-ulb-biblio.bib')!;
    const text = IRIDIA.find((file) => file.name === 'iridia-ulb-biblio.bib')!.text;
    // The keys of entries with a crossref field, read off the text: 847 per SOURCES.md.
    const withCrossref = text.split(/^(?=\s*@)/m).flatMap((entry) => (/^\s*crossref\s*=/im.test(entry) ? [/@\s*\w+\s*[{(]\s*([^,\s]+)/.exec(entry)![1]!] : []));
    expect(withCrossref).toHaveLength(847);
    const inVolume = withCrossref.map((key) => paperByKey(biblio, key)).filter((paper) => paper?.venue !== undefined && paper.published !== undefined);
    expect(inVolume).toHaveLength(847);
  });
});

describe('a .bib with broken entries', () => {
  const parsed = one('broken-entries.bib');

  it('keeps every other entry, with the file\'s @string macros, and names each broken one by line and key', () => {
    expect(countBibEntries(hostile('broken-entries.bib').text)).toBe(5);
    expect(parsed.papers.map((paper) => paper.citationKey)).toEqual(['good-before', 'extra-brace', 'good-after']);
    expect(paperByKey(parsed, 'good-after')!.venue).toBe('Advances in Neural Information Processing Systems');
    expect(parsed.warnings).toEqual([
      { file: 'broken-entries.bib', line: 16, message: 'entry "missing-comma" (line 15) is left out: it is not valid BibTeX (expected "comma", got "label": is a comma missing?); the file\'s other entries are read' },
      { file: 'broken-entries.bib', line: 20, message: 'entry "unbalanced" is left out: its braces do not balance: it does not end before the next entry (line 25); the file\'s other entries are read' },
      { file: 'broken-entries.bib', line: 26, message: 'text after the end of entry "extra-brace" is ignored: an extra "}" in it?' },
    ]);
    const named = namedKeys(parsed);
    for (const key of ['missing-comma', 'unbalanced', 'extra-brace']) expect(named).toContain(key);
  });
});

describe('undefined @string macros', () => {
  it('are warned once per file, with the names and the number of entries affected', () => {
    const parsed = one('undefined-macros.bib');
    expect(parsed.papers).toHaveLength(3);
    expect(parsed.warnings).toEqual([
      {
        file: 'undefined-macros.bib',
        line: 2,
        message: '2 entries use @string macros that no .bib in seeds/ defines, read as empty text (an author, a journal lost): abramson_d, and, apjor, jgcd. Put the file that defines them in seeds/ (a .bib of only @string is read as macros, not papers)',
      },
    ]);
  });

  it('are defined by a string file beside it', () => {
    const macros = { name: 'macros.bib', text: '@string{abramson_d = "Abramson, David"}\n@string{and = " and "}\n@string{apjor = "Asia-Pacific Journal of Operational Research"}\n@string{jgcd = "Journal of Guidance, Control, and Dynamics"}\n' };
    const [strings, parsed] = parseBibliographies([macros, hostile('undefined-macros.bib')]);
    expect(strings).toEqual({ listing: 'macros.bib', papers: [], warnings: [] });
    expect(parsed!.warnings).toEqual([]);
    expect(paperByKey(parsed!, 'macro-authors')).toMatchObject({ authors: ['Abramson, David', 'Amoorthy, Mohan Krishna'], venue: 'Asia-Pacific Journal of Operational Research' });
  });

  it('of one file are not defined by another paper file', () => {
    const other = { name: 'a.bib', text: '@string{jgcd = "Journal of Guidance"}\n@article{x, title = {X}, journal = jgcd}\n' };
    const [, parsed] = parseBibliographies([other, hostile('undefined-macros.bib')]);
    expect(parsed!.warnings[0]!.message).toMatch(/^2 entries use .*jgcd/);
  });
});

describe('TeX in titles and names', () => {
  const parsed = one('tex-leftovers.bib');

  it('is converted to text; titles stay text, never markup', () => {
    expect(paperByKey(parsed, 'tex-math')).toMatchObject({
      title: 'Patches of 16×16 Pixels ⋅ ab, α≤β, O(n log n)',
      abstract: 'We use emphasis, a literal <b>tag</b> and code.',
      authors: ['Mart\u00edn, J\u00fcrgen', 'M\u00fcller, Hans', 'OpenAI'],
    });
  });

  it('that cannot be converted is named in a warning, and shown as written', () => {
    expect(paperByKey(parsed, 'tex-unknown')!.title).toBe('The irace Package and \\mysymbol');
    expect(parsed.warnings).toEqual([
      { file: 'tex-leftovers.bib', line: 10, message: 'entry "tex-unknown": the title holds TeX commands with no text equivalent: \\rpackage, \\mysymbol; their arguments are kept as text, a command without one as written' },
    ]);
  });
});

describe('crossref volumes', () => {
  it('are named in the warning that says they are not papers, with the papers that point to them', () => {
    const text = '@inproceedings{p1, title = {One}, crossref = {conf20}}\n@inproceedings{p2, title = {Two}, crossref = {conf20}}\n@proceedings{conf20, title = {Proceedings of Conf 2020}, booktitle = {Proceedings of Conf 2020}, year = 2020}\n';
    const [parsed] = parseBibliographies([{ name: 'conf.bib', text }]);
    expect(parsed!.papers.map(({ title, venue, published }) => [title, venue, published?.date])).toEqual([['One', 'Proceedings of Conf 2020', '2020'], ['Two', 'Proceedings of Conf 2020', '2020']]);
    expect(parsed!.warnings.map((warning) => warning.message)).toEqual([
      '1 entry is a volume other entries point to with crossref (proceedings, books), for their venue and year; left out of the papers of the list: conf20',
    ]);
  });
});

describe('a less-than sign', () => {
  it('typed or as \\textless, as BibTeX writers (ours included) write it, is text, and nothing after it is lost', () => {
    const text = '@article{lt, title = {When x {\\textless} y and y {\\textgreater} z, or a\\textless{}b and <div> soup}, author = {{The {\\textless}X{\\textgreater} Consortium}}, year = 2020}\n';
    const [parsed] = parseBibliographies([{ name: 'lt.bib', text }]);
    expect(parsed!.papers.map(({ title, authors }) => ({ title, authors }))).toEqual([{ title: 'When x < y and y > z, or a<b and <div> soup', authors: ['The <X> Consortium'] }]);
    expect(parsed!.warnings).toEqual([]);
  });
});

describe('years and identities', () => {
  const parsed = one('identities.bib');

  it('reads 2023a as a year, with a warning, and drops BibTeX\'s "others"', () => {
    expect(paperByKey(parsed, 'lettered-year')).toMatchObject({ authors: ['Doe, Jane'], published: { text: '2023a', date: '2023', precision: 'year', yearSource: 'listing' } });
    expect(parsed.warnings).toContainEqual({ file: 'identities.bib', line: 2, message: 'entry "lettered-year": year "2023a" read as 2023 (the letter tells papers of one year apart)' });
  });

  it.each([
    ['eprint-archiveprefix', '2101.00001'],
    ['eprinttype', 'hep-th/9901001'],
    ['arxivid-field', '1706.03762'],
    ['scholar-journal', '1503.02531'],
    ['datacite-doi', '2303.08774'],
    ['arxiv-url', '2005.14165'],
  ])('reads the arXiv id of %s, without its version', (key, arxiv) => {
    expect(paperByKey(parsed, key)!.arxiv).toBe(arxiv);
  });

  it('keeps DOIs without their resolver, keywords as a list, dates by their precision', () => {
    expect(paperByKey(parsed, 'arxiv-url')).toMatchObject({ doi: '10.5555/3495724.3495883', url: 'https://arxiv.org/abs/2005.14165v4' });
    expect(paperByKey(parsed, 'datacite-doi')!.keywords).toEqual(['language models', 'evaluation', 'benchmarks']);
    expect(paperByKey(parsed, 'eprinttype')!.published).toEqual({ text: '1999-01-05', date: '1999-01-05', precision: 'day', yearSource: 'listing' });
    const [months] = parseBibliographies([{ name: 'm.bib', text: '@article{a, title = {A}, year = 2020, month = mar}\n@article{b, title = {B}, year = {2021}, month = {May}}\n' }]);
    expect(months!.papers.map((paper) => paper.published)).toEqual([
      { text: '2020-03', date: '2020-03', precision: 'month', yearSource: 'listing' },
      { text: '2021-05', date: '2021-05', precision: 'month', yearSource: 'listing' },
    ]);
  });

  it('names an entry without a title, which cannot be a paper; one without an abstract is one', () => {
    expect(countBibEntries(hostile('identities.bib').text)).toBe(parsed.papers.length + 1);
    expect(parsed.warnings).toContainEqual({ file: 'identities.bib', line: 51, message: 'entry "no-title": has no title, so it is not a paper of the list' });
    expect(parsed.papers.every((paper) => paper.abstract === '')).toBe(true);
  });
});

describe('keywords', () => {
  it('are split at "," and ";" outside braces, their TeX read, markup in them kept as text; one Citation.js cannot read is kept as written', () => {
    const [parsed] = parseBibliographies([{ name: 'k.bib', text: "@article{k, title = {K}, keywords = {{Kuhn, Thomas};R\\'ealisme, $a,b$, {<b>} \\emph{tags}}}\n" }]);
    expect(parsed!.papers[0]!.keywords).toEqual(['Kuhn, Thomas', 'Réalisme', '$a', 'b$', '<b> tags']);
    expect(parsed!.warnings).toEqual([]);
  });
});

describe('a .bib without entries', () => {
  it('is named: it lists no paper', () => {
    expect(parseBibliographies([{ name: 'empty.bib', text: '% nothing exported yet\n' }])).toEqual([
      { listing: 'empty.bib', papers: [], warnings: [{ file: 'empty.bib', line: 1, message: 'no BibTeX entry (@type{key, …}) in this file: it lists no paper' }] },
    ]);
  });
});

describe('odd but valid BibTeX', () => {
  it('reads a byte-order mark, parentheses, upper-case types and fields, quoted values, environments and a crossref to itself', () => {
    const text = [
      '\uFEFF@article{bom, title = {After a BOM}}',
      '@article(paren, title = {In Parentheses})',
      '@ARTICLE{UP, TITLE = {Upper Case}, YEAR = 2001}',
      '@article{quoted, title = "Quoted {with} Braces", year = "2020"}',
      '@article{env, title = {\\begin{itemize} Listed \\end{itemize}}}',
      '@article{self, title = {Its Own Volume}, crossref = {self}}',
    ].join('\n');
    const [parsed] = parseBibliographies([{ name: 'odd.bib', text }]);
    expect(countBibEntries(text)).toBe(6);
    expect(parsed!.papers.map((paper) => [paper.citationKey, paper.title])).toEqual([
      ['bom', 'After a BOM'],
      ['paren', 'In Parentheses'],
      ['UP', 'Upper Case'],
      ['quoted', 'Quoted with Braces'],
      ['env', 'Listed'],
      ['self', 'Its Own Volume'],
    ]);
    expect(parsed!.warnings).toEqual([]);
  });
});

describe('abstracts', () => {
  it('gives a plain abstract as Citation.js\' TeX reader would, without running it', () => {
    const abstract = 'Line one,\n    line two with <b>markup</b> & 100% "quotes" # snake_case^caret, e.g. a-b.';
    const [parsed] = parseBibliographies([{ name: 'p.bib', text: `@article{p, title = {P}, abstract = {${abstract}}}\n` }]);
    const [viaCitation] = parseBibtexEntries([{ type: 'article', label: 'p', properties: { title: 'P', abstract } }]);
    const expected = 'Line one, line two with <b>markup</b> & 100% "quotes" # snake_case^caret, e.g. a-b.';
    expect(viaCitation!['abstract']).toBe(expected);
    expect(parsed!.papers[0]!.abstract).toBe(expected);
  });

  it('reads an abstract with TeX through Citation.js', () => {
    const [parsed] = parseBibliographies([{ name: 't.bib', text: '@article{t, title = {T}, abstract = {Costs $O(n^2)$ -- not {GPU} time~here.}}\n' }]);
    // A tie is a space once white space is tidied.
    expect(parsed!.papers[0]!.abstract).toBe('Costs O(n²) – not GPU time here.');
  });
});
