import { readFileSync } from 'node:fs';
import { copyFile, cp, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { IngestPaths } from '../../src/lib/ingest/ingest.ts';
import type { ParsedListing } from '../../src/lib/ingest/types.ts';
import { SEEDS_DIR } from './seeds.ts';
import { tempDir } from './temp-dirs.ts';

export const BIBLIOGRAPHIES = join(import.meta.dirname, '../fixtures/bibliographies');

export const readBibliography = (name: string) => ({ name: name.split('/').pop()!, text: readFileSync(join(BIBLIOGRAPHIES, name), 'utf8') });

/**
 * The 1-based line of each entry of a .bib, found without Citation.js: each `@type{` or `@type(`
 * at the start of a line, less `@string`, `@preamble` and `@comment`.
 */
export function bibEntryLines(text: string): number[] {
  return text.split(/\r\n|\r|\n/).flatMap((line, index) => (/^\s*@\s*[A-Za-z]+\s*[{(]/.test(line) && !/^\s*@\s*(string|preamble|comment)\b/i.test(line) ? [index + 1] : []));
}

/** How many entries a .bib holds, counted as `bibEntryLines` finds them. */
export const countBibEntries = (text: string): number => bibEntryLines(text).length;

/** The citation keys a parse names in a warning (`entry "key"`), each once. */
export function namedKeys(parsed: ParsedListing): Set<string> {
  return new Set(parsed.warnings.flatMap((warning) => [...warning.message.matchAll(/entry "([^"]+)"/g)].map((match) => match[1]!)));
}

/** A temporary copy of the repository's seeds/ with `bibliographies` (paths under the fixtures) added, and a content/ with its themes. */
export async function workspace(bibliographies: string[]): Promise<IngestPaths> {
  const dir = await tempDir('reading-list-formats-');
  await cp(SEEDS_DIR, join(dir, 'seeds'), { recursive: true });
  for (const name of bibliographies) await copyFile(join(BIBLIOGRAPHIES, name), join(dir, 'seeds', name.split('/').pop()!));
  await mkdir(join(dir, 'content'));
  await copyFile(join(import.meta.dirname, '../../content/themes.yaml'), join(dir, 'content/themes.yaml'));
  return { seedsDir: join(dir, 'seeds'), contentDir: join(dir, 'content') };
}
