/**
 * The exports of src/lib/site/ (BibTeX, RIS, CSL-JSON, APA) on real Citation.js, read back:
 * by this repository's BibTeX reader (test/setup/bibtex.ts), by Citation.js itself (the
 * round trip a reader's tool makes), and as HTML by parse5.
 */
import { Cite } from '@citation-js/core';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { citationKeys, risIds } from '../../src/lib/site/citation-keys.ts';
import { arxivLinks, cslItem, cslName, displayName, doiUrl, type CitablePaper } from '../../src/lib/site/csl.ts';
import { apaCitations } from '../../src/lib/site/export-apa.ts';
import { bibtexEntries, bibtexFile } from '../../src/lib/site/export-bibtex.ts';
import { risFile, risRecords } from '../../src/lib/site/export-ris.ts';
import { bibtexText, capitalsProtected, parseBibtex } from '../setup/bibtex.ts';
import { HOSTILE_INPUTS, MARKERLESS_TITLES } from '../setup/hostile-fixture.ts';
import { readAsHtml } from '../setup/read-as-html.ts';

const paper = (slug: string, fields: Partial<CitablePaper> = {}): CitablePaper => ({
  slug,
  title: `Title of ${slug}`,
  themeTitles: ['Agents'],
  pageUrl: `https://example.org/reading-list/papers/${slug}/`,
  ...fields,
});

/** Papers as bibliographies give them, with the text that breaks naive writers. */
const PAPERS: CitablePaper[] = [
  paper('journal', {
    title: 'Costs $5 & {braces} \\cdot 100% _x ~ ^ # <b>bold</b> "quoted" it\'s -- \'\'TeX\'\' GPT-4 大規模言語モデル 🤖',
    authors: ['Smith, J{o}hn $', 'OpenAI & Co', 'van der Berg, Önder', 'Nguyễn, Thị Minh Khai', 'García-Márquez, Ángela'],
    venue: 'Journal of {X} & <Y> \\ 50% «Z» \u{F0000}\u{F0003}',
    type: 'article-journal',
    published: { text: 'Mar 5, 2020', date: '2020-03-05', precision: 'day', yearSource: 'listing' },
    doi: '10.1000/a<b>c;d',
    url: 'https://example.org/a?b=c&d=%20e',
    keywords: ['agents', 'planning $'],
    citationKey: 'smith2020costs',
  }),
  paper('preprint', { title: 'Distilling the Knowledge in a Neural Network', authors: ['Hinton, Geoffrey', 'Vinyals, Oriol', 'Dean, Jeff'], arxiv: '1503.02531', published: { text: '2015', date: '2015', precision: 'year' } }),
  paper('conference', { title: 'Old-style id', authors: ['Doe, Jane', '{globalThis.pwned = 1}, - item', '<b>x</b> "q" -- and, more', 'Plain Literal Name'], arxiv: 'hep-th/9901001', venue: 'NeurIPS', type: 'paper-conference', published: { text: '1999', date: '1999' }, url: 'https://papers.example.org/x' }),
  paper('listed', { title: 'Listed Only, From a Listing', published: { text: 'Mar 27' }, themeTitles: ['Agents', 'Reasoning'] }),
];

/** A name as its text, `Family, Given` or literal: how entries hold it. */
function nameText(name: Record<string, string>): string {
  if (name['literal']) return name['literal'];
  const family = [name['non-dropping-particle'], name['family']].filter(Boolean).join(' ');
  return name['given'] ? `${family}, ${name['given']}` : family;
}

/** The fields the round trip compares, from a CSL item Citation.js read back. */
function fieldsOf(item: Record<string, unknown>, arxiv: string | undefined) {
  const issued = item['issued'] as { 'date-parts': number[][] } | undefined;
  return {
    title: item['title'],
    authors: ((item['author'] as Record<string, string>[] | undefined) ?? []).map(nameText),
    year: issued?.['date-parts'][0]?.[0],
    venue: item['container-title'],
    doi: item['DOI'],
    arxiv,
    url: item['URL'],
  };
}

/** The same fields as the paper holds them. */
function expectedFields(p: CitablePaper) {
  return {
    title: p.title,
    authors: p.authors ?? [],
    year: p.published?.date ? Number(p.published.date.slice(0, 4)) : undefined,
    venue: p.venue,
    doi: p.doi,
    arxiv: p.arxiv,
    url: p.url ?? (p.arxiv ? arxivLinks(p.arxiv).abstract : p.pageUrl),
  };
}

/** An arXiv id where CSL-JSON and RIS keep it: a preprint's `number`, else the note. */
const arxivInCsl = (item: Record<string, unknown>) => /arXiv:(\S+)/.exec(`${item['number'] ?? ''} ${item['note'] ?? ''}`)?.[1];

