import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyPaper, compileThemes } from '../../src/lib/ingest/classify.ts';
import { mergePapers } from '../../src/lib/ingest/merge.ts';
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
});

describe('the shipped themes file on the seed listings', () => {
  const themesFile = join(import.meta.dirname, '../../content/themes.yaml');
  const themes = parseThemes(readFileSync(themesFile, 'utf8'), 'content/themes.yaml');
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
