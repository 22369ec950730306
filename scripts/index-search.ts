/**
 * Build the Pagefind search index for a built site.
 *
 *   node scripts/index-search.ts [outDir]     (default: dist)
 *
 * Only pages marked `data-pagefind-body` (the paper pages) are indexed. The bundle,
 * including the Component UI used by /search/, is written to <outDir>/pagefind/.
 * Prints one line of figures; exits non-zero with a message on any failure.
 */
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import * as pagefind from 'pagefind';
import { SITE } from '../src/config.ts';

const outDir = resolve(process.argv[2] ?? 'dist');
const shown = relative(process.cwd(), outDir) || '.';

function fail(message: string): never {
  throw new Error(message);
}

async function main(): Promise<string> {
  if (!existsSync(outDir) || !statSync(outDir).isDirectory()) {
    fail(`${shown} is not a directory: build the site first (astro build)`);
  }
  const outputPath = join(outDir, 'pagefind');
  // Start clean: a bundle left from an earlier run would keep stale fragments.
  rmSync(outputPath, { recursive: true, force: true });

  const { index, errors } = await pagefind.createIndex({ forceLanguage: SITE.lang });
  if (!index || errors.length > 0) fail(`could not start Pagefind: ${errors.join('; ') || 'no index returned'}`);

  const added = await index.addDirectory({ path: outDir });
  if (added.errors.length > 0) fail(`indexing ${shown} failed: ${added.errors.join('; ')}`);
  if (added.page_count === 0) fail(`no HTML pages found in ${shown}`);

  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) fail(`writing ${relative(process.cwd(), outputPath)} failed: ${written.errors.join('; ')}`);

  // addDirectory counts every HTML file; the entry file says how many have data-pagefind-body.
  const entry = JSON.parse(readFileSync(join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  const indexed = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
  if (indexed === 0) fail(`none of the ${added.page_count} HTML pages in ${shown} has data-pagefind-body`);

  return `Pagefind: indexed ${indexed} of ${added.page_count} HTML pages in ${shown} (bundle: ${join(shown, 'pagefind')}/)`;
}

try {
  console.log(await main());
} catch (error) {
  console.error(`index-search: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  // The Node API talks to a Pagefind binary; close it or the process never exits.
  await pagefind.close();
}
