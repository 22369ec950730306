/** Reads the site's inputs (content/) the way the tests need them: what the build should produce. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { scanEntries } from '../../src/lib/ingest/entry-store.ts';
import { parseThemes } from '../../src/lib/ingest/themes.ts';
import type { Theme } from '../../src/lib/ingest/types.ts';
import { listSorts, type PaperSort } from '../../src/lib/site/sort.ts';

export interface PaperEntry {
  /** Path relative to the repository, e.g. `content/papers/skills/slim-....md`. */
  file: string;
  slug: string;
  title: string;
  themes: string[];
  mainTheme: string;
  /** The MDX after the frontmatter (the abstract). */
  body: string;
  /** `published.date` (ISO, only when the year is known). */
  date?: string;
  upvotes?: number;
  /** The curator's `rating`, when the entry has one. */
  rating?: number;
}

/** Every paper entry under content/papers (one per .md or .mdx file), sorted by file. */
export async function readPaperEntries(repoRoot: string): Promise<PaperEntry[]> {
  const entries = await scanEntries(join(repoRoot, 'content', 'papers'));
  return entries.map(({ path, entry: { data, body } }) => {
    const file = `content/papers/${path}`;
    const { slug, title, mainTheme, themes } = data;
    if (typeof slug !== 'string' || typeof title !== 'string' || typeof mainTheme !== 'string' || !Array.isArray(themes)) {
      throw new Error(`${file}: frontmatter lacks slug, title, mainTheme or themes`);
    }
    const published = data.published as { date?: unknown } | undefined;
    const date = typeof published?.date === 'string' ? published.date : undefined;
    const upvotes = typeof data.upvotes === 'number' ? data.upvotes : undefined;
    const rating = typeof data.rating === 'number' ? data.rating : undefined;
    return { file, slug, title, mainTheme, themes: themes.map(String), body, date, upvotes, rating };
  });
}

/** The orders the site offers a list of these papers in (`listSorts`: by rating only when one is rated). */
export function sortsOffered(papers: readonly PaperEntry[]): PaperSort[] {
  return listSorts(papers.map((paper) => ({ id: paper.slug, data: { title: paper.title, rating: paper.rating, themes: [] } })));
}

/** content/themes.yaml, in the file's order. */
export async function readThemes(repoRoot: string): Promise<Theme[]> {
  return parseThemes(await readFile(join(repoRoot, 'content', 'themes.yaml'), 'utf8'), 'content/themes.yaml').themes;
}

/** Collapses runs of whitespace the way a browser renders text. */
export function normaliseText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[a-z]+/g) ?? [];
}

/**
 * A paper and a word of its title that no other entry uses (in its title or
 * abstract), and that no other entry's word starts with: searching for it must
 * find that paper among very few results. The first such paper by slug.
 */
export function pickSearchTarget(papers: PaperEntry[]): { paper: PaperEntry; word: string } {
  const wordsByPaper = new Map(papers.map((paper) => [paper, new Set(wordsOf(`${paper.title} ${paper.body}`))]));
  const bySlug = [...papers].sort((a, b) => (a.slug < b.slug ? -1 : 1));
  for (const paper of bySlug) {
    const otherWords = [...wordsByPaper].filter(([other]) => other !== paper).flatMap(([, words]) => [...words]);
    const word = wordsOf(paper.title).find(
      (candidate) => candidate.length >= 7 && !otherWords.some((other) => other.startsWith(candidate)),
    );
    if (word) return { paper, word };
  }
  throw new Error('no paper has a title word that is unique to it');
}
