/** Front matter fields ingest writes; any other field in an entry belongs to the user. */
export const GENERATED_FIELDS = [
  'title', 'slug', 'themes', 'mainTheme', 'matchedTerms',
  'authors', 'authorsCount', 'organisation', 'published', 'venue', 'type', 'doi', 'arxiv', 'url',
  'citationKey', 'keywords', 'upvotes', 'sources',
] as const;

/**
 * Generated fields that only a bibliography gives: in the entry of a paper that only listings hold,
 * the value such a field has is the user's (written before bibliographies were read, or by hand) and is kept.
 */
export const SOURCED_FIELDS: ReadonlySet<string> = new Set(['authors', 'venue', 'type', 'doi', 'arxiv', 'url', 'citationKey', 'keywords']);

/** What a user can take over by listing it under `pinned:`: any generated field, and the abstract. */
export const PINNABLE = [...GENERATED_FIELDS, 'abstract'] as const;
export type Pinnable = (typeof PINNABLE)[number];

/** A DOI as entries hold it: `10.<registrant>/<suffix>`, without `https://doi.org/`. */
export const DOI_PATTERN = /^10\.\S+\/\S+$/;

/** An arXiv id as entries hold it, without version: `1503.02531`, `hep-th/9901001`, `math.GT/0309136`. */
export const ARXIV_PATTERN = /^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})$/;

/** An http or https address: pages link to an entry's `url`, so `javascript:` and the like must never get there. */
export function isWebUrl(url: string): boolean {
  return URL.canParse(url) && /^https?:$/.test(new URL(url).protocol);
}
