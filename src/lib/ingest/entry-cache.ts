/**
 * What the last ingest produced, so that a run with nothing changed does not
 * serialise every entry again only to find it equal (most of a re-run's time at
 * 10,000 papers). Kept in content/.ingest-cache.json, not in version control:
 *
 *   { "code": <hash of the ingest modules>, "entries": { <entry path>: <fingerprint> } }
 *
 * A fingerprint covers the paper as ingest computed it and the entry's text as
 * written; any change to either (a listing, the themes, a hand edit) or to the
 * ingest code means the entry is serialised and compared again, as without a cache.
 */
import { createHash } from 'node:crypto';
import type { ClassifiedPaper } from './types.ts';

export const ENTRY_CACHE_FILE = '.ingest-cache.json';

export function entryFingerprint(paper: ClassifiedPaper, entryText: string): string {
  return createHash('sha256').update(JSON.stringify(paper)).update('\0').update(entryText).digest('base64url');
}

/** The fingerprints a cache file holds, or none when it is missing, unreadable or from other code. */
export function readEntryCache(text: string | undefined, code: string): Map<string, string> {
  if (text === undefined) return new Map();
  try {
    const cache = JSON.parse(text) as { code?: unknown; entries?: unknown };
    if (cache.code !== code || typeof cache.entries !== 'object' || cache.entries === null) return new Map();
    return new Map(Object.entries(cache.entries).filter((pair): pair is [string, string] => typeof pair[1] === 'string'));
  } catch {
    return new Map();
  }
}

/** The cache file's text: keys sorted, so the same entries give the same bytes. */
export function writeEntryCache(code: string, fingerprints: ReadonlyMap<string, string>): string {
  const entries = Object.fromEntries([...fingerprints].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ code, entries })}\n`;
}
