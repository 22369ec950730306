/**
 * Our build with its search index, which the index step of issue 20 is measured by (that
 * build's time − the astro build's): `scripts/astro-build.ts --search-index` builds the index
 * alongside the pages. Until astro-build.ts takes that flag (its parseArgs is strict: an unknown
 * flag fails), the same site by the two commands `npm run build` runs today: astro build, then
 * scripts/index-search.ts over its output. The one place that knows which; the second branch
 * goes once the flag is merged.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface IndexedBuild {
  /** How it runs, for the report. */
  by: string;
  /** The arguments of `node` of each command, run in turn in the project's folder. */
  steps: string[][];
}

/** The flag is a parseArgs option of astro-build.ts: `'search-index': { type: 'boolean' }`. */
const SEARCH_INDEX_OPTION = /['"]search-index['"]\s*:/;

export function indexedBuild(projectDir: string, outDir: string): IndexedBuild {
  return SEARCH_INDEX_OPTION.test(readFileSync(join(projectDir, 'scripts', 'astro-build.ts'), 'utf8'))
    ? { by: '`astro-build.ts --search-index`', steps: [['scripts/astro-build.ts', '--outDir', outDir, '--search-index']] }
    : { by: '`astro-build.ts`, then `index-search.ts`', steps: [['scripts/astro-build.ts', '--outDir', outDir], ['scripts/index-search.ts', outDir]] };
}
