/**
 * The curator's fields (src/lib/curator.ts) as the site shows them: in words, as stars,
 * as tag pages. Pure and browser-safe: pages, feeds and the reading-track script share it.
 */
import { compareNames } from './papers.ts';
import { STATUS_LABELS, type Status } from './reading-state.ts';

export const MAX_RATING = 5;

/** The curator's fields of a paper, as the collection, papers.json or a compact index hold them (absent or null = not said). */
export interface CurationLike {
  tags?: readonly string[] | undefined;
  rating?: number | null | undefined;
  status?: Status | null | undefined;
  pick?: boolean | undefined;
}

/** Whether the curator said anything about a paper. */
export function isCurated(curation: CurationLike): boolean {
  return (curation.tags?.length ?? 0) > 0 || curation.rating != null || curation.status != null || curation.pick === true;
}

/** One thing the curator said, in the order a reader meets them: "Read", "★★★★☆", "Curator's pick". */
export type CuratorMark =
  | { kind: 'status'; text: string }
  | { kind: 'rating'; stars: string; text: string }
  | { kind: 'pick'; text: string };

/** A rating in words: "Rated 4 of 5". */
export const ratingText = (rating: number): string => `Rated ${rating} of ${MAX_RATING}`;

export function curatorMarks(curation: CurationLike): CuratorMark[] {
  const marks: CuratorMark[] = [];
  if (curation.status) marks.push({ kind: 'status', text: STATUS_LABELS[curation.status] });
  if (curation.rating != null) {
    const stars = '★'.repeat(curation.rating) + '☆'.repeat(MAX_RATING - curation.rating);
    marks.push({ kind: 'rating', stars, text: ratingText(curation.rating) });
  }
  if (curation.pick) marks.push({ kind: 'pick', text: "Curator's pick" });
  return marks;
}

/** What the curator said in words, on one line (a feed item's description starts with it): "Curator: Read · Rated 4 of 5 · Curator's pick"; empty for nothing. */
export function curatorLine(curation: CurationLike): string {
  const marks = curatorMarks(curation).map((mark) => mark.text);
  return marks.length > 0 ? `Curator: ${marks.join(' · ')}` : '';
}

/** What a compact index (my-list/papers.json) keeps of a paper's curation: only what was said; undefined for nothing. */
export function compactCuration({ tags, rating, status, pick }: CurationLike): CurationLike | undefined {
  const compact: CurationLike = {
    ...(tags?.length ? { tags } : {}),
    ...(rating != null ? { rating } : {}),
    ...(status ? { status } : {}),
    ...(pick ? { pick } : {}),
  };
  return isCurated(compact) ? compact : undefined;
}

interface TaggedPaper {
  data: { tags?: readonly string[] };
}

/** Every tag the papers carry and how many papers carry it, the most used first, then A to Z. */
export function tagCounts(papers: readonly TaggedPaper[]): { tag: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const paper of papers) for (const tag of new Set(paper.data.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || compareNames(a.tag, b.tag) || (a.tag < b.tag ? -1 : 1));
}

export function papersWithTag<T extends TaggedPaper>(papers: readonly T[], tag: string): T[] {
  return papers.filter((paper) => paper.data.tags?.includes(tag));
}

/** The papers the curator recommends (`pick: true`): the home page's "Curator's picks" and /picks/. */
export function curatorPicks<T extends { data: { pick?: boolean } }>(papers: readonly T[]): T[] {
  return papers.filter((paper) => paper.data.pick);
}
