/**
 * The hosted site's service worker, <outDir>/sw.js: scripts/service-worker.js with the list
 * of files to precache and a hash of their contents. Written after everything else, the
 * Pagefind bundle included, since it lists and hashes them.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SITE } from '../../config.ts';
import { filesUnder } from '../files-under.ts';

const TEMPLATE = join(import.meta.dirname, '../../../scripts/service-worker.js');

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
export function writeServiceWorker(outDir: string, wasmLanguages: string[]): string {
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
  const template = readFileSync(TEMPLATE, 'utf8');
  hash.update(template);
  // Pages are precached by their directory URL (`papers/x/`, `` for the home page).
  const asUrl = (file: string) => file.replace(/(^|\/)index\.html$/, '$1');
  const manifest = { version: hash.digest('hex').slice(0, 16), core: core.map(asUrl), fragments, pages: precachedPages.map(asUrl) };
  writeFileSync(join(outDir, 'sw.js'), `const MANIFEST = ${JSON.stringify(manifest)};\n${template}`);
  const MB = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
  const saved = precachedPages.length > 0 ? `${MB(shellAndIndexBytes + pageBytes)}` : `${MB(shellAndIndexBytes)}; pages (${MB(pageBytes)}, over SITE.precachePagesUpTo) are saved as they are read`;
  return `service worker: sw.js precaches ${core.length + fragments.length + precachedPages.length} files, ${saved}`;
}
