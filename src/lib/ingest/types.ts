/**
 * Where a paper was read: a file in `seeds/` (its name relative to that folder; `listing` for
 * every format, the name entries have always used), the 1-based line where the paper starts
 * there (a listing's title line, a BibTeX entry's `@`, a RIS `TY`, a CSL-JSON item's `{`), and
 * in a bibliography the paper's citation key (BibTeX key, RIS `ID`, CSL-JSON `id`).
 */
export interface SourceRef {
  listing: string;
  line: number;
  key?: string;
}

/** A date as a listing states it, with how much of it is known. */
export interface PublishedDate {
  /** Verbatim, e.g. `Mar 27` or `Feb 1, 2024`. */
  text: string;
  /** ISO 8601 (`YYYY-MM-DD`); absent when the listing gave no year and none could be resolved. */
  date?: string;
  precision?: 'day' | 'month' | 'year';
  /** Where the year came from: the source itself (a listing or a bibliography), or the listing's declared capture date. */
  yearSource?: 'listing' | 'capture-date';
}

/** One paper exactly as one source file presents it: a listing, or an entry of a bibliography. */
/** What a paper is, as its sources state it: the same fields for one source's record and for the merged paper. */
interface PaperFields {
  title: string;
  abstract: string;
  authorsCount?: number;
  organisation?: string;
  published?: PublishedDate;
  upvotes?: number;
  /** Authors in order, each as `Family, Given` (BibTeX's and Zotero's form), or one literal name (`OpenAI`); NFC. */
  authors?: string[];
  /** Journal, proceedings or book the paper appeared in. */
  venue?: string;
  /**
   * CSL's item type as a bibliography gives it (`article-journal`, `paper-conference`, `chapter`,
   * `book`, `report`, `thesis`, `article` for a preprint...): tells a journal from a conference
   * venue, and picks the export's entry type.
   */
  type?: string;
  /** Without `https://doi.org/`, as written (DOIs compare without case). */
  doi?: string;
  /** arXiv identifier without version: `1503.02531`, `hep-th/9901001`. */
  arxiv?: string;
  url?: string;
  /** The key a bibliography gives the paper (BibTeX key, RIS `ID`, CSL-JSON `id`): kept for exports. */
  citationKey?: string;
  keywords?: string[];
}

export interface ListedPaper extends PaperFields {
  source: SourceRef;
}

/** A problem in the input that a person should look at; never fatal by itself. */
export interface Warning {
  /** The file at fault: a listing's name while parsing, a path once ingest reports it. */
  file: string;
  line: number;
  message: string;
}

/** What one file of `seeds/` gave, whatever its format. */
export interface ParsedListing {
  listing: string;
  papers: ListedPaper[];
  warnings: Warning[];
  /** Title and "abstract" pairs that cannot be a paper (a copied page's navigation), skipped with a warning each. */
  skipped?: number;
}

/** A distinct paper after merging every source that holds it (merge.ts). */
export interface Paper extends PaperFields {
  /**
   * Unique per paper in one run: its title's `titleKey`, followed by its DOI or arXiv id when an earlier
   * paper has that title key (`mergeGroups`). Ingest keys slugs by it; entries are found by `matchEntries`.
   */
  key: string;
  sources: SourceRef[];
}

export interface Theme {
  id: string;
  title: string;
  description: string;
  terms: string[];
  /** Terms that keep a paper out of the theme, whatever its terms score. */
  exclude: string[];
}

export interface Classification {
  /** Theme ids, main theme first. */
  themes: string[];
  mainTheme: string;
  /** For each theme the paper is in, the terms that put it there. */
  matchedTerms: Record<string, string[]>;
}

export type ClassifiedPaper = Paper & Classification & { slug: string };
