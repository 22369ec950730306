import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { bibtexDate, bibtexEntry, bibtexFile, bibtexTitle, citationKeys, escapeBibtex, type BibtexPaper } from '../../src/lib/site/bibtex.ts';
import { bibtexText, capitalsProtected, parseBibtex } from '../setup/bibtex.ts';
import { HOSTILE_INPUTS, MARKERLESS_TITLES } from '../setup/hostile-fixture.ts';

const OPTIONS = { siteTitle: 'Reading list' };
const paper = (title: string, extra: Partial<BibtexPaper> = {}): BibtexPaper => ({
  slug: 'a-paper',
  title,
  themeTitles: ['Agents'],
  url: 'https://example.org/reading-list/papers/a-paper/',
  ...extra,
});
/** What the title field must read back as: the title with whitespace collapsed. */
const expectedText = (title: string) => title.replace(/[\t\n\r ]+/g, ' ').trim();

const HOSTILE_TITLES = [
  '# $ % & _ { } ~ ^ \\',
  '}{ unbalanced {{{ braces',
  '\\end{document} \\input{/etc/passwd} \\def\\x{y}',
  '@misc{evil, title = {x}}',
  '100% of C# & F_1 scores ~ 2^10 {LLM}s',
  '"quoted" title, with = signs, and % comments',
  'Ünïcödé Çàpitals ÉTÉ, Ωmega and 大規模言語モデル',
  ...HOSTILE_INPUTS.map((input) => input.text),
  ...MARKERLESS_TITLES,
];

describe('escapeBibtex and bibtexTitle', () => {
  test('escape each special character', () => {
    expect(escapeBibtex('# $ % & _')).toBe('\\# \\$ \\% \\& \\_');
    expect(escapeBibtex('{ } ~ ^ \\')).toBe('\\textbraceleft{} \\textbraceright{} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}');
  });

  test('protect every word with a capital, and only those', () => {
    expect(bibtexTitle('GPT-4 is a Large model for LLMs')).toBe('{GPT}-4 is a {Large} model for {LLMs}');
    expect(bibtexTitle('Éléments')).toBe('{Éléments}');
  });

  test('keep non-ASCII text as it is', () => {
    expect(bibtexTitle('大規模言語モデル 🤖')).toBe('大規模言語モデル 🤖');
  });

  test.each(HOSTILE_TITLES)('a hostile title parses, keeps its braces balanced and its capitals protected, and reads back exactly: %j', (title) => {
    const entries = parseBibtex(bibtexEntry(paper(title), 'key', OPTIONS));
    expect(entries).toHaveLength(1);
    const value = entries[0].fields.get('title')!;
    expect(entries[0].kinds.get('title')).toBe('braces');
    expect(bibtexText(value)).toBe(expectedText(title));
    expect(capitalsProtected(value)).toBe(true);
  });

  test('any text round-trips through a title field (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: fc.constantFrom(...'#$%&_{}~^\\@",= Aa\n'), maxLength: 30 }), (a, b) => {
        const title = `${a}${b}`;
        const entries = parseBibtex(bibtexEntry(paper(title), 'key', OPTIONS));
        expect(entries).toHaveLength(1);
        const value = entries[0].fields.get('title')!;
        // Control characters (never text) are dropped; everything else comes back.
        expect(bibtexText(value)).toBe(expectedText(title.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '')));
        expect(capitalsProtected(value)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('bibtexEntry', () => {
  test('a dated paper: @misc with title, year, month macro, howpublished, note, url and no author', () => {
    const text = bibtexEntry(paper('A Title', { published: { text: 'Feb 1, 2024', date: '2024-02-01', precision: 'day' } }), 'a-paper', OPTIONS);
    const [entry] = parseBibtex(text);
    expect(entry.type).toBe('misc');
    expect(entry.key).toBe('a-paper');
    expect(entry.fields.get('year')).toBe('2024');
    expect(entry.fields.get('month')).toBe('feb');
    expect(entry.kinds.get('month')).toBe('bare');
    expect(entry.fields.get('url')).toBe('https://example.org/reading-list/papers/a-paper/');
    expect(bibtexText(entry.fields.get('howpublished')!)).toBe('Listed in Reading list');
    expect(bibtexText(entry.fields.get('note')!)).toContain('Agents');
    expect(entry.fields.has('author')).toBe(false);
  });

  test('an undated paper has no year or month, and its note gives the date as listed', () => {
    const [entry] = parseBibtex(bibtexEntry(paper('T', { published: { text: 'Jun 26' } }), 'k', OPTIONS));
    expect(entry.fields.has('year')).toBe(false);
    expect(entry.fields.has('month')).toBe(false);
    expect(bibtexText(entry.fields.get('note')!)).toContain('Listed date: Jun 26');
  });

  test('a year-only date gives a year and no month', () => {
    expect(bibtexDate({ text: '2021', date: '2021', precision: 'year' })).toEqual({ year: '2021', month: undefined });
    expect(bibtexDate({ text: 'Dec 2023', date: '2023-12' })).toEqual({ year: '2023', month: 'dec' });
    expect(bibtexDate(undefined)).toEqual({});
  });
});

describe('citationKeys', () => {
  test('are unique and deterministic, even when long slugs cut to the same start', () => {
    const long = 'a-very-long-slug-that-goes-on-and-on-about-language-models';
    const slugs = [`${long}-one`, `${long}-two`, `${long}-three`, 'short', 'short-2'];
    const keys = citationKeys(slugs);
    expect(new Set(keys.values()).size).toBe(slugs.length);
    expect(citationKeys([...slugs].reverse())).toEqual(keys);
    for (const key of keys.values()) expect(key.length).toBeLessThanOrEqual(48 + 3);
    expect(keys.get('short')).toBe('short');
  });

  test('are unique for any set of slugs (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+){0,12}$/), { maxLength: 40 }), (slugs) => {
        const keys = citationKeys(slugs, 12);
        expect(keys.size).toBe(slugs.length);
        expect(new Set(keys.values()).size).toBe(slugs.length);
        for (const key of keys.values()) expect(key).toMatch(/^[A-Za-z0-9\-_:.]+$/);
      }),
    );
  });
});

describe('bibtexFile', () => {
  test('one entry per paper, keys from the map, and the heading cannot start an entry', () => {
    const papers = [paper('One', { slug: 'one' }), paper('Two {x}', { slug: 'two' })];
    const text = bibtexFile(papers, citationKeys(['one', 'two']), OPTIONS, 'Heading with @misc{x, in it');
    const entries = parseBibtex(text);
    expect(entries.map((entry) => entry.key)).toEqual(['one', 'two']);
  });

  test('refuses a paper without a key', () => {
    expect(() => bibtexFile([paper('x', { slug: 'nokey' })], new Map(), OPTIONS, 'h')).toThrow(/nokey/);
  });
});
