/**
 * What the offline build's search and "My list" read. Pages opened from disk cannot
 * fetch, so the data ships as a classic script at the site root that sets one global.
 * Browser-safe: the build script writes it, the page scripts read it.
 */
import { displayName } from '../site/csl.ts';
import { compactCuration, type CurationLike } from '../site/curation.ts';
import type { Status } from '../site/reading-state.ts';

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
  /** The curator's fields, when the curator said anything (curator part of issue 19, shown on My list). */
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
    abstract: string;
    /** `Family, Given` or literal names, null when unknown. */
    authors: string[] | null;
    themes: string[];
    published: { text: string; date: string | null } | null;
    upvotes: number | null;
    /** The curator's (curator part of issue 19): read only for My list. */
    tags?: string[];
    rating?: number | null;
    status?: Status | null;
    pick?: boolean;
  }[];
}

export function toOfflineData(json: PapersJson): OfflineData {
  return {
    themes: json.themes.map(({ id, title }) => ({ id, title })),
    papers: json.papers.map(({ slug, title, abstract, authors, themes, published, upvotes, ...curator }) => {
      const curation = compactCuration(curator);
      return {
        slug,
        title,
        abstract,
        authors: (authors ?? []).map(displayName),
        themes,
        published: published?.text ?? null,
        date: published?.date ?? null,
        upvotes,
        ...(curation ? { curation } : {}),
      };
    }),
  };
}

/** The script's source. JSON is valid JavaScript (U+2028 included since ES2019), and the file is never inlined into HTML. */
export function offlineDataScript(data: OfflineData): string {
  return `self.${GLOBAL_NAME} = ${JSON.stringify(data)};\n`;
}

/** The data set by the script, if the page loaded it. */
export function loadedOfflineData(): OfflineData | undefined {
  return (globalThis as Record<string, unknown>)[GLOBAL_NAME] as OfflineData | undefined;
}
