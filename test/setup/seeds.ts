import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseListing } from '../../src/lib/ingest/formats/listing.ts';
import type { ParsedListing } from '../../src/lib/ingest/types.ts';

export const SEEDS_DIR = join(import.meta.dirname, '../../seeds');

export const seedNames = readdirSync(SEEDS_DIR).filter((name) => name.endsWith('.txt')).sort();

export function readSeed(name: string): string {
  return readFileSync(join(SEEDS_DIR, name), 'utf8');
}

export function parseSeed(name: string): ParsedListing {
  return parseListing(readSeed(name), name);
}
