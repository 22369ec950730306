/** Where a paper was read: a listing file (name relative to `seeds/`) and the 1-based line of its title. */
export interface SourceRef {
  listing: string;
  line: number;
}

/** A date as a listing states it, with how much of it is known. */
export interface PublishedDate {
  /** Verbatim, e.g. `Mar 27` or `Feb 1, 2024`. */
  text: string;
  /** ISO 8601 (`YYYY-MM-DD`); absent when the listing gave no year and none could be resolved. */
  date?: string;
  precision?: 'day' | 'month' | 'year';
  /** Where the year came from: the listing itself, or the listing's declared capture date. */
  yearSource?: 'listing' | 'capture-date';
}

/** One paper exactly as one listing presents it. */
export interface ListedPaper {
  title: string;
  abstract: string;
  source: SourceRef;
  authorsCount?: number;
  organisation?: string;
  published?: PublishedDate;
  upvotes?: number;
}

/** A problem in the input that a person should look at; never fatal by itself. */
export interface Warning {
  /** The file at fault: a listing's name while parsing, a path once ingest reports it. */
  file: string;
  line: number;
  message: string;
}

export interface ParsedListing {
  listing: string;
  papers: ListedPaper[];
  warnings: Warning[];
}

/** A distinct paper after merging every listing that mentions it. */
export interface Paper {
  /** Normalised title: what makes two listed papers the same paper. */
  key: string;
  title: string;
  abstract: string;
  sources: SourceRef[];
  authorsCount?: number;
  organisation?: string;
  published?: PublishedDate;
  upvotes?: number;
}

export interface Theme {
  id: string;
  title: string;
  description: string;
  terms: string[];
}

export interface Classification {
  /** Theme ids, main theme first. */
  themes: string[];
  mainTheme: string;
  /** For each theme the paper is in, the terms that put it there. */
  matchedTerms: Record<string, string[]>;
}

export type ClassifiedPaper = Paper & Classification & { slug: string };
