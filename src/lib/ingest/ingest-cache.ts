/**
 * What the last ingest computed, so that a run with nothing changed does not classify
 * every paper and serialise every entry again only to find them equal (most of a
 * re-run's time at 10,000 papers). Kept in content/.ingest-cache.json, not in version
 * control:
 *
 *   { "code": <hash of the ingest modules>,
 *     "entries": { <entry path>: <fingerprint of the paper and the entry's text> },
 *     "termMatches": { <hash of the themes file, a title, an abstract and keywords>: <the terms found where (classify.ts)> },
 *     "readings": { <entry path>: <what readEntry found in its text (entry-readings.ts)> },
 *     "parses": { <bibliography in seeds/>: <its parse, and the key of the texts it came from (formats/seeds.ts)> } }
 *
 * Any change to what a value was computed from (a listing, the themes file, a hand edit
 * of the entry) or to the ingest code misses the cache, and ingest computes as without one.
 * A paper's themes also depend on the other papers (how common each term is in the list):
 * they are not cached, only what finding the terms in its text gave.
 */
import { hash } from 'node:crypto';
import type { CachedParse } from './formats/seeds.ts';
import type { TermMatches } from './classify.ts';
import type { ClassifiedPaper, Paper } from './types.ts';

export const INGEST_CACHE_FILE = '.ingest-cache.json';

export interface IngestCache {
  /** Entry path -> `entryFingerprint` of the paper and the entry text last written or found equal. */
  entries: ReadonlyMap<string, string>;
  /** `classificationKey` -> the terms the paper holds (`matchTerms`). */
  termMatches: ReadonlyMap<string, TermMatches>;
  /** Entry path -> what `readEntry` found in the entry's text: also the entry as ingest left it, so that a field edited since is told from ingest's own value. */
  readings: ReadonlyMap<string, EntryReading>;
  /** Bibliography file name -> its last parse (a 5,000-entry .bib takes about a second). */
  parses: ReadonlyMap<string, CachedParse>;
}

/** `readEntry`'s result for a text whose hash is `hash`: its front matter and body as positions in that text. */
export interface EntryReading {
  hash: string;
  data: Record<string, unknown>;
  frontmatter: [start: number, end: number];
  body: number;
  /** `hashText` of the abstract line: what ingest wrote there, to tell a user's edit of it from the source's change. */
  abstract: string;
}

// SHA-1 in one call: these keys only tell one run's inputs from another's, and must be cheap at 10,000 papers.
export function entryFingerprint(paper: ClassifiedPaper, entryText: string): string {
  return hash('sha1', `${JSON.stringify(paper)}\0${entryText}`, 'base64url');
}

/** What `matchTerms` depends on: the themes file (`themesHash`, a hash of its text) and the paper's title, abstract and keywords. */
export function classificationKey(themesHash: string, paper: Pick<Paper, 'title' | 'abstract' | 'keywords'>): string {
  return hash('sha1', `${themesHash}\0${JSON.stringify([paper.title, paper.abstract, paper.keywords ?? []])}`, 'base64url');
}

export function hashText(text: string): string {
  return hash('sha1', text, 'base64url');
}

/** A JSON object: not null, not a list. */
export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const isPosition = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

const isTermMatches = (value: unknown): value is TermMatches =>
  Array.isArray(value) &&
  value.every((match) => Array.isArray(match) && match.length === 3 && isPosition(match[0]) && typeof match[1] === 'boolean' && isPosition(match[2]));

const isEntryReading = (value: unknown): value is EntryReading =>
  isRecord(value) &&
  typeof value['hash'] === 'string' &&
  isRecord(value['data']) &&
  Array.isArray(value['frontmatter']) &&
  value['frontmatter'].length === 2 &&
  value['frontmatter'].every(isPosition) &&
  value['frontmatter'][0] <= value['frontmatter'][1] &&
  isPosition(value['body']) &&
  typeof value['abstract'] === 'string';

const isCachedParse = (value: unknown): value is CachedParse =>
  isRecord(value) &&
  typeof value['key'] === 'string' &&
  isRecord(value['parsed']) &&
  typeof value['parsed']['listing'] === 'string' &&
  Array.isArray(value['parsed']['papers']) &&
  Array.isArray(value['parsed']['warnings']);

/** The cache a file holds, or an empty one when it is missing, unreadable or from other code. */
export function readIngestCache(text: string | undefined, code: string): IngestCache {
  const empty: IngestCache = { entries: new Map(), termMatches: new Map(), readings: new Map(), parses: new Map() };
  if (text === undefined) return empty;
  let cache: unknown;
  try {
    cache = JSON.parse(text);
  } catch {
    return empty;
  }
  if (!isRecord(cache) || cache['code'] !== code) return empty;
  const { entries, termMatches, readings, parses } = cache;
  return {
    entries: new Map(isRecord(entries) ? Object.entries(entries).filter((pair): pair is [string, string] => typeof pair[1] === 'string') : []),
    termMatches: new Map(isRecord(termMatches) ? Object.entries(termMatches).filter((pair): pair is [string, TermMatches] => isTermMatches(pair[1])) : []),
    readings: new Map(isRecord(readings) ? Object.entries(readings).filter((pair): pair is [string, EntryReading] => isEntryReading(pair[1])) : []),
    parses: new Map(isRecord(parses) ? Object.entries(parses).filter((pair): pair is [string, CachedParse] => isCachedParse(pair[1])) : []),
  };
}

/**
 * Whether `next` holds just what `previous` held (the same term matches and reading
 * objects): then its text need not be built again to find it unchanged (about 50 ms at
 * 10,000 papers).
 */
export function sameIngestCache(previous: IngestCache, next: IngestCache): boolean {
  const same = <T>(before: ReadonlyMap<string, T>, after: ReadonlyMap<string, T>) =>
    before.size === after.size && [...after].every(([key, value]) => before.get(key) === value);
  return same(previous.entries, next.entries) && same(previous.termMatches, next.termMatches) && same(previous.readings, next.readings) && same(previous.parses, next.parses);
}

/** The cache file's text: keys sorted, so the same cache gives the same bytes. */
export function writeIngestCache(code: string, cache: IngestCache): string {
  const sorted = <T>(map: ReadonlyMap<string, T>) => Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ code, entries: sorted(cache.entries), termMatches: sorted(cache.termMatches), readings: sorted(cache.readings), parses: sorted(cache.parses) })}\n`;
}
