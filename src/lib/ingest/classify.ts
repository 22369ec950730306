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

/** Where each word stands in a text, so that each term is looked up, not scanned for. */
class WordIndex {
  readonly words: readonly string[];
  private readonly positions = new Map<string, number[]>();
  /** The distinct words in code-unit order: the words starting with a prefix are one run of it. */
  private readonly sorted: string[];

  constructor(words: readonly string[]) {
    this.words = words;
    words.forEach((word, position) => {
      const list = this.positions.get(word);
      if (list) list.push(position);
      else this.positions.set(word, [position]);
    });
    this.sorted = [...this.positions.keys()].sort();
  }

  /** Positions where a word equal to `token` (or, with `prefix`, starting with it) stands. */
  private starts(token: string, prefix: boolean): number[] {
    if (!prefix) return this.positions.get(token) ?? [];
    const found: number[] = [];
    for (let i = this.firstNotBefore(token); i < this.sorted.length && this.sorted[i]!.startsWith(token); i++) {
      found.push(...this.positions.get(this.sorted[i]!)!);
    }
    return found;
  }

  /** Index of the first distinct word that is not before `token` (binary search). */
  private firstNotBefore(token: string): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.sorted[middle]! < token) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  occurrences({ tokens, prefix }: CompiledTerm): number {
    const last = tokens.length - 1;
    const [first] = tokens as [string];
    const starts = this.starts(first, prefix && last === 0);
    if (last === 0) return starts.length;
    return starts.filter((start) =>
      tokens.every((token, offset) => {
        const word = this.words[start + offset];
        return word !== undefined && (offset === last && prefix ? word.startsWith(token) : word === token);
      }),
    ).length;
  }
}

export function classifyPaper(paper: Pick<Paper, 'title' | 'abstract'>, matchers: readonly ThemeMatcher[]): Classification {
  const title = new WordIndex(words(paper.title));
  const abstract = new WordIndex(words(paper.abstract));
  const scored = matchers.flatMap(({ theme, terms }, order) => {
    let score = 0;
    const matched: string[] = [];
    for (const term of terms) {
      const termScore = (title.occurrences(term) > 0 ? TITLE_WEIGHT : 0) + Math.min(abstract.occurrences(term), ABSTRACT_CAP);
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