const keys = citationKeys(PAPERS);
const items = PAPERS.map((p) => cslItem(p, keys.get(p.slug)!));

describe('citation keys', () => {
  test('the entry’s own key where it has one (made safe for BibTeX), else one from the slug, unique', () => {
    const made = citationKeys([
      { slug: 'a-paper', citationKey: 'smith2020' },
      { slug: 'b-paper', citationKey: 'smith2020' },
      { slug: 'smith2020' },
      { slug: 'c-paper', citationKey: 'has space,comma{brace}' },
      { slug: 'd-paper' },
    ]);
    expect(Object.fromEntries(made)).toEqual({
      'a-paper': 'smith2020',
      'b-paper': 'smith2020-2',
      'c-paper': 'has-space-comma-brace-',
      'd-paper': 'd-paper',
      // A slug never takes a user's key.
      smith2020: 'smith2020-3',
    });
  });

  test('are the same whatever the order of the papers, and unique for any set (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ slug: fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+){0,12}$/), citationKey: fc.option(fc.string({ maxLength: 12 }), { nil: undefined }) }), {
          selector: (p) => p.slug,
          maxLength: 40,
        }),
        (papers) => {
          const made = citationKeys(papers, 12);
          expect(made.size).toBe(papers.length);
          // Unique as BibTeX compares keys: without case.
          expect(new Set([...made.values()].map((key) => key.toLowerCase())).size).toBe(papers.length);
          expect(citationKeys([...papers].reverse(), 12)).toEqual(made);
          for (const key of made.values()) expect(key).not.toMatch(/[\s,{}()"#%'=\\~]/);
        },
      ),
    );
  });

  test('keys that differ only in case, from two bibliographies, are two keys to BibTeX too', () => {
    expect(Object.fromEntries(citationKeys([{ slug: 'a', citationKey: 'Smith2020' }, { slug: 'b', citationKey: 'smith2020' }]))).toEqual({ a: 'Smith2020', b: 'smith2020-2' });
  });

  test('RIS IDs fit in 20 characters and stay unique where keys share their first 20', () => {
    const long = ['a-very-long-citation-key-one', 'a-very-long-citation-key-two', 'a-very-long-citation', 'a-very-long-citati-2', 'short'];
    const ids = risIds(long);
    expect(new Set(ids.values()).size).toBe(long.length);
    for (const id of ids.values()) expect(id.length).toBeLessThanOrEqual(20);
    expect(ids.get('short')).toBe('short');
  });
});

describe('names, links and the CSL item', () => {
  test('`Family, Given` is a person, anything without a comma a literal name', () => {
    expect(cslName('van der Berg, Önder')).toEqual({ family: 'van der Berg', given: 'Önder' });
    expect(cslName('OpenAI')).toEqual({ literal: 'OpenAI' });
    expect(cslName('Plato,')).toEqual({ family: 'Plato' });
    expect(displayName('Hinton, Geoffrey')).toBe('Geoffrey Hinton');
    expect(displayName('The BigScience Workshop')).toBe('The BigScience Workshop');
  });

  test('DOIs and arXiv ids become links with their URL syntax encoded', () => {
    expect(doiUrl('10.1000/a b?c#d%e')).toBe('https://doi.org/10.1000/a%20b%3Fc%23d%25e');
    expect(arxivLinks('hep-th/9901001')).toEqual({ abstract: 'https://arxiv.org/abs/hep-th/9901001', pdf: 'https://arxiv.org/pdf/hep-th/9901001' });
  });

  test('a paper from a listing is a document with its page, its year when known and its themes in the note', () => {
    expect(cslItem(paper('x', { published: { text: 'Jun 3, 2024', date: '2024-06-03', yearSource: 'capture-date' } }), 'x')).toEqual({
      id: 'x',
      'citation-key': 'x',
      type: 'document',
      title: 'Title of x',
      issued: { 'date-parts': [[2024, 6, 3]] },
      URL: 'https://example.org/reading-list/papers/x/',
      note: 'Themes: Agents; year inferred from the listing capture date',
    });
  });

  test('a preprint is an `article` with its arXiv id, as Zotero writes one', () => {
    expect(items[1]).toMatchObject({ type: 'article', number: 'arXiv:1503.02531', publisher: 'arXiv', URL: 'https://arxiv.org/abs/1503.02531' });
  });
});

