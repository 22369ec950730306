import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyPaper, compileThemes } from '../../src/lib/ingest/classify.ts';
import { mergePapers } from '../../src/lib/ingest/merge.ts';
import { words } from '../../src/lib/ingest/normalise.ts';
import { parseThemes, UNSORTED_THEME_ID } from '../../src/lib/ingest/themes.ts';
import type { Theme } from '../../src/lib/ingest/types.ts';
import { parseSeed, seedNames } from '../setup/seeds.ts';

const theme = (id: string, terms: string[]): Theme => ({ id, title: id, description: id, terms });
const matchers = compileThemes([theme('skills', ['skill*', 'skill library']), theme('agents', ['agent*', 'web navigation']), theme(UNSORTED_THEME_ID, [])]);

describe('classifyPaper', () => {
  it('weighs a title match above abstract matches and records the matched terms', () => {
    const result = classifyPaper({ title: 'Agents that learn', abstract: 'We build a skill library of skills and more skills for agents.' }, matchers);
    expect(result).toEqual({
      themes: ['skills', 'agents'],
      mainTheme: 'skills',
      matchedTerms: { skills: ['skill*', 'skill library'], agents: ['agent*'] },
    });
  });

  it('needs a title match or repeated abstract matches before a theme applies', () => {
    expect(classifyPaper({ title: 'Graphs', abstract: 'One agent.' }, matchers).mainTheme).toBe(UNSORTED_THEME_ID);
    expect(classifyPaper({ title: 'Graphs', abstract: 'An agent, agents, agentic.' }, matchers).mainTheme).toBe('agents');
  });

  it('matches whole words and phrases across hyphens and case, not parts of words', () => {
    expect(classifyPaper({ title: 'Web-Navigation for all', abstract: '' }, matchers).themes).toEqual(['agents']);
    expect(classifyPaper({ title: 'Reagents in chemistry', abstract: '' }, matchers).themes).toEqual([UNSORTED_THEME_ID]);
  });

  it('breaks score ties by the order of the themes file', () => {
    expect(classifyPaper({ title: 'Skill agents', abstract: '' }, matchers).mainTheme).toBe('skills');
  });

  it('takes a term in a keyword for one in the title: it scores the title weight once, wherever found', () => {
    expect(classifyPaper({ title: 'Graphs', abstract: '' }, matchers).mainTheme).toBe(UNSORTED_THEME_ID);
    expect(classifyPaper({ title: 'Graphs', abstract: '', keywords: ['Web-Navigation'] }, matchers)).toEqual({ themes: ['agents'], mainTheme: 'agents', matchedTerms: { agents: ['web navigation'] } });
    // Skills in the title and a keyword scores 3, not 6: agents, 3 in the title and 2 in the abstract, comes first.
    const both = classifyPaper({ title: 'Skills and agents', abstract: 'An agent, an agent.', keywords: ['skills', 'Skill learning'] }, matchers);
    expect(both.themes).toEqual(['agents', 'skills']);
  });

  it('matches no term across two keywords', () => {
    expect(classifyPaper({ title: 'Graphs', abstract: '', keywords: ['web', 'navigation'] }, matchers).themes).toEqual([UNSORTED_THEME_ID]);
  });

  it('scores every theme as counting each term at every position of the text would', () => {
    // docs/themes.md's rule, applied word by word: a term is its words in a row, the last one a prefix with `*`.
    const occurrences = (text: string, term: string) => {
      const [textWords, tokens, prefix] = [words(text), words(term), term.endsWith('*')];
      return textWords.filter((_, start) =>
        tokens.every((token, i) => (i === tokens.length - 1 && prefix ? textWords[start + i]?.startsWith(token) : textWords[start + i] === token)),
      ).length;
    };
    // ASCII texts take a path of their own (no splitting into words); 'ágent' or '—' sends a text down the other.
    const vocabulary = ['agent', 'agents', 'Agent', 'skill', 'skills', 'web', 'tool', 'tools', 'to', 'use', 'x2', '2', 'ágent'];
    const separator = fc.constantFrom(' ', '-', ', ', '—', '');
    const text = fc.array(fc.tuple(fc.constantFrom(...vocabulary, 'a'), separator), { maxLength: 30 }).map((list) => list.flat().join(''));
    const term = fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 2 }).chain((list) => fc.constantFrom(list.join(' '), `${list.join(' ')}*`));
    const themes = fc.array(fc.array(term, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 });
    const keywords = fc.array(text, { maxLength: 3 });
    fc.assert(
      fc.property(themes, text, text, keywords, (termLists, title, abstract, keywordList) => {
        const compiled = compileThemes([...termLists.map((terms, i) => theme(`t${i}`, terms)), theme(UNSORTED_THEME_ID, [])]);
        const result = classifyPaper({ title, abstract, keywords: keywordList }, compiled);
        const expected = termLists.flatMap((terms, i) => {
          const titleLike = (t: string) => [title, ...keywordList].some((part) => occurrences(part, t) > 0);
          const scores = terms.map((t) => (titleLike(t) ? 3 : 0) + Math.min(occurrences(abstract, t), 3));
          const score = scores.reduce((sum, value) => sum + value, 0);
          return score >= 3 ? [{ id: `t${i}`, score, matched: terms.filter((_, k) => scores[k]! > 0) }] : [];
        });
        expected.sort((a, b) => b.score - a.score || Number(a.id.slice(1)) - Number(b.id.slice(1)));
        expect(result.themes).toEqual(expected.length > 0 ? expected.map((entry) => entry.id) : [UNSORTED_THEME_ID]);
        expect(result.matchedTerms).toEqual(Object.fromEntries(expected.map((entry) => [entry.id, entry.matched])));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the shipped themes file on the seed listings', () => {
  const themesFile = join(import.meta.dirname, '../../content/themes.yaml');
  const { themes } = parseThemes(readFileSync(themesFile, 'utf8'), 'content/themes.yaml');
  const shipped = compileThemes(themes);
  const papers = mergePapers(seedNames.flatMap((name) => parseSeed(name).papers));
  const results = papers.map((paper) => classifyPaper(paper, shipped));

  it('ships the skills, self-improvement and agents themes', () => {
    expect(themes.map((entry) => entry.id)).toEqual(expect.arrayContaining(['skills', 'self-improvement', 'agents', UNSORTED_THEME_ID]));
  });

  it('leaves fewer than 5% of the papers unsorted', () => {
    const unsorted = results.filter((result) => result.mainTheme === UNSORTED_THEME_ID).length;
    expect(unsorted / papers.length).toBeLessThan(0.05);
  });

  it('gives every theme but unsorted at least one paper', () => {
    for (const { id } of themes.filter((entry) => entry.id !== UNSORTED_THEME_ID)) {
      expect(results.some((result) => result.themes.includes(id)), id).toBe(true);
    }
  });
});

describe('parseThemes', () => {
  it('reports mistakes with the file and line', () => {
    expect(() => parseThemes('- id: ok\n  title: OK\n  description: d\n- id: Bad Id\n  title: x\n  description: d\n', 'themes.yaml')).toThrow('themes.yaml:4: theme id "Bad Id"');
    expect(() => parseThemes('- id: a\n  title: A\n  description: d\n  terms: [x\n', 'themes.yaml')).toThrow(/^themes\.yaml:\d+: not valid YAML/);
    expect(() => parseThemes('- id: a\n  title: A\n  description: d\n', 'themes.yaml')).toThrow('add a theme with id "unsorted"');
    expect(() => parseThemes('- id: unsorted\n  title: U\n  description: d\n- id: unsorted\n  title: U\n  description: d\n', 't.yaml')).toThrow('t.yaml:4: theme id "unsorted" is defined twice');
  });
});
