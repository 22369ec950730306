/**
 * Every file of seeds/ to what it lists, whatever its format: one module per format, each
 * yielding the same listed papers (`ParsedListing`), so that merge, classify and entries do
 * not depend on where a paper was read.
 *
 * Bibliographies are cached by content: a re-run with nothing changed parses none again. A
 * `.bib` depends on the other `.bib` files (their `@string` macros, `crossref` in both
 * directions), so its key covers them all; `.ris` and `.json` depend on themselves only.
 * The readers of bibliographies are loaded only when one is to be parsed: Citation.js takes
 * about 0.2 s to load, which a run of listings only, or of cached bibliographies, does not pay.
 */
import { hash } from 'node:crypto';
import type { ParsedListing } from '../types.ts';
import { parseListing } from './listing.ts';

/** The extensions seeds/ is read for, each with the format it stands for. */
export const SEED_FORMATS = new Map([
  ['.txt', 'listing'],
  ['.bib', 'BibTeX'],
  ['.ris', 'RIS'],
  ['.json', 'CSL-JSON'],
] as const);

export interface SeedText {
  /** The file's name in seeds/. */
  name: string;
  text: string;
}

/** A bibliography's parse, kept while `key` (its text and what it depends on) is unchanged. */
export interface CachedParse {
  key: string;
  parsed: ParsedListing;
}

export interface ParseSeedsOptions {
  /** A listing's capture date (`listings.yaml`), for dates listed without a year. */
  capturedOn?: (name: string) => string | undefined;
  /** The last run's parses by file name. */
  cache?: ReadonlyMap<string, CachedParse>;
  /** How messages name a file (its path from where the command runs). */
  shown?: (name: string) => string;
}

export interface ParsedSeeds {
  /** One per file, in the order given. */
  parsed: ParsedListing[];
  /** This run's parses of bibliographies, to keep for the next. */
  cache: Map<string, CachedParse>;
  /** The bibliographies parsed this run (not taken from the cache). */
  reparsed: string[];
}

const extensionOf = (name: string) => name.slice(name.lastIndexOf('.'));
const digest = (text: string) => hash('sha1', text, 'base64url');

export async function parseSeeds(files: readonly SeedText[], { capturedOn = () => undefined, cache = new Map(), shown = (name) => name }: ParseSeedsOptions = {}): Promise<ParsedSeeds> {
  const digests = new Map(files.map((file) => [file, digest(file.text)]));
  const bibs = files.filter(({ name }) => extensionOf(name) === '.bib');
  const allBibs = digest(bibs.map((file) => `${file.name}\0${digests.get(file)}`).join('\0'));
  const keyOf = (file: SeedText) => (extensionOf(file.name) === '.bib' ? `${digests.get(file)}:${allBibs}` : digests.get(file)!);
  const fromCache = (file: SeedText): ParsedListing | undefined => {
    const cached = cache.get(file.name);
    return cached !== undefined && cached.key === keyOf(file) ? cached.parsed : undefined;
  };

  // The .bib files go together: all from the cache, or all parsed again.
  const cachedBibs = bibs.map(fromCache);
  const bibsCached = cachedBibs.every((parsed) => parsed !== undefined);
  const bibParses = bibsCached ? (cachedBibs as ParsedListing[]) : (await import('./bibtex.ts')).parseBibliographies(bibs);
  const byBib = new Map(bibs.map((file, index) => [file, bibParses[index]!]));
  const toParse = (extension: string) => files.some((file) => extensionOf(file.name) === extension && fromCache(file) === undefined);
  const ris = toParse('.ris') ? (await import('./ris.ts')).parseRis : undefined;
  const cslJson = toParse('.json') ? (await import('./csl-json.ts')).parseCslJson : undefined;

  const next = new Map<string, CachedParse>();
  const reparsed: string[] = [];
  const parsed = files.map((file) => {
    const extension = extensionOf(file.name);
    if (extension === '.txt') {
      const captured = capturedOn(file.name);
      return parseListing(file.text, file.name, captured === undefined ? {} : { capturedOn: captured });
    }
    const cached = extension === '.bib' ? (bibsCached ? byBib.get(file) : undefined) : fromCache(file);
    const listing = cached ?? (extension === '.bib' ? byBib.get(file)! : extension === '.ris' ? ris!(file.text, file.name, shown(file.name)) : cslJson!(file.text, file.name, shown(file.name)));
    if (cached === undefined) reparsed.push(file.name);
    next.set(file.name, { key: keyOf(file), parsed: listing });
    return listing;
  });
  return { parsed, cache: next, reparsed };
}
