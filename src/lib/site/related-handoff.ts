/**
 * Related papers are the one computation of the build that needs every paper at once
 * (over a second at 10,000 papers). src/integrations/related-papers.ts starts it on a
 * worker thread as soon as `astro build` starts, from the entry files, while Astro loads
 * the content and bundles the site on the main thread; the pages then take the result
 * here, once they have checked that it was computed from the very titles and abstracts
 * they show. Anything else (no worker, as in `astro dev`; a worker that failed; entries
 * read differently) and they compute it themselves: the result is the same, only later.
 */
import { hash } from 'node:crypto';
import { relatedDocuments, type RelatedDocument, type RelatedMatch, type RelatedOptions } from './related.ts';

/** How many related papers a paper page lists at most. */
export const RELATED_LIMIT = 5;

const OPTIONS: RelatedOptions = { limit: RELATED_LIMIT };

/** What the worker hands over. */
export interface HandedRelated {
  /** `relatedDigest` of the documents it read. */
  digest: string;
  related: [string, RelatedMatch[]][];
}

/**
 * Where the integration leaves the worker's result: a global, because the integration and
 * the pages are loaded as two separate copies of the code (the config, and the build's bundle).
 */
export const HANDOFF = Symbol.for('reading-list:related-papers');

type Handoff = Promise<HandedRelated | undefined>;

/** Identifies the documents and options a result was computed from (whatever their order). */
export function relatedDigest(docs: readonly RelatedDocument[]): string {
  const rows = docs.map((doc) => [doc.id, doc.title, doc.text]).sort(([a], [b]) => (a! < b! ? -1 : a! > b! ? 1 : 0));
  return hash('sha1', JSON.stringify([OPTIONS, rows]), 'base64url');
}

/** What the worker computes: the related papers of `docs`, and their digest. */
export function computeRelated(docs: readonly RelatedDocument[]): HandedRelated {
  return { digest: relatedDigest(docs), related: [...relatedDocuments(docs, OPTIONS)] };
}

export function handOver(result: Handoff): void {
  (globalThis as Record<symbol, unknown>)[HANDOFF] = result;
}

/**
 * The related papers of `docs`, best first: the worker's when it read the same documents,
 * else computed here. `warn` hears when a worker's result had to be set aside.
 */
export async function relatedPapers(docs: readonly RelatedDocument[], warn: (message: string) => void): Promise<Map<string, RelatedMatch[]>> {
  const handed = await ((globalThis as Record<symbol, unknown>)[HANDOFF] as Handoff | undefined);
  if (handed?.digest === relatedDigest(docs)) return new Map(handed.related);
  if (handed) warn('related papers: the entries read ahead differ from the content collection; computing them again');
  return relatedDocuments(docs, OPTIONS);
}
