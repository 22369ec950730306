/** Front matter fields ingest writes; any other field in an entry belongs to the user. */
export const GENERATED_FIELDS = [
  'title', 'slug', 'themes', 'mainTheme', 'matchedTerms',
  'authors', 'authorsCount', 'organisation', 'published', 'venue', 'type', 'doi', 'arxiv', 'url',
  'citationKey', 'keywords', 'upvotes', 'sources',
] as const;

/** What a user can take over by listing it under `pinned:`: any generated field, and the abstract. */
export const PINNABLE = [...GENERATED_FIELDS, 'abstract'] as const;
export type Pinnable = (typeof PINNABLE)[number];
