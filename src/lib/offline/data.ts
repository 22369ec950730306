/**
 * What the offline build's search and "My list" read. Pages opened from disk cannot
 * fetch, so the data ships as a classic script at the site root that sets one global.
 * Browser-safe: the build script writes it, the page scripts read it.
 */
import { compactCuration, type CurationLike } from '../site/curation.ts';
import type { Status } from '../site/reading-state.ts';
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
  /** Theme ids, main theme first (My list). */
  themes: string[];
  /** What Pagefind records of the paper's page (its searched text, filters, sort keys, meta): searched as the hosted site searches it. */
  record: PageRecord;
  /** The curator's fields, when the curator said anything (shown on My list). */
  curation?: CurationLike;
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
    themes: string[];
    /** The curator's: read only for My list. */
    tags?: string[];
    rating?: number | null;
    status?: Status | null;
    pick?: boolean;
  }[];
}

/** `records`: each paper's page record by slug (see page-record.ts); a paper without one is an error. */
export function toOfflineData(json: PapersJson, records: ReadonlyMap<string, PageRecord>): OfflineData {
  const recordOf = (slug: string) => records.get(slug) ?? fail(`no page was built for the paper ${slug}`);
  return {
    themes: json.themes.map(({ id, title }) => ({ id, title })),
    papers: json.papers.map(({ slug, title, themes, ...curator }) => {
      const curation = compactCuration(curator);
      return { slug, title, themes, record: recordOf(slug), ...(curation ? { curation } : {}) };
    }),
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
