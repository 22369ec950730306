import { isAscii, words } from './normalise.ts';
import { UNSORTED_THEME_ID } from './themes.ts';
import type { Classification, Paper, Theme } from './types.ts';

/**
 * Scoring, documented in docs/themes.md: a term found in the title or in one of the
 * paper's keywords scores TITLE_WEIGHT (once, wherever it is found); each occurrence
 * in the abstract scores 1, at most ABSTRACT_CAP per term. A theme applies from
 * MIN_SCORE on.
 */
export const TITLE_WEIGHT = 3;
export const ABSTRACT_CAP = 3;
export const MIN_SCORE = 3;

/**
 * A term found in more than COMMON_SHARE of the list's papers tells them apart less (in a list
 * about language models, most abstracts mention LLMs): each mention of it in an abstract is multiplied
 * by (COMMON_SHARE / its share)², so a term in half the papers counts 0.44, in two thirds a quarter.
 * Squared, so that the weight falls fast: from a share of about 58% on, three abstract mentions cannot
 * select a paper alone (3 × weight < MIN_SCORE). A term in the title or a keyword keeps its full
 * TITLE_WEIGHT: a title says what the paper is about, however common its words are in the list. The
 * share is of at least FEWEST_COUNTED papers: in a short list, where any term is in a large share,
 * only a term in more than 20 papers counts less.
 */
export const COMMON_SHARE = 1 / 3;
export const FEWEST_COUNTED = 60;

interface CompiledTerm {
  term: string;
  tokens: string[];
  /** `agent*` matches any word starting with `agent` in its last position. */
  prefix: boolean;
}

/** The terms of every theme, indexed so that a text is read once, each word looked up. */
export interface ThemeMatcher {
  /** Each theme but unsorted, with the numbers of its terms and of its exclude terms. */
  themes: { theme: Theme; terms: number[]; exclude: number[] }[];
  terms: CompiledTerm[];
  /** The terms a word can start (multi-word terms still to be checked), by word; filled as words are met. */
  startsOf(word: string): readonly number[];
  /**
   * In lowercase ASCII text, the words that start some term (`startsOf` not empty), found
   * by the regular expression engine without splitting the text into words: most words
   * start none, and splitting was most of the time a list of thousands of papers took.
   */
  termStarts: RegExp;
  /** The most words a term has. */
  longestTerm: number;
}

export function compileThemes(themes: readonly Theme[]): ThemeMatcher {
  const terms: CompiledTerm[] = [];
  const compile = (list: readonly string[]) =>
    list.flatMap((term) => {
      const tokens = words(term);
      return tokens.length === 0 ? [] : [terms.push({ term, tokens, prefix: term.endsWith('*') }) - 1];
    });
  const compiled = themes.filter((theme) => theme.id !== UNSORTED_THEME_ID).map((theme) => ({ theme, terms: compile(theme.terms), exclude: compile(theme.exclude) }));
  // A list's words repeat from paper to paper: each distinct word is matched against the terms once.
  const known = new Map<string, number[]>();
  const startsOf = (word: string) => {
    let found = known.get(word);
    if (found === undefined) {
      found = terms.flatMap(({ tokens, prefix }, number) => {
        const oneWordPrefix = prefix && tokens.length === 1;
        return (oneWordPrefix ? word.startsWith(tokens[0]!) : word === tokens[0]) ? [number] : [];
      });
      known.set(word, found);
    }
    return found;
  };
  const firstWords = (prefix: boolean) =>
    [...new Set(terms.filter((term) => (term.prefix && term.tokens.length === 1) === prefix).map(({ tokens }) => tokens[0]!.replace(/[^a-z0-9]/g, '\\$&')))].join('|');
  // A whole word a term starts with, or the start of a word a one-word `prefix*` term matches;
  // `(?!)` (never) stands in for an empty list. Only ASCII words can match ASCII text.
  const termStarts = new RegExp(`(?<![a-z0-9])(?:(?:${firstWords(false) || '(?!)'})(?![a-z0-9])|(?:${firstWords(true) || '(?!)'}))`, 'g');
  return { themes: compiled, terms, startsOf, termStarts, longestTerm: Math.max(0, ...terms.map(({ tokens }) => tokens.length)) };
}

const ASCII_WORD = /[a-z0-9]+/g;

/** How many times each term occurs in `text` (by term number). */
function occurrences(text: string, matcher: ThemeMatcher): Int32Array {
  const counts = new Int32Array(matcher.terms.length);
  /** Counts the terms that start at the first of `following`, the words from one position of the text on. */
  const countAt = (following: readonly string[], from = 0) => {
    for (const number of matcher.startsOf(following[from]!)) {
      const { tokens, prefix } = matcher.terms[number]!;
      const last = tokens.length - 1;
      const matches = tokens.every((token, offset) => {
        const at = following[from + offset];
        return at !== undefined && (offset === last && prefix ? at.startsWith(token) : at === token);
      });
      if (matches) counts[number]!++;
    }
  };
  // The same words as `words` gives for ASCII text: lowercase runs of letters and digits.
  if (isAscii(text)) {
    const lower = text.toLowerCase();
    const { termStarts, longestTerm } = matcher;
    // Read to the end: a global expression's search starts over once it finds nothing more.
    for (let start = termStarts.exec(lower); start; start = termStarts.exec(lower)) {
      const following: string[] = [];
      ASCII_WORD.lastIndex = start.index;
      for (let word = ASCII_WORD.exec(lower); word && following.length < longestTerm; word = ASCII_WORD.exec(lower)) following.push(word[0]);
      countAt(following);
    }
    return counts;
  }
  const textWords = words(text);
  textWords.forEach((_, start) => countAt(textWords, start));
  return counts;
}

