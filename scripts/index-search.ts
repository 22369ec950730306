/**
 * Build the Pagefind search index for a built site, then its service worker.
 *
 *   node scripts/index-search.ts [outDir]     (default: dist)
 *
 * Only pages marked `data-pagefind-body` (the paper pages) are indexed. The bundle
 * (pagefind.js, which /search/ uses, and its index) is written to <outDir>/pagefind/.
 * Then <outDir>/sw.js is written: scripts/service-worker.js with the list of files to
 * precache and a hash of their contents (see that file), so it comes last.
 * Prints one line of figures; exits non-zero with a message on any failure.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { SITE } from '../src/config.ts';
import { filesUnder } from '../src/lib/files-under.ts';

const outDir = resolve(process.argv[2] ?? 'dist');
const shown = relative(process.cwd(), outDir) || '.';

function fail(message: string): never {
  throw new Error(message);
}

/**
 * The language Pagefind indexes the pages as: one it has no stemmer for ("und", undetermined),
 * so a word is found by its own start and not by its stem ("agents" does not find "agent",
 * "reinforcment" does not find "reinforcement"), as the offline search finds it. See docs/search.md.
 */
const SEARCH_LANGUAGE = 'und';

/** How many pages are sent to Pagefind ahead of its answers. */
const INDEXING_BATCH = 64;

async function main(): Promise<string> {
  if (!existsSync(outDir) || !statSync(outDir).isDirectory()) {
    fail(`${shown} is not a directory: build the site first (astro build)`);
  }
  const outputPath = join(outDir, 'pagefind');
  // Start clean: a bundle left from an earlier run would keep stale fragments.
  rmSync(outputPath, { recursive: true, force: true });

  const { index, errors } = await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE });
  if (!index || errors.length > 0) fail(`could not start Pagefind: ${errors.join('; ') || 'no index returned'}`);

  // The pages in path order: addDirectory takes them in the order the file system lists
  // them, which differs from build to build (pages are written 8 at a time) and from disk to
  // disk, and so would the index files and the service worker's version. Pagefind's service
  // indexes the files it is sent one at a time, in the order they arrive; sending a batch
  // ahead keeps it busy while the next files are read.
  const pages = filesUnder(outDir).filter((file) => file.endsWith('.html')).sort();
  if (pages.length === 0) fail(`no HTML pages found in ${shown}`);
  // Once any page is marked data-pagefind-body (the paper pages), Pagefind indexes only the
  // marked ones: the others (theme pages and the table, a fifth of the bytes) need not be
  // sent. With no paper yet nothing is marked, and Pagefind indexes every page.
  const read = (page: string) => readFileSync(join(outDir, page), 'utf8');
  const isMarked = (content: string) => content.includes('data-pagefind-body');
  const anyMarked = pages.some((page) => isMarked(read(page)));
  for (let start = 0; start < pages.length; start += INDEXING_BATCH) {
    const batch = pages.slice(start, start + INDEXING_BATCH);
    const results = await Promise.all(
      batch.map((sourcePath) => {
        const content = read(sourcePath);
        return !anyMarked || isMarked(content) ? index.addHTMLFile({ sourcePath, content }) : { errors: [] };
      }),
    );
    results.forEach((added, k) => {
      if (added.errors.length > 0) fail(`indexing ${join(shown, batch[k]!)} failed: ${added.errors.join('; ')}`);
    });
  }

  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) fail(`writing ${relative(process.cwd(), outputPath)} failed: ${written.errors.join('; ')}`);

  // The entry file says how many pages Pagefind indexed.
  const entry = JSON.parse(readFileSync(join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number; wasm: string | null }>;
  };
  const indexed = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
  if (indexed === 0) fail(`none of the ${pages.length} HTML pages in ${shown} has data-pagefind-body`);

  // A language without a stemmer (SEARCH_LANGUAGE) has no wasm of its own: pagefind.js loads wasm.unknown.
  const sw = writeServiceWorker(Object.values(entry.languages).map((language) => language.wasm ?? 'unknown'));
  return `Pagefind: indexed ${indexed} of ${pages.length} HTML pages in ${shown} (bundle: ${join(shown, 'pagefind')}/); ${sw}`;
}

/** Pagefind files the site never loads: its prebuilt UIs (the search page uses pagefind.js). */
const UNUSED_PAGEFIND = /^pagefind\/pagefind-(ui|modular-ui|component-ui)\.(js|css)$/;

/**
 * Writes <outDir>/sw.js. Precached, paths relative to the base: `core` (must all be
 * cached for the worker to install) = home, /search/, /my-list/ and its data, the
 * favicon, every _astro/ asset and the Pagefind bundle but its result fragments, its
 * unused UIs and the wasm of other languages; best effort: `fragments` (one per paper) and
 * `pages` = every other page, unless they weigh more than SITE.precachePagesUpTo. Feeds,
 * the exports (.bib, .ris, .csl.json) and the papers.json download are cached only once fetched.
 */
function writeServiceWorker(wasmLanguages: string[]): string {
  const files = filesUnder(outDir).sort();
  const wasm = new Set(wasmLanguages.map((language) => `pagefind/wasm.${language}.pagefind`));
  const shell = new Set(['index.html', 'search/index.html', 'my-list/index.html', 'my-list/papers.json', 'favicon.svg']);
  const core: string[] = [];
  const fragments: string[] = [];
  const pages: string[] = [];
  for (const file of files) {
    if (shell.has(file) || file.startsWith('_astro/')) core.push(file);
    else if (file.startsWith('pagefind/fragment/')) fragments.push(file);
    else if (file.startsWith('pagefind/')) {
      if (UNUSED_PAGEFIND.test(file) || (/^pagefind\/wasm\..*\.pagefind$/.test(file) && !wasm.has(file))) continue;
      core.push(file);
    } else if (file.endsWith('/index.html')) pages.push(file);
  }
  // The version covers every file listed and every page, precached or not: a new deploy drops the old caches.
  const hash = createHash('sha256');
  const bytesOf = (files: string[]) =>
    files.reduce((total, file) => {
      const body = readFileSync(join(outDir, file));
      hash.update(`${file}\0`).update(createHash('sha256').update(body).digest('hex'));
      return total + body.length;
    }, 0);
  const shellAndIndexBytes = bytesOf(core) + bytesOf(fragments);
  const pageBytes = bytesOf(pages);
  const precachedPages = pageBytes <= SITE.precachePagesUpTo ? pages : [];
  const template = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'service-worker.js'), 'utf8');
  hash.update(template);
  // Pages are precached by their directory URL (`papers/x/`, `` for the home page).
  const asUrl = (file: string) => file.replace(/(^|\/)index\.html$/, '$1');
  const manifest = { version: hash.digest('hex').slice(0, 16), core: core.map(asUrl), fragments, pages: precachedPages.map(asUrl) };
  writeFileSync(join(outDir, 'sw.js'), `const MANIFEST = ${JSON.stringify(manifest)};\n${template}`);
  const MB = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
  const saved = precachedPages.length > 0 ? `${MB(shellAndIndexBytes + pageBytes)}` : `${MB(shellAndIndexBytes)}; pages (${MB(pageBytes)}, over SITE.precachePagesUpTo) are saved as they are read`;
  return `service worker: sw.js precaches ${core.length + fragments.length + precachedPages.length} files, ${saved}`;
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
