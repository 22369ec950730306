/**
 * Orders and pages of paper lists (theme pages, /papers/). Pure and typed: the
 * pages and the tests share these functions.
 */
import { compareIds, compareNames, comparePapers, plural, type PaperLike } from './papers.ts';

/** The orders a list of papers can be read in; `date` is the default. */
export const PAPER_SORTS = ['date', 'upvotes', 'rating', 'title'] as const;
export type PaperSort = (typeof PAPER_SORTS)[number];
export const DEFAULT_SORT: PaperSort = 'date';

/**
 * Link text and a short description of each order, and its direction (the
 * `aria-sort` of its column in the /papers/ table).
 */
export const SORT_LABELS: Record<PaperSort, { label: string; description: string; direction: 'ascending' | 'descending' }> = {
  date: { label: 'Date', description: 'newest first', direction: 'descending' },
  upvotes: { label: 'Upvotes', description: 'most upvoted first', direction: 'descending' },
  rating: { label: 'Rating', description: "the curator's best rated first", direction: 'descending' },
  title: { label: 'Title', description: 'A to Z', direction: 'ascending' },
};

/**
 * The orders a list offers: by rating only when the curator rated one of its papers, since
 * otherwise it is the date order again under another name (and a third more pages to build).
 */
export function listSorts(papers: readonly PaperLike[]): PaperSort[] {
  const rated = papers.some((paper) => paper.data.rating !== undefined);
  return PAPER_SORTS.filter((sort) => sort !== 'rating' || rated);
}

export function isPaperSort(value: string): value is PaperSort {
  return (PAPER_SORTS as readonly string[]).includes(value);
}

/** Newest first, undated last, then by title, then by slug (see `comparePapers`). */
export const compareByDate = comparePapers;

/** Most upvotes first, papers without an upvote count last, then in date order. */
export function compareByUpvotes(a: PaperLike, b: PaperLike): number {
  const ua = a.data.upvotes;
  const ub = b.data.upvotes;
  if (ua !== undefined && ub !== undefined && ua !== ub) return ub - ua;
  if (ua !== undefined && ub === undefined) return -1;
  if (ua === undefined && ub !== undefined) return 1;
  return compareByDate(a, b);
}

/** The curator's highest rating first, unrated papers last, then in date order. */
export function compareByRating(a: PaperLike, b: PaperLike): number {
  return (b.data.rating ?? 0) - (a.data.rating ?? 0) || compareByDate(a, b);
}

/** By title (case and accents ignored, numbers by value), then by slug. */
export function compareByTitle(a: PaperLike, b: PaperLike): number {
  return compareNames(a.data.title, b.data.title) || compareIds(a, b);
}

export const COMPARATORS: Record<PaperSort, (a: PaperLike, b: PaperLike) => number> = {
  date: compareByDate,
  upvotes: compareByUpvotes,
  rating: compareByRating,
  title: compareByTitle,
};

/** A sorted copy; the order never depends on the input order. */
export function sortPapersBy<T extends PaperLike>(papers: readonly T[], sort: PaperSort): T[] {
  return [...papers].sort(COMPARATORS[sort]);
}

/** One page of a paginated list. */
export interface Page<T> {
  /** 1-based. */
  number: number;
  /** How many pages the list has (at least 1, even when empty). */
  count: number;
  items: T[];
  /** Position (0-based) of the first item in the whole list. */
  start: number;
}

/** Splits `items` into pages of `size`; an empty list is one empty page. */
export function paginate<T>(items: readonly T[], size: number): Page<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`page size must be a positive integer, got ${size}`);
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    count,
    items: items.slice(i * size, (i + 1) * size),
    start: i * size,
  }));
}

/**
 * The `[...page]` route parameter of a paginated list (a theme, /papers/) for a
 * sort and page number: undefined (date, page 1), `2`, `upvotes`, `upvotes/2`, `title`...
 * These segments sit beside paper slugs under /papers/, so no slug may be one of
 * them (`isListSegment` in src/lib/ingest/slug.ts).
 */
export function listPageParam(sort: PaperSort, page: number): string | undefined {
  const parts = [sort === DEFAULT_SORT ? undefined : sort, page > 1 ? String(page) : undefined].filter(Boolean);
  return parts.length > 0 ? parts.join('/') : undefined;
}

/** One page of a list in one order, as a `[...page]` route renders it. */
export interface ListPage<T> {
  /** Its route parameter (`listPageParam`). */
  param: string | undefined;
  sort: PaperSort;
  page: Page<T>;
}

/** Every page of a list in every order it offers (`listSorts`): the paths a paginated list route generates. */
export function listPages<T extends PaperLike>(papers: readonly T[], size: number): ListPage<T>[] {
  return listSorts(papers).flatMap((sort) =>
    paginate(sortPapersBy(papers, sort), size).map((page) => ({ param: listPageParam(sort, page.number), sort, page })),
  );
}

/** `<title>` of a list page: "Agents", "Agents, by upvotes", "Agents, by upvotes, page 2". */
export function listPageTitle(title: string, sort: PaperSort, page: number): string {
  return [title, sort !== DEFAULT_SORT && `by ${SORT_LABELS[sort].label.toLowerCase()}`, page > 1 && `page ${page}`].filter(Boolean).join(', ');
}

/** "120 papers, most upvoted first; page 2 of 3 (51–100)" (no page part for a single page). */
export function listPageSummary(total: number, sort: PaperSort, page: Page<unknown>): string {
  const where = page.count > 1 ? `; page ${page.number} of ${page.count} (${page.start + 1}–${page.start + page.items.length})` : '';
  return `${plural(total, 'paper')}, ${SORT_LABELS[sort].description}${where}`;
}
