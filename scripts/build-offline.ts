/**
 * `npm run build:offline`, after `node scripts/astro-build.ts --mode offline --base / --outDir dist-offline`:
 * turns that build into a site that works opened from disk (file://), then zips it.
 *  - every page: relative links naming files (`../themes/x/index.html`), module scripts
 *    loaded as classic scripts (src/lib/offline/html.ts);
 *  - every stylesheet: relative font URLs (src/lib/offline/css.ts);
 *  - every module script bundled by Rolldown into one classic script (IIFE) in place;
 *    the chunks they imported are removed;
 *  - offline-data.js (the papers, for search and "My list"), from the build's papers.json;
 *  - dist-offline.zip: the folder as `reading-list/`, to hand to a reader.
 * Usage: node scripts/build-offline.ts [outDir]   (default dist-offline)
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { build } from 'rolldown';
import { OFFLINE_DATA_FILE, offlineDataScript, toOfflineData, type PapersJson } from '../src/lib/offline/data.ts';
import { toOfflineStylesheet } from '../src/lib/offline/css.ts';
import { toOfflinePage } from '../src/lib/offline/html.ts';
import { pageRecord, type PageRecord } from '../src/lib/offline/page-record.ts';

const ZIP_FOLDER = 'reading-list';
// A fixed time in every zip entry, so the same site gives the same zip.
const ZIP_TIME = new Date('2000-01-01T00:00:00Z');

const outDir = path.resolve(process.argv[2] ?? 'dist-offline');
const files = (await readdir(outDir, { recursive: true, withFileTypes: true }))
  .filter((entry) => entry.isFile())
  .map((entry) => path.relative(outDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
  .sort();
// Only a fresh `astro build --mode offline` output: converting twice would take the
// bundled scripts for chunks and delete them.
const rerun = 'run `npm run build:offline`, which builds it afresh';
if (!files.includes('index.html')) {
  console.error(`build-offline: ${path.relative('.', outDir) || '.'} has no index.html; ${rerun}.`);
  process.exit(1);
}
if (files.includes(OFFLINE_DATA_FILE)) {
  console.error(`build-offline: ${path.relative('.', outDir) || '.'} is already an offline build; ${rerun}.`);
  process.exit(1);
}

const entries = new Set<string>();
// What Pagefind would record of each paper page, read before the pages are rewritten: the offline search's data.
const records = new Map<string, PageRecord>();
for (const file of files.filter((name) => name.endsWith('.html'))) {
  const source = await readFile(path.join(outDir, file), 'utf8');
  const paper = /^papers\/([^/]+)\/index\.html$/.exec(file)?.[1];
  if (paper && source.includes('data-pagefind-body')) records.set(paper, pageRecord(source));
  const page = toOfflinePage(source, file);
  page.moduleScripts.forEach((src) => entries.add(src.replace(/^\/+/, '')));
  await writeFile(path.join(outDir, file), page.html);
}

for (const file of files.filter((name) => name.endsWith('.css'))) {
  await writeFile(path.join(outDir, file), toOfflineStylesheet(await readFile(path.join(outDir, file), 'utf8'), file));
}

for (const entry of entries) {
  const file = path.join(outDir, entry);
  const { output } = await build({ input: file, output: { format: 'iife', minify: true }, write: false, logLevel: 'warn' });
  await writeFile(file, output[0].code);
}
const chunks = files.filter((file) => file.startsWith('_astro/') && file.endsWith('.js') && !entries.has(file));
await Promise.all(chunks.map((file) => rm(path.join(outDir, file))));

const papers = JSON.parse(await readFile(path.join(outDir, 'papers.json'), 'utf8')) as PapersJson;
await writeFile(path.join(outDir, OFFLINE_DATA_FILE), offlineDataScript(toOfflineData(papers, records)));

const zipped: Zippable = {};
const kept = [...files.filter((file) => !chunks.includes(file)), OFFLINE_DATA_FILE].sort();
for (const file of kept) zipped[`${ZIP_FOLDER}/${file}`] = [await readFile(path.join(outDir, file)), { mtime: ZIP_TIME }];
const zipFile = `${outDir}.zip`;
await writeFile(zipFile, zipSync(zipped, { level: 9 }));

console.log(
  `Offline build: ${kept.length} files in ${path.relative('.', outDir)}/ (open index.html), ${entries.size} scripts made classic, ` +
    `${papers.papers.length} papers in ${OFFLINE_DATA_FILE}; zipped to ${path.relative('.', zipFile)}`,
);
