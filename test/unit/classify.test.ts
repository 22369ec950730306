import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyList, compileThemes, matchTerms, type ThemeMatcher } from '../../src/lib/ingest/classify.ts';
import { mergePapers } from '../../src/lib/ingest/merge.ts';
import { words } from '../../src/lib/ingest/normalise.ts';
import { parseThemes, UNSORTED_THEME_ID } from '../../src/lib/ingest/themes.ts';
import type { Paper, Theme } from '../../src/lib/ingest/types.ts';
import { parseSeed, seedNames } from '../setup/seeds.ts';

const theme = (id: string, terms: string[], exclude: string[] = []): Theme => ({ id, title: id, description: id, terms, exclude });
/** One paper as ingest classifies it in a list of its own: too short a list for any term to count less. */
const classifyPaper = (paper: Pick<Paper, 'title' | 'abstract' | 'keywords'>, matcher: ThemeMatcher) => classifyList([matchTerms(paper, matcher)], matcher).classifications[0]!;
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

describe('exclude terms', () => {
  const matcher = compileThemes([theme('skills', ['skill*'], ['skill extraction', 'recruit*']), theme('agents', ['agent*']), theme(UNSORTED_THEME_ID, [])]);

  it('keep a paper out of the theme wherever they are found, whatever its terms score', () => {
    expect(classifyPaper({ title: 'Skills for agents', abstract: 'Skills, skills, skills.' }, matcher).themes).toEqual(['skills', 'agents']);
    expect(classifyPaper({ title: 'Skills for agents', abstract: 'Skills, skills, skills for Skill-Extraction.' }, matcher).themes).toEqual(['agents']);
    expect(classifyPaper({ title: 'Skills for recruiters', abstract: 'Skills, skills, skills.' }, matcher).themes).toEqual([UNSORTED_THEME_ID]);
    expect(classifyPaper({ title: 'Skills for agents', abstract: 'Skills.', keywords: ['Recruitment'] }, matcher).themes).toEqual(['agents']);
  });

  it('match as terms do: whole words, a trailing * any ending', () => {
    expect(classifyPaper({ title: 'Skills', abstract: 'A skill extractor.' }, matcher).themes).toEqual(['skills']);
    expect(classifyPaper({ title: 'Skills', abstract: 'Nonrecruiting.' }, matcher).themes).toEqual(['skills']);
  });
});