/**
 * Where a paper holds each term it holds, by term number, in increasing order: whether in its title or
 * one of its keywords, and how many times in its abstract. Depends on the paper's text and the themes
 * file only (the ingest cache keeps it); `classifyMatches` weighs it against the rest of the list.
 */
export type TermMatches = [term: number, inTitle: boolean, inAbstract: number][];

export function matchTerms(paper: Pick<Paper, 'title' | 'abstract' | 'keywords'>, matcher: ThemeMatcher): TermMatches {
  // A bibliography's keywords say what the paper is about as its title does. Each is read on its own,
  // so that no term runs from one keyword into the next.
  const inTitle = [paper.title, ...(paper.keywords ?? [])].map((text) => occurrences(text, matcher));
  const inAbstract = occurrences(paper.abstract, matcher);
  return matcher.terms.flatMap((_, number) => {
    const titled = inTitle.some((counts) => counts[number]! > 0);
    return titled || inAbstract[number]! > 0 ? [[number, titled, inAbstract[number]!]] : [];
  });
}

/**
 * Each term's weight in hundredths (integers, so that a sum is the same whatever its order): 100,
 * or less for a term found in more than COMMON_SHARE of the papers (counted out of at least FEWEST_COUNTED).
 * Hidden papers are not counted: the shares are of the list the site shows.
 */
function termWeights(list: readonly TermMatches[], hidden: readonly boolean[], matcher: ThemeMatcher): Int32Array {
  const papersWith = new Int32Array(matcher.terms.length);
  const shown = list.filter((_, index) => !hidden[index]);
  for (const matches of shown) for (const [term] of matches) papersWith[term]!++;
  const counted = Math.max(shown.length, FEWEST_COUNTED);
  // A term no paper holds divides by 0: Infinity, then 100.
  return papersWith.map((papers) => Math.min(100, Math.round(100 * ((COMMON_SHARE * counted) / papers) ** 2)));
}

function classifyMatches(matches: TermMatches, matcher: ThemeMatcher, weights: Int32Array): Classification {
  // A title (or keyword) says what the paper is about, however common its words are in the list: only
  // abstract mentions, which a paper makes in passing, count less for a common term.
  const found = new Map(matches.map(([term, inTitle, inAbstract]) => [term, (inTitle ? TITLE_WEIGHT * 100 : 0) + Math.min(inAbstract, ABSTRACT_CAP) * weights[term]!]));
  const scored = matcher.themes.flatMap(({ theme, terms, exclude }, order) => {
    if (exclude.some((term) => found.has(term))) return [];
    let score = 0;
    const matched: string[] = [];
    for (const number of terms) {
      const termScore = found.get(number);
      if (termScore === undefined) continue;
      matched.push(matcher.terms[number]!.term);
      score += termScore;
    }
    return score >= MIN_SCORE * 100 ? [{ id: theme.id, score, order, matched }] : [];
  });
  if (scored.length === 0) return { themes: [UNSORTED_THEME_ID], mainTheme: UNSORTED_THEME_ID, matchedTerms: {} };
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  const [main] = scored as [(typeof scored)[number]];
  return {
    themes: scored.map((theme) => theme.id),
    mainTheme: main.id,
    matchedTerms: Object.fromEntries(scored.map((theme) => [theme.id, theme.matched])),
  };
}

/** A term that counts less in this list, and its weight (1 is full). */
export interface CommonTerm {
  term: string;
  weight: number;
}

/**
 * The papers of a list classified together (by their `matchTerms`), each term's abstract mentions weighed
 * by the share of the papers holding it; and the terms that count less, most common first, for ingest to
 * report. `hidden[i]` says paper i is hidden from the site: it is classified, and left out of the shares.
 */
export function classifyList(list: readonly TermMatches[], matcher: ThemeMatcher, hidden: readonly boolean[] = []): { classifications: Classification[]; common: CommonTerm[] } {
  const weights = termWeights(list, hidden, matcher);
  // Exclude terms are counted too, but have no weight to lower; a term of two themes is told once.
  const common = new Map<string, CommonTerm>();
  for (const number of matcher.themes.flatMap(({ terms }) => terms)) {
    const { term } = matcher.terms[number]!;
    if (weights[number]! < 100 && !common.has(term)) common.set(term, { term, weight: weights[number]! / 100 });
  }
  return { classifications: list.map((matches) => classifyMatches(matches, matcher, weights)), common: [...common.values()].sort((a, b) => a.weight - b.weight) };
}
