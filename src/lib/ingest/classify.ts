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

export interface ThemeMatcher {
  theme: Theme;
  terms: CompiledTerm[];
}

export function compileThemes(themes: readonly Theme[]): ThemeMatcher[] {
  return themes
    .filter((theme) => theme.id !== UNSORTED_THEME_ID)
    .map((theme) => ({
      theme,
      terms: theme.terms
        .map((term) => ({ term, tokens: words(term), prefix: term.endsWith('*') }))
        .filter((compiled) => compiled.tokens.length > 0),
    }));
}

function occurrences(haystack: readonly string[], { tokens, prefix }: CompiledTerm): number {
  let count = 0;
  const last = tokens.length - 1;
  for (let start = 0; start + last < haystack.length; start++) {
    let matches = true;
    for (let offset = 0; offset <= last && matches; offset++) {
      const word = haystack[start + offset] as string;
      const wanted = tokens[offset] as string;
      matches = offset === last && prefix ? word.startsWith(wanted) : word === wanted;
    }
    if (matches) count++;
  }
  return count;
}

export function classifyPaper(paper: Pick<Paper, 'title' | 'abstract'>, matchers: readonly ThemeMatcher[]): Classification {
  const titleWords = words(paper.title);
  const abstractWords = words(paper.abstract);
  const scored = matchers.flatMap(({ theme, terms }, order) => {
    let score = 0;
    const matched: string[] = [];
    for (const term of terms) {
      const termScore = (occurrences(titleWords, term) > 0 ? TITLE_WEIGHT : 0) + Math.min(occurrences(abstractWords, term), ABSTRACT_CAP);
      if (termScore > 0) matched.push(term.term);
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
