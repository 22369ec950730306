import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParsedListing } from '../../src/lib/ingest/types.ts';

export const BIBLIOGRAPHIES = join(import.meta.dirname, '../fixtures/bibliographies');

export const readBibliography = (name: string) => ({ name: name.split('/').pop()!, text: readFileSync(join(BIBLIOGRAPHIES, name), 'utf8') });

/**
 * How many entries a .bib holds, counted without Citation.js: each `@type{` or `@type(` at the
 * start of a line, less `@string`, `@preamble` and `@comment`.
 */
export function countBibEntries(text: string): number {
  const all = text.match(/^\s*@\s*([A-Za-z]+)\s*[{(]/gm) ?? [];
  return all.filter((start) => !/@\s*(string|preamble|comment)\b/i.test(start)).length;
}

/** The citation keys a parse names in a warning (`entry "key"`), each once. */
export function namedKeys(parsed: ParsedListing): Set<string> {
  return new Set(parsed.warnings.flatMap((warning) => [...warning.message.matchAll(/entry "([^"]+)"/g)].map((match) => match[1]!)));
}