describe('BibTeX', () => {
  const entries = bibtexEntries(PAPERS, keys);
  const parsed = new Map(PAPERS.map((p) => [p.slug, parseBibtex(entries.get(p.slug)!)]));

  test('one entry per paper, with its key, type, authors, year, venue, DOI and eprint', () => {
    const [journal] = parsed.get('journal')!;
    expect(journal.type).toBe('article');
    expect(journal.key).toBe('smith2020costs');
    expect(bibtexText(journal.fields.get('journal')!)).toBe('Journal of {X} & <Y> \\ 50% «Z» \u{F0000}\u{F0003}');
    expect(journal.fields.get('year')).toBe('2020');
    expect(journal.fields.get('month')).toBe('3');
    expect(journal.fields.get('doi')).toBe('10.1000/a<b>c;d');
    const [preprint] = parsed.get('preprint')!;
    expect(preprint.type).toBe('misc');
    expect(preprint.fields.get('eprint')).toBe('1503.02531');
    expect(preprint.fields.get('archiveprefix')).toBe('arXiv');
    expect(preprint.fields.get('author')).toBe('Hinton, Geoffrey and Vinyals, Oriol and Dean, Jeff');
    const [conference] = parsed.get('conference')!;
    expect(conference.type).toBe('inproceedings');
    expect(conference.fields.get('booktitle')).toBe('NeurIPS');
    expect(conference.fields.get('eprint')).toBe('hep-th/9901001');
  });

  test('a paper from a listing stays the @misc it was: title, year, its page, its themes, no author', () => {
    const [listed] = parsed.get('listed')!;
    expect(listed.type).toBe('misc');
    expect(listed.fields.has('author')).toBe(false);
    expect(listed.fields.has('year')).toBe(false);
    expect(listed.fields.get('url')).toBe('https://example.org/reading-list/papers/listed/');
    expect(bibtexText(listed.fields.get('note')!)).toBe('Themes: Agents, Reasoning; Listed date: Mar 27');
  });

  const HOSTILE_TITLES = [
    '# $ % & _ { } ~ ^ \\ < >',
    '}{ unbalanced {{{ braces',
    '\\end{document} \\input{/etc/passwd} \\def\\x{y}',
    '@misc{evil, title = {x}}',
    '100% of C# & F_1 scores ~ 2^10 {LLM}s',
    "TeX's ligatures -- and --- ''quoted'' ``quoted`` !` ?` ,, stay as typed",
    'Ünïcödé Çàpitals ÉTÉ, Ωmega and 大規模言語モデル',
    ...HOSTILE_INPUTS.map((input) => input.text),
    ...MARKERLESS_TITLES,
  ];
  const collapsed = (text: string) => text.replace(/[\t\n\r ]+/g, ' ').trim();

  test.each(HOSTILE_TITLES)('a hostile title, venue and name parse, keep braces balanced and capitals protected, and read back exactly: %j', (text) => {
    const hostile = paper('h', { title: text, venue: text, authors: [text], type: 'article-journal' });
    const [entry, ...rest] = parseBibtex(bibtexEntries([hostile], citationKeys([hostile])).get('h')!);
    expect(rest).toEqual([]);
    expect(bibtexText(entry.fields.get('title')!)).toBe(collapsed(text));
    expect(capitalsProtected(entry.fields.get('title')!)).toBe(true);
    expect(bibtexText(entry.fields.get('journal')!)).toBe(collapsed(text));
  });

  test('any text round-trips through a title field (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: fc.constantFrom(...'#$%&_{}~^\\<>@",= Aa\n'), maxLength: 30 }), (a, b) => {
        const title = `${a}${b}`;
        const [entry] = parseBibtex(bibtexEntries([paper('p', { title })], new Map([['p', 'p']])).get('p')!);
        const value = entry.fields.get('title')!;
        // Control characters (never text) are dropped; everything else comes back.
        expect(bibtexText(value)).toBe(collapsed(title.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '')));
        expect(capitalsProtected(value)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  test('a file: the heading as a comment that cannot start an entry, then the entries', () => {
    const text = bibtexFile([...entries.values()], 'Heading with @misc{x, in it');
    expect(parseBibtex(text).map((entry) => entry.key)).toEqual(PAPERS.map((p) => keys.get(p.slug)));
  });

  test('refuses a paper without a key', () => {
    expect(() => bibtexEntries([paper('nokey')], new Map())).toThrow(/nokey/);
  });

  test('Citation.js reads the file back to the same papers: title, authors, year, venue, DOI, arXiv id, URL', () => {
    const text = bibtexFile([...entries.values()], 'Round trip');
    const read = new Cite(text).data;
    const eprints = new Map(parseBibtex(text).map((entry) => [entry.key, entry.fields.get('eprint')]));
    expect(read.map((item) => fieldsOf(item, eprints.get(item['id'] as string)))).toEqual(PAPERS.map(expectedFields));
  });
});

describe('RIS', () => {
  const text = risFile(risRecords(items, risIds(items.map((item) => item.id))));

  test('every line is a tag line: no value wrapped or broken onto a line of its own', () => {
    for (const line of text.split('\n').filter(Boolean)) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
    expect(text).toContain('TI  - Costs $5 & {braces} \\cdot 100% _x ~ ^ # <b>bold</b> "quoted" it\'s -- \'\'TeX\'\' GPT-4 大規模言語モデル 🤖\n');
  });

  test('a line break in a value stays in its line', () => {
    const [record] = risRecords([cslItem(paper('n', { title: 'two\nlines\r\nand\u2028more' }), 'n')], new Map([['n', 'n']]));
    expect(record).toContain('TI  - two lines and\u2028more\n');
  });

  test('Citation.js reads the file back to the same papers, with unique IDs', () => {
    const read = new Cite(text).data;
    expect(read.map((item) => fieldsOf(item, arxivInCsl(item)))).toEqual(PAPERS.map(expectedFields));
    expect(new Set(read.map((item) => item['id'])).size).toBe(PAPERS.length);
  });
});

describe('CSL-JSON', () => {
  test('Citation.js reads it back to the same papers', () => {
    const read = new Cite(JSON.parse(JSON.stringify(items))).data;
    expect(read.map((item) => fieldsOf(item, arxivInCsl(item)))).toEqual(PAPERS.map(expectedFields));
  });
});

describe('APA', () => {
  const apa = apaCitations(items);

  test('authors, year, title, venue and DOI, in APA’s order, text exactly as written', () => {
    const { text, markup } = readAsHtml(apa.get('smith2020costs')!);
    expect(text).toBe(
      'Smith, J. $, OpenAI & Co, van der Berg, Ö., Nguyễn, T. M. K., & García-Márquez, Á. (2020). ' +
        'Costs $5 & {braces} \\cdot 100% _x ~ ^ # <b>bold</b> "quoted" it\'s -- \'\'TeX\'\' GPT-4 大規模言語モデル 🤖. ' +
        'Journal of {X} & <Y> \\ 50% «Z» \u{F0000}\u{F0003}. https://doi.org/10.1000/a<b>c;d',
    );
    // Italics from the style (the journal), none from the text.
    expect(markup).toEqual(['<i>']);
  });

  test('a preprint and a listed paper', () => {
    expect(readAsHtml(apa.get('preprint')!).text).toBe('Hinton, G., Vinyals, O., & Dean, J. (2015). Distilling the Knowledge in a Neural Network (arXiv:1503.02531). arXiv. https://arxiv.org/abs/1503.02531');
    expect(readAsHtml(apa.get('listed')!).text).toBe('Listed Only, From a Listing. (n.d.). Retrieved https://example.org/reading-list/papers/listed/');
  });

  test('a citation key is never markup: citeproc is given neutral ids, and the citation comes back under the key', () => {
    const key = 'k><script>alert`document.domain`</script>';
    const [[id, html]] = [...apaCitations([cslItem(paper('k', { title: 'Key Test', authors: ['Doe, Jane'], published: { text: '2020', date: '2020' } }), key)])];
    expect(id).toBe(key);
    expect(readAsHtml(html!)).toEqual({ text: 'Doe, J. (2020). Key Test. https://example.org/reading-list/papers/k/', markup: ['<i>'] });
  });

  test('two papers by the same authors in the same year get no year suffix: each citation stands alone', () => {
    const twins = [1, 2].map((n) => cslItem(paper(`t${n}`, { authors: ['Doe, Jane'], published: { text: '2020', date: '2020' } }), `t${n}`));
    for (const html of apaCitations(twins).values()) expect(readAsHtml(html).text).toMatch(/^Doe, J\. \(2020\)\./);
  });

  test('any title of words and the characters citeproc reads comes out exactly (property)', () => {
    const word = fc.string({ unit: fc.constantFrom(...'<>&"\'«»‹›“”‘’„‚\u{F0000}\u{F0001}ab{}$\\'), minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), (words) => {
        const title = `Title ${words.join(' ')}`;
        const [html] = apaCitations([cslItem(paper('p', { title, published: { text: '2020', date: '2020' } }), 'p')]).values();
        const read = readAsHtml(html);
        expect(read.markup).toEqual(['<i>']);
        expect(read.text.startsWith(`${title}. (2020)`), read.text).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  test.each([...HOSTILE_INPUTS.map((input) => input.text), ...MARKERLESS_TITLES])('hostile text is text, exactly: %j', (text) => {
    const [html] = apaCitations([cslItem(paper('h', { title: text, authors: [`${text}, A`] }), 'h')]).values();
    const read = readAsHtml(html);
    expect(read.markup.filter((tag) => tag !== '<i>')).toEqual([]);
    expect(read.text).toContain(text);
  });
});
