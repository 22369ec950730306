import { titleKey } from './normalise.ts';
import type { ListedPaper, Paper, PublishedDate } from './types.ts';

/**
 * Merges the papers of every listing into distinct papers, in order of first appearance.
 *
 * Rules, so that the result does not depend on which listing is read first:
 * - the title is the first listed spelling;
 * - the abstract is the longest one (listings truncate, they do not pad); on equal
 *   length the first listed wins;
 * - every other field takes the richest value: the most precise date, the highest
 *   upvote count (the latest snapshot), the first author count and organisation given;
 * - every source is kept.
 */
export function mergePapers(listed: readonly ListedPaper[]): Paper[] {
  const byKey = new Map<string, Paper>();
  for (const paper of listed) {
    const key = titleKey(paper.title);
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, {
        key,
        title: paper.title,
        abstract: paper.abstract,
        sources: [paper.source],
        ...(paper.authorsCount !== undefined && { authorsCount: paper.authorsCount }),
        ...(paper.organisation !== undefined && { organisation: paper.organisation }),
        ...(paper.published !== undefined && { published: paper.published }),
        ...(paper.upvotes !== undefined && { upvotes: paper.upvotes }),
      });
      continue;
    }
    seen.sources.push(paper.source);
    if (paper.abstract.length > seen.abstract.length) seen.abstract = paper.abstract;
    seen.authorsCount ??= paper.authorsCount;
    seen.organisation ??= paper.organisation;
    if (paper.published && precisionRank(paper.published) > precisionRank(seen.published)) seen.published = paper.published;
    if (paper.upvotes !== undefined && paper.upvotes > (seen.upvotes ?? -1)) seen.upvotes = paper.upvotes;
  }
  return [...byKey.values()].map(dropUndefined);
}

function precisionRank(published: PublishedDate | undefined): number {
  if (!published) return 0;
  if (!published.date) return 1;
  return published.yearSource === 'listing' ? 3 : 2;
}

function dropUndefined(paper: Paper): Paper {
  return Object.fromEntries(Object.entries(paper).filter(([, value]) => value !== undefined)) as unknown as Paper;
}
