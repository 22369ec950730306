import { compareDatesDesc, type Published } from './dates.ts';

/** The part of a paper entry the site utilities need (structurally matches `CollectionEntry<'papers'>`). */
export interface PaperLike {
  id: string;
  data: {
    title: string;
    published?: Published;
    upvotes?: number;
    /** The curator's, 1 to 5 (src/lib/curator.ts). */
    rating?: number;
    themes: { id: string }[];
    /** `hidden: true`: a listed paper the user excluded; its entry stays, the site shows it nowhere. */
    hidden?: boolean;
  };
}

/** The papers the site shows: all but those whose entry says `hidden: true`. */
export function shownPapers<T extends PaperLike>(papers: readonly T[]): T[] {
  return papers.filter((paper) => paper.data.hidden !== true);
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Titles and names as a reader orders them: case and accents ignored, numbers by value. */
export const compareNames: (a: string, b: string) => number = collator.compare;

/** By slug: the tie-break that makes an order independent of input order. */
export function compareIds(a: PaperLike, b: PaperLike): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Newest first, undated last, then by title, then by slug. */
export function comparePapers(a: PaperLike, b: PaperLike): number {
  return compareDatesDesc(a.data.published, b.data.published) || compareNames(a.data.title, b.data.title) || compareIds(a, b);
}

/** A sorted copy (see `comparePapers`). */
export function sortPapers<T extends PaperLike>(papers: readonly T[]): T[] {
  return [...papers].sort(comparePapers);
}

export function papersInTheme<T extends PaperLike>(papers: readonly T[], themeId: string): T[] {
  return papers.filter((paper) => paper.data.themes.some((theme) => theme.id === themeId));
}

/** Number of papers per theme id (a paper counts once in each of its themes). */
export function countByTheme(papers: readonly PaperLike[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const paper of papers) {
    for (const id of new Set(paper.data.themes.map((theme) => theme.id))) {
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  return counts;
}

/** "1 paper", "3 papers". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** The part of a theme entry needed to order themes. */
export interface ThemeLike {
  id: string;
  data: { title: string; terms: string[] };
}

/**
 * Themes in the order their file lists them (`order`: theme id -> position), which
 * the content layer does not keep. Themes missing from `order` come after, by title,
 * with catch-all themes (no terms, such as `unsorted`) last.
 */
export function sortThemes<T extends ThemeLike>(themes: readonly T[], order: ReadonlyMap<string, number> = new Map()): T[] {
  const position = (theme: ThemeLike) => order.get(theme.id) ?? Number.POSITIVE_INFINITY;
  const catchAll = (theme: ThemeLike) => (theme.data.terms.length === 0 ? 1 : 0);
  return [...themes].sort(
    (a, b) =>
      position(a) - position(b) ||
      catchAll(a) - catchAll(b) ||
      collator.compare(a.data.title, b.data.title) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
