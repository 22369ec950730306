import { basename } from 'node:path';
import { isListSegment } from '../ingest/slug.ts';
import { PAPER_SORTS } from './sort.ts';

/**
 * The entry id, and so the page URL, of a paper: its `slug` field, or for a
 * hand-written entry without one, its file name. Never a segment of the papers
 * table's own pages (`/papers/2/`, `/papers/upvotes/`...): such an entry fails the
 * build, naming the file (ingest never gives out those slugs).
 */
export function paperId(entry: string, data: Record<string, unknown>): string {
  const fromField = typeof data['slug'] === 'string';
  const id = fromField ? (data['slug'] as string) : basename(entry).replace(/\.mdx?$/, '');
  if (isListSegment(id)) {
    throw new Error(
      `content/papers/${entry}: its slug "${id}" (${fromField ? 'its slug field' : 'its file name'}) would put it at /papers/${id}/, a page of the ` +
        `papers table (page numbers and ${PAPER_SORTS.join(', ')} are taken); give the entry another \`slug:\``,
    );
  }
  return id;
}
