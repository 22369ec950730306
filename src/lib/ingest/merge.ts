import { titleKey, words } from './normalise.ts';
import type { ListedPaper, Paper, PublishedDate, Warning } from './types.ts';

/**
 * Merges the papers of every listing into distinct papers, in order of first appearance
 * (listings are read in file-name order, so the same files give the same result).
 *
 * Rules:
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

/**
 * Listed papers taken for an earlier one whose title differs from its own in case and
 * punctuation only, and whose abstract shares fewer than half its words with that one's:
 * likely two papers, as "C++ Agents" and "C Agents" would be, of which `mergePapers` keeps
 * one abstract. Listings repeat a paper with the same abstract, or nearly (an edit, a cut).
 */
export function doubtfulMerges(listed: readonly ListedPaper[]): Warning[] {
  const first = new Map<string, ListedPaper>();
  const warnings: Warning[] = [];
  for (const paper of listed) {
    const key = titleKey(paper.title);
    const earlier = first.get(key);
    if (!earlier) first.set(key, paper);
    else if (paper.title !== earlier.title && paper.abstract !== '' && earlier.abstract !== '' && wordOverlap(paper.abstract, earlier.abstract) < 0.5) {
      warnings.push({
        file: paper.source.listing,
        line: paper.source.line,
        message: `"${paper.title}" is taken for the paper "${earlier.title}" (${earlier.source.listing}, line ${earlier.source.line}): titles are compared without case and punctuation; their abstracts differ, and only the longer is kept`,
      });
    }
  }
  return warnings;
}

/** Shared words over all words of two texts (Jaccard), 1 for two texts without words. */
function wordOverlap(a: string, b: string): number {
  const [x, y] = [new Set(words(a)), new Set(words(b))];
  const shared = [...x].filter((word) => y.has(word)).length;
  const all = x.size + y.size - shared;
  return all === 0 ? 1 : shared / all;
}

function precisionRank(published: PublishedDate | undefined): number {
  if (!published) return 0;
  if (!published.date) return 1;
  return published.yearSource === 'listing' ? 3 : 2;
}

function dropUndefined(paper: Paper): Paper {
  return Object.fromEntries(Object.entries(paper).filter(([, value]) => value !== undefined)) as unknown as Paper;
}
