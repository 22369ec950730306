/**
 * What the offline build's search and "My list" read. Pages opened from disk cannot
 * fetch, so the data ships as a classic script at the site root that sets one global.
 * Browser-safe: the build script writes it, the page scripts read it.
 */
import { displayName } from '../site/csl.ts';
import type { PageRecord } from './page-record.ts';

export const OFFLINE_DATA_FILE = 'offline-data.js';
const GLOBAL_NAME = 'readingListOffline';

export interface OfflineTheme {
  id: string;
  title: string;
}

export interface OfflinePaper {
  slug: string;
  title: string;
  abstract: string;
  /** As a page shows them (`Given Family`), in order; searched as the title and abstract are. */
  authors: string[];
  /** Theme ids, main theme first. */
  themes: string[];
  /** As the listing wrote it ("Mar 3, 2025", "Mar 27"), or null. */
  published: string | null;
  /** ISO date (`2025-03-03`), the sort key; null when the year is unknown. */
  date: string | null;
  upvotes: number | null;
  /** What Pagefind records of the paper's page (its searched text, filters, sort keys, meta): searched as the hosted site searches it. */
  record: PageRecord;
}

export interface OfflineData {
  themes: OfflineTheme[];
  papers: OfflinePaper[];
}

/** The part of the site's /papers.json the offline data is made of. */
export interface PapersJson {
  themes: { id: string; title: string }[];
  papers: {
    slug: string;
    title: string;
    abstract: string;
    /** `Family, Given` or literal names, null when unknown. */
    authors: string[] | null;
    themes: string[];
    published: { text: string; date: string | null } | null;
    upvotes: number | null;
  }[];
}

/** `records`: each paper's page record by slug (see page-record.ts); a paper without one is an error. */
export function toOfflineData(json: PapersJson, records: ReadonlyMap<string, PageRecord>): OfflineData {
  const recordOf = (slug: string) => records.get(slug) ?? fail(`no page was built for the paper ${slug}`);
  return {
    themes: json.themes.map(({ id, title }) => ({ id, title })),
    papers: json.papers.map(({ slug, title, abstract, authors, themes, published, upvotes }) => ({
      slug,
      title,
      abstract,
      authors: (authors ?? []).map(displayName),
      themes,
      published: published?.text ?? null,
      date: published?.date ?? null,
      upvotes,
      record: recordOf(slug),
    })),
  };
}

function fail(message: string): never {
  throw new Error(message);
}

/** The script's source. JSON is valid JavaScript (U+2028 included since ES2019), and the file is never inlined into HTML. */
export function offlineDataScript(data: OfflineData): string {
  return `self.${GLOBAL_NAME} = ${JSON.stringify(data)};\n`;
}

/** The data set by the script, if the page loaded it. */
export function loadedOfflineData(): OfflineData | undefined {
  return (globalThis as Record<string, unknown>)[GLOBAL_NAME] as OfflineData | undefined;
}
