/**
 * What `readEntry` found in each entry file, kept in the ingest cache by the file's path
 * with a hash of its text: a run that finds the same text again takes the front matter's
 * data from there instead of parsing it (gray-matter and YAML, a third of a re-run at
 * 10,000 papers). Front matter and body are kept as positions in the text. Only data that
 * JSON carries exactly is kept: an entry whose YAML holds a date, an infinity, an alias or
 * the like is parsed on every run.
 */
import { splitBody } from './body.ts';
import { readEntry, type EntryFile } from './entry.ts';
import { hashText, isRecord, type EntryReading } from './ingest-cache.ts';

export interface EntryReader {
  /** The entry at `path` (relative to the papers folder) whose text is `source`; `file` names it in messages. */
  read(path: string, source: string, file: string): EntryFile;
  /** The file at `path` is gone. */
  forget(path: string): void;
  /** Path -> what was read there, for the next run. */
  readonly readings: ReadonlyMap<string, EntryReading>;
}

/** Reads entries as `parse` does, taking what `previous` holds for a path whose text is unchanged. */
export function entryReader(previous: ReadonlyMap<string, EntryReading>, parse: typeof readEntry = readEntry): EntryReader {
  const readings = new Map<string, EntryReading>();
  return {
    readings,
    read(path, source, file) {
      const hash = hashText(source);
      const known = previous.get(path);
      if (known?.hash === hash) {
        readings.set(path, known);
        return { data: known.data, frontmatter: source.slice(...known.frontmatter), body: source.slice(known.body) };
      }
      const entry = parse(source, file);
      const reading = readingOf(hash, source, entry);
      if (reading) readings.set(path, reading);
      else readings.delete(path);
      return entry;
    },
    forget(path) {
      readings.delete(path);
    },
  };
}

/**
 * The reading of `entry`, read from `source`: undefined when its parts are not pieces of
 * the text or its data is not a mapping of plain JSON.
 */
function readingOf(hash: string, source: string, { data, frontmatter, body }: EntryFile): EntryReading | undefined {
  const start = source.indexOf(frontmatter);
  // gray-matter gives whatever the YAML holds, a list or a string too; the cache keeps mappings only.
  if (start === -1 || !source.endsWith(body) || !isRecord(data as unknown) || !isJsonData(data, new Set())) return undefined;
  return { hash, data, frontmatter: [start, start + frontmatter.length], body: source.length - body.length, abstract: hashText(splitBody(body).abstract) };
}

/**
 * Whether JSON writes `value` and reads it back as the same value. YAML aliases make one
 * object appear in several places, or inside itself: JSON would copy it each time (an
 * alias bomb, a few hundred bytes of YAML, becomes gigabytes), so any object met twice
 * (`seen`) is refused.
 */
function isJsonData(value: unknown, seen: Set<object>): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (typeof value !== 'object' || seen.has(value)) return false;
  seen.add(value);
  if (Array.isArray(value)) return value.every((item) => isJsonData(item, seen));
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.entries(value).every(([key, item]) => key !== '__proto__' && isJsonData(item, seen));
}
