/**
 * Build the Pagefind search index for a site already built, then its service worker.
 *
 *   node scripts/index-search.ts [outDir]     (default: dist)
 *
 * `npm run build` does not need it: `scripts/astro-build.ts --search-index` builds the index
 * while Astro renders the site (src/integrations/search-index.ts), into the same bundle. This
 * indexes a folder after the fact: a site built with plain `astro build`, or one whose pages
 * were changed. Only pages marked `data-pagefind-body` (the paper pages) are indexed. The
 * bundle (pagefind.js, which /search/ uses, and its index) is written to <outDir>/pagefind/,
 * then <outDir>/sw.js (src/lib/build/service-worker.ts), last since it hashes the rest.
 * Prints one line of figures; exits non-zero with a message on any failure.
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { addBuiltSite, closeSearchIndex, createSearchIndex, writeSearchBundle } from '../src/lib/build/search-index.ts';
import { writeServiceWorker } from '../src/lib/build/service-worker.ts';

const outDir = resolve(process.argv[2] ?? 'dist');
const shown = relative(process.cwd(), outDir) || '.';

async function main(): Promise<string> {
  if (!existsSync(outDir) || !statSync(outDir).isDirectory()) throw new Error(`${shown} is not a directory: build the site first (astro build)`);
  // Start clean: a bundle left from an earlier run would keep stale fragments.
  rmSync(join(outDir, 'pagefind'), { recursive: true, force: true });
  const index = await createSearchIndex();
  const pages = await addBuiltSite(index, outDir);
  const bundle = await writeSearchBundle(index, outDir);
  if (bundle.indexed === 0) throw new Error(`none of the ${pages} HTML pages in ${shown} has data-pagefind-body`);
  const sw = writeServiceWorker(outDir, bundle.wasmLanguages);
  return `Pagefind: indexed ${bundle.indexed} of ${pages} HTML pages in ${shown} (bundle: ${join(shown, 'pagefind')}/); ${sw}`;
}

try {
  console.log(await main());
} catch (error) {
  console.error(`index-search: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await closeSearchIndex();
}
