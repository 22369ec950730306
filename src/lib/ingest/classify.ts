import { words } from './normalise.ts';
import { UNSORTED_THEME_ID } from './themes.ts';
import type { Classification, Paper, Theme } from './types.ts';

/**
 * Scoring, documented in the README: a term found in the title scores
 * TITLE_WEIGHT; each occurrence in the abstract scores 1, at most
 * ABSTRACT_CAP per term. A theme applies from MIN_SCORE on.
 */
export const TITLE_WEIGHT = 3;
export const ABSTRACT_CAP = 3;
export const MIN_SCORE = 3;

interface CompiledTerm {
  term: string;
  tokens: string[];
  /** `agent*` matches any word starting with `agent` in its last position. */
  prefix: boolean;
}

/** The terms of every theme, indexed so that a text is read once, each word looked up. */
export interface ThemeMatcher {
  themes: { theme: Theme; terms: number[] }[];
  terms: CompiledTerm[];
  /** The terms a word can start (multi-word terms still to be checked), by word; filled as words are met. */
  startsOf(word: string): readonly number[];
}

export function compileThemes(themes: readonly Theme[]): ThemeMatcher {
  const terms: CompiledTerm[] = [];
  const compiled = themes
    .filter((theme) => theme.id !== UNSORTED_THEME_ID)
    .map((theme) => ({
      theme,
      terms: theme.terms.flatMap((term) => {
        const tokens = words(term);
        return tokens.length === 0 ? [] : [terms.push({ term, tokens, prefix: term.endsWith('*') }) - 1];
      }),
    }));
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
  return { themes: compiled, terms, startsOf };
}

/** How many times each term occurs in `text` (by term number). */
function occurrences(text: string, matcher: ThemeMatcher): Int32Array {
  const counts = new Int32Array(matcher.terms.length);
  const textWords = words(text);
  textWords.forEach((word, start) => {
    for (const number of matcher.startsOf(word)) {
      const { tokens, prefix } = matcher.terms[number]!;
      const last = tokens.length - 1;
      const matches = tokens.every((token, offset) => {
        const at = textWords[start + offset];
        return at !== undefined && (offset === last && prefix ? at.startsWith(token) : at === token);
      });
      if (matches) counts[number]!++;
    }
  });
  return counts;
}

export function classifyPaper(paper: Pick<Paper, 'title' | 'abstract'>, matcher: ThemeMatcher): Classification {
  const inTitle = occurrences(paper.title, matcher);
  const inAbstract = occurrences(paper.abstract, matcher);
  const scored = matcher.themes.flatMap(({ theme, terms }, order) => {
    let score = 0;
    const matched: string[] = [];
    for (const number of terms) {
      const termScore = (inTitle[number]! > 0 ? TITLE_WEIGHT : 0) + Math.min(inAbstract[number]!, ABSTRACT_CAP);
      if (termScore > 0) matched.push(matcher.terms[number]!.term);
      score += termScore;
    }
    return score >= MIN_SCORE ? [{ id: theme.id, score, order, matched }] : [];
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