describe('terms found in many of the papers', () => {
  const matcher = compileThemes([theme('language-models', ['llm*', 'fine tun*']), theme('agents', ['agent*']), theme(UNSORTED_THEME_ID, [])]);
  const agentPaper = (n: number) => ({ title: `Agents ${n}`, abstract: 'LLMs act as agents. LLMs. LLMs.' });
  const llmPaper = (n: number) => ({ title: `A study ${n}`, abstract: 'LLMs. LLMs. LLMs.' });
  const otherPaper = (n: number) => ({ title: `Graphs ${n}`, abstract: 'Nothing.' });
  const titledPaper = { title: 'What LLMs know', abstract: 'Nothing.' };
  const tuningPaper = { title: 'A recipe', abstract: 'We fine-tune LLMs, fine-tune them again and fine-tune once more.' };
  /** 60 papers, llm* in 40 of them: a share of 2/3, twice a third, so it counts (1/2)² = a quarter. agent* in 10. */
  const list = [...Array.from({ length: 10 }, (_, n) => agentPaper(n)), ...Array.from({ length: 28 }, (_, n) => llmPaper(n)), titledPaper, tuningPaper, ...Array.from({ length: 20 }, (_, n) => otherPaper(n))];
  const classify = (papers: typeof list, hidden?: boolean[]) => classifyList(papers.map((paper) => matchTerms(paper, matcher)), matcher, hidden);

  it('count less in the abstract, the more papers they are in, and are reported with their weight', () => {
    const { classifications, common } = classify(list);
    expect(common).toEqual([{ term: 'llm*', weight: 0.25 }]);
    // llm* thrice in the abstract scores 3 × 0.25: not enough for a theme alone.
    expect(classifications[0]).toEqual({ themes: ['agents'], mainTheme: 'agents', matchedTerms: { agents: ['agent*'] } });
    expect(classifications[10]).toEqual({ themes: [UNSORTED_THEME_ID], mainTheme: UNSORTED_THEME_ID, matchedTerms: {} });
    // A term in fewer papers keeps its weight: fine-tuning still selects, and the matched terms still say llm* counted.
    expect(classifications[39]).toEqual({ themes: ['language-models'], mainTheme: 'language-models', matchedTerms: { 'language-models': ['llm*', 'fine tun*'] } });
  });

  it('count in full in the title: a title says what the paper is about', () => {
    expect(classify(list).classifications[38]).toEqual({ themes: ['language-models'], mainTheme: 'language-models', matchedTerms: { 'language-models': ['llm*'] } });
  });

  it('count in full in a list too short to tell (under 60 papers) or where they are in a third of the papers or fewer', () => {
    const short = classify(list.slice(0, 10));
    expect(short.common).toEqual([]);
    expect(short.classifications[0]!.themes).toEqual(['agents', 'language-models']);
    // llm* in 20 of 60 papers: a third exactly.
    const third = classify([...list.slice(0, 20), ...Array.from({ length: 40 }, (_, n) => otherPaper(n))]);
    expect(third.common).toEqual([]);
    expect(third.classifications[0]!.themes).toEqual(['agents', 'language-models']);
  });

  it('are counted in the papers the site shows, not in hidden ones', () => {
    // llm* in 20 shown papers of 60 (a third: full weight), and in 10 hidden ones: 30 of 70 if they counted, (70/3 ÷ 30)² = 0.6.
    const papers = [...list.slice(0, 20), ...Array.from({ length: 40 }, (_, n) => otherPaper(n)), ...Array.from({ length: 10 }, (_, n) => llmPaper(100 + n))];
    const hidden = papers.map((_, index) => index >= 60);
    expect(classify(papers).common).toEqual([{ term: 'llm*', weight: 0.6 }]);
    const { classifications, common } = classify(papers, hidden);
    expect(common).toEqual([]);
    expect(classifications[0]!.themes).toEqual(['agents', 'language-models']);
    // A hidden paper is still classified, against the shares of the shown ones.
    expect(classifications[60]!.themes).toEqual(['language-models']);
  });

  it('weigh the same whatever the order of the papers', () => {
    const shuffled = [...list].reverse();
    expect(classify(shuffled).classifications).toEqual(classify(list).classifications.reverse());
  });
});

