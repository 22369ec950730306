/**
 * The forms a word of a text is found by (wordForms): Pagefind 1.6's, as read from indexes it
 * wrote for these words (Node API, `forceLanguage: 'und'`); search-truth.browser.test.ts checks
 * both builds agree on such words.
 */
import { describe, expect, test } from 'vitest';
import { wordForms } from '../../src/lib/site/search-words.ts';

const INDEXED: Record<string, string[]> = {
  // Parts at hyphens and between a lower-case and an upper-case letter.
  'self-improving': ['improving', 'self', 'selfimproving'],
  MetaGPT: ['gpt', 'meta', 'metagpt'],
  SkillDiscovery: ['discovery', 'skill', 'skilldiscovery'],
  iPhone: ['iphone', 'phone'],
  WebRL: ['rl', 'web', 'webrl'],
  // Before the last capital of a run followed by a lower-case letter.
  ABCDef: ['abc', 'abcdef', 'def'],
  'LLaMA-2': ['la', 'llama2', 'ma'],
  // Between letters and digits; no part under 2 bytes (`r`, `1`, `4`, `o`, `x`).
  'DeepSeek-R1': ['deep', 'deepseekr1', 'seek'],
  'GPT-4o': ['gpt', 'gpt4o'],
  'x86-64': ['64', '86', 'x8664'],
  '3D': ['3d'],
  ResNet50: ['50', 'net', 'res', 'resnet50'],
  'Llama3-8B': ['llama', 'llama38b'],
  'foo-x': ['foo', 'foox'],
  // `ü` is 2 bytes of UTF-8, so a part; a digit before a letter without case is no boundary.
  'ü-ber': ['ber', 'u', 'uber'],
  '4日': ['4日'],
  // The rest after each dot, but not a part's run without dots.
  'https://craftjarvis.github.io/SkillDiscovery': [
    'craftjarvis', 'discovery', 'github', 'githubioskilldiscovery', 'https',
    'httpscraftjarvisgithubioskilldiscovery', 'io', 'ioskilldiscovery', 'skill',
  ],
  'Qwen2.5-VL': ['5vl', 'qwen', 'qwen25vl', 'vl'],
  'v1.2.3': ['23', 'v123'],
  'a.i.': ['ai'],
  // Only ASCII punctuation cuts; `_` stays in the whole word; other characters stay in a part.
  'foo’bar': ['foobar', 'foo’bar'],
  'x-🖔é': ['xe', '🖔e'],
  // Each emoji, and nothing else of a word with no letter or digit.
  '🤖🚀✨': ['✨', '🚀', '🤖'],
  'a🤖': ['a', 'a🤖', '🤖'],
  '🤖-🚀': ['🚀', '🤖'],
  '𒍾=\u200Cexport': ['\u200Cexport', '𒍾', '𒍾export'],
  snake_case_word: ['case', 'snake', 'snake_case_word', 'word'],
  'Zürich': ['zurich'],
};

describe('wordForms', () => {
  test.each(Object.entries(INDEXED))('%s is found by Pagefind\'s forms', (word, forms) => {
    expect(wordForms(word).sort()).toEqual(forms);
  });
});
