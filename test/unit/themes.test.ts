import { describe, expect, it } from 'vitest';
import { didYouMean } from '../../src/lib/ingest/known-keys.ts';
import { parseThemes } from '../../src/lib/ingest/themes.ts';

const UNSORTED = '- id: unsorted\n  title: Unsorted\n  description: The rest.\n';
const theme = (lines: string) => `- id: skills\n  title: Skills\n  description: Skills.\n${lines}${UNSORTED}`;

describe('parseThemes: keys a theme does not take', () => {
  it.each([
    ['  term: [skill*]\n', 'themes.yaml:4: unknown key "term" in theme "skills" (did you mean "terms"?); a theme takes id, title, description, terms, exclude'],
    ['  tems: [skill*]\n', 'themes.yaml:4: unknown key "tems" in theme "skills" (did you mean "terms"?); a theme takes id, title, description, terms, exclude'],
    ['  Terms: [skill*]\n', 'themes.yaml:4: unknown key "Terms" in theme "skills" (did you mean "terms"?); a theme takes id, title, description, terms, exclude'],
    ['  terms: [skill*]\n  colour: red\n', 'themes.yaml:5: unknown key "colour" in theme "skills"; a theme takes id, title, description, terms, exclude'],
  ])('%j is an error naming its line, the keys and a near miss', (lines, message) => {
    expect(() => parseThemes(theme(lines), 'themes.yaml')).toThrow(expect.objectContaining({ message }));
  });

  it('names the key before the id it may have misspelled', () => {
    expect(() => parseThemes(`- ids: skills\n  title: Skills\n  description: S.\n${UNSORTED}`, 't.yaml')).toThrow(
      't.yaml:1: unknown key "ids" in this theme (did you mean "id"?)',
    );
  });
});

describe('parseThemes: themes that can select no paper', () => {
  it.each([
    ['  terms: []\n', 4, 'theme "skills" has no terms, so no paper is sorted into it: list words or phrases under terms, e.g. terms: [skills]'],
    ['', 1, 'theme "skills" has no terms, so no paper is sorted into it: list words or phrases under terms, e.g. terms: [skills]'],
    ['  terms: [skill*, "--"]\n', 4, 'term "--" of theme "skills" has no letter or digit, so it matches nothing: remove it or write a word'],
  ])('%j is a warning with its line', (lines, line, message) => {
    const { themes, warnings } = parseThemes(theme(lines), 'themes.yaml');
    expect(themes.map(({ id }) => id)).toEqual(['skills', 'unsorted']);
    expect(warnings).toEqual([{ file: 'themes.yaml', line, message }]);
  });

  it('does not warn about unsorted, which no term selects, unless it is given terms', () => {
    expect(parseThemes(theme('  terms: [skill*]\n'), 'themes.yaml').warnings).toEqual([]);
    expect(parseThemes(`${UNSORTED}  terms: [misc]\n`, 'themes.yaml').warnings).toEqual([
      { file: 'themes.yaml', line: 4, message: 'theme "unsorted" holds the papers no other theme selects, so its terms are not used: move them to another theme' },
    ]);
  });
});

describe('parseThemes: exclude terms', () => {
  it('reads them into the theme, trimmed', () => {
    const { themes, warnings } = parseThemes(theme('  terms: [skill*]\n  exclude: [" skill extraction ", job*]\n'), 'themes.yaml');
    expect(themes[0]).toMatchObject({ id: 'skills', terms: ['skill*'], exclude: ['skill extraction', 'job*'] });
    expect(themes[1]).toMatchObject({ id: 'unsorted', exclude: [] });
    expect(warnings).toEqual([]);
  });

  it.each([
    ['  terms: [skill*]\n  exclude: job market\n', 'themes.yaml:5: theme "skills": exclude must be a list of non-empty strings, e.g. exclude: [job market, recruit*]'],
    ['  terms: [skill*]\n  exclude: [job, ""]\n', 'themes.yaml:5: theme "skills": exclude must be a list of non-empty strings, e.g. exclude: [job market, recruit*]'],
    ['  terms: [skill*]\n  exclude: [[job]]\n', 'themes.yaml:5: theme "skills": exclude must be a list of non-empty strings, e.g. exclude: [job market, recruit*]'],
    ['  terms: [skill*]\n  excludes: [job]\n', 'themes.yaml:5: unknown key "excludes" in theme "skills" (did you mean "exclude"?); a theme takes id, title, description, terms, exclude'],
  ])('%j is an error naming its line and the fix', (lines, message) => {
    expect(() => parseThemes(theme(lines), 'themes.yaml')).toThrow(expect.objectContaining({ message }));
  });

  it.each([
    ['  terms: [skill*]\n  exclude: [job, "--"]\n', 'exclude term "--" of theme "skills" has no letter or digit, so it keeps no paper out: remove it or write a word'],
    ['  terms: [skill*, job*]\n  exclude: [job*]\n', '"job*" is both a term and an exclude term of theme "skills", so it keeps out every paper it selects: remove it from one of the two'],
  ])('%j is a warning with its line', (lines, message) => {
    expect(parseThemes(theme(lines), 'themes.yaml').warnings).toEqual([{ file: 'themes.yaml', line: 5, message }]);
  });

  it('warns that the exclude terms of unsorted are not used', () => {
    expect(parseThemes(`${UNSORTED}  exclude: [misc]\n`, 'themes.yaml').warnings).toEqual([
      { file: 'themes.yaml', line: 4, message: 'theme "unsorted" holds the papers no other theme selects, so its exclude terms are not used: remove them' },
    ]);
  });
});

describe('didYouMean', () => {
  it.each([
    ['capture', ['captured'], ' (did you mean "captured"?)'],
    ['titel', ['id', 'title'], ' (did you mean "title"?)'],
    ['desc', ['description'], ' (did you mean "description"?)'],
    ['00l_a.txt', ['001_a.txt', 'b.bib'], ' (did you mean "001_a.txt"?)'],
    ['colour', ['id', 'title', 'description', 'terms'], ''],
    ['ix', ['id'], ''],
  ])('%s among %j', (written, known, note) => {
    expect(didYouMean(written, known)).toBe(note);
  });
});