describe('the shipped themes file on the seed listings', () => {
  const themesFile = join(import.meta.dirname, '../../content/themes.yaml');
  const { themes } = parseThemes(readFileSync(themesFile, 'utf8'), 'content/themes.yaml');
  const shipped = compileThemes(themes);
  const papers = mergePapers(seedNames.flatMap((name) => parseSeed(name).papers));
  const { classifications: results, common } = classifyList(
    papers.map((paper) => matchTerms(paper, shipped)),
    shipped,
  );
  const themesOf = (title: string) => {
    const found = papers.flatMap((paper, index) => (paper.title === title ? [results[index]!] : []));
    if (found.length !== 1) throw new Error(`${found.length} seed papers are titled "${title}"`);
    return found[0]!;
  };

  it('ships the skills, self-improvement and agents themes', () => {
    expect(themes.map((entry) => entry.id)).toEqual(expect.arrayContaining(['skills', 'self-improvement', 'agents', UNSORTED_THEME_ID]));
  });

  it('leaves fewer than 5% of the papers unsorted', () => {
    const unsorted = results.filter((result) => result.mainTheme === UNSORTED_THEME_ID).length;
    expect(unsorted / papers.length).toBeLessThan(0.05);
  });

  it('puts no more than 45% of the papers in any one theme', () => {
    for (const { id } of themes.filter((entry) => entry.id !== UNSORTED_THEME_ID)) {
      expect(results.filter((result) => result.themes.includes(id)).length / papers.length, id).toBeLessThanOrEqual(0.45);
    }
  });

  it('counts agent* and language models, in nearly half of the papers, for less', () => {
    expect(common.map(({ term }) => term)).toEqual(expect.arrayContaining(['agent*', 'language models']));
    for (const { weight } of common) expect(weight).toBeLessThan(1);
  });

  it('gives every theme but unsorted at least one paper', () => {
    for (const { id } of themes.filter((entry) => entry.id !== UNSORTED_THEME_ID)) {
      expect(results.some((result) => result.themes.includes(id)), id).toBe(true);
    }
  });

  // Papers the themes file must get right, read by a person. In the theme, and main theme where the
  // paper is plainly about one subject.
  it.each([
    ['A Survey on Large Language Model based Autonomous Agents', 'agents'],
    ['AgentOccam: A Simple Yet Strong Baseline for LLM-Based Web Agents', 'agents'],
    ['MetaGPT: Meta Programming for Multi-Agent Collaborative Framework', 'agents'],
    ['RoboCat: A Self-Improving Foundation Agent for Robotic Manipulation', 'robotics'],
    ['GAIA-1: A Generative World Model for Autonomous Driving', 'robotics'],
    ['Stabilizing Contrastive RL: Techniques for Offline Goal Reaching', 'reinforcement-learning'],
    ['HREF: Human Response-Guided Evaluation of Instruction Following in Language Models', 'evaluation'],
    ['Constitutional AI: Harmlessness from AI Feedback', 'alignment'],
    ['Towards Effective and Efficient Continual Pre-training of Large Language Models', 'language-models'],
    ['Evaluating Intelligence via Trial and Error', 'evaluation'],
  ])('%s: main theme %s', (title, id) => {
    expect(themesOf(title).mainTheme).toBe(id);
  });

  it.each([
    // Agents that use a computer's graphical interface.
    ['Identifying User Goals from UI Trajectories', 'agents'],
    // "Agent" in the title says what the paper is about, though agent* is in nearly half the abstracts.
    ['Unleashing Cognitive Synergy in Large Language Models: A Task-Solving Agent through Multi-Persona Self-Collaboration', 'agents'],
    ['MLLM-Tool: A Multimodal Large Language Model For Tool Agent Learning', 'agents'],
    ['Promptor: A Conversational and Autonomous Prompt Generation Agent for Intelligent Text Entry Techniques', 'agents'],
    ['PASTA: Pretrained Action-State Transformer Agents', 'agents'],
    ['Online Intrinsic Rewards for Decision Making Agents from Large Language Model Feedback', 'agents'],
    ['Dynamic Evaluation of Large Language Models by Meta Probing Agents', 'agents'],
    // Agents on a computer or the web, though their titles do not say "agent".
    ['Language Models can Solve Computer Tasks', 'agents'],
    ['Learning to Navigate the Web', 'agents'],
    ['WebLeaper: Empowering Efficiency and Efficacy in WebAgent via Enabling Info-Rich Seeking', 'agents'],
    // Skills a model is taught, found by a step called skill extraction: not the job-market sense.
    ['Instruct-SkillMix: A Powerful Pipeline for LLM Instruction Tuning', 'skills'],
    // A model's moral judgement is alignment, whatever else the paper is about.
    ['The Capacity for Moral Self-Correction in Large Language Models', 'alignment'],
    ['The Capacity for Moral Self-Correction in Large Language Models', 'self-improvement'],
  ])('%s: in %s', (title, id) => {
    expect(themesOf(title).themes).toContain(id);
  });

  it.each([
    // Skills in the HR sense: jobs, profiles and hiring.
    ['Design of Negative Sampling Strategies for Distantly Supervised Skill Extraction', 'skills'],
    ['SESA: Supervised Explicit Semantic Analysis', 'skills'],
    // Not about language models because their abstracts say LLM: robots, multi-agent software, a web agent.
    ['Language to Rewards for Robotic Skill Synthesis', 'language-models'],
    ['Yell At Your Robot: Improving On-the-Fly from Language Corrections', 'language-models'],
    ['MetaGPT: Meta Programming for Multi-Agent Collaborative Framework', 'language-models'],
    ['SWE-Search: Enhancing Software Agents with Monte Carlo Tree Search and Iterative Refinement', 'language-models'],
    // Nor because their titles name the LLM their agents are built on.
    ['Agentless: Demystifying LLM-based Software Engineering Agents', 'language-models'],
    ['AutoManual: Constructing Instruction Manuals by LLM Agents via Interactive Environmental Learning', 'language-models'],
    // Not agents because they are autonomous: a driving model, a text recogniser.
    ['GAIA-1: A Generative World Model for Autonomous Driving', 'agents'],
    ['Read Like Humans: Autonomous, Bidirectional and Iterative Language Modeling for Scene Text Recognition', 'agents'],
    // Web navigation is not a robot's.
    ['Agent-E: From Autonomous Web Navigation to Foundational Design Principles in Agentic Systems', 'robotics'],
  ])('%s: not in %s', (title, id) => {
    expect(themesOf(title).themes).not.toContain(id);
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
