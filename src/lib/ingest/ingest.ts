import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyList, compileThemes, matchTerms, type CommonTerm, type TermMatches } from './classify.ts';
import { counted } from './counted.ts';
import { classificationKey, hashText, INGEST_CACHE_FILE, readIngestCache, sameIngestCache, writeIngestCache } from './ingest-cache.ts';
import { entryReader } from './entry-readings.ts';
import { checkEntry, curatorErrors, curatorKeyWarnings } from './entry-check.ts';
import { applyPlan, isCaseInsensitive, isHandWritten, listEntryFiles, planEntries, scanEntries, type EntryPlan, type StoredEntry } from './entry-store.ts';
import { ENTRY_EXTENSIONS, isListing, isRead, LISTINGS_CONFIG, readableName, SEED_EXTENSIONS, unreadSeedMessage } from './file-names.ts';
import { InputError, throwAll } from './errors.ts';
import { didYouMean } from './known-keys.ts';
import { parseListingsConfig, type ListingSettings } from './listings-config.ts';
import { entryIdentity, matchEntries } from './entry-match.ts';
import { identityOf } from './identity.ts';
import { doubtfulMerges, groupListed, mergeGroups } from './merge.ts';
import { fieldLine, hasUserContent } from './entry.ts';
import { titleKey } from './normalise.ts';
import { parseSeeds } from './formats/seeds.ts';
import { acquireLock } from './lock.ts';
import { assignSlugs, isListSegment, isSlug } from './slug.ts';
import { isUtf16 } from './utf16.ts';
import { parseThemes, THEMES_FILE } from './themes.ts';
import type { ClassifiedPaper, ParsedListing, SourceRef, Theme, Warning } from './types.ts';

export interface IngestPaths {
  /** Folder of listings (`*.txt`), bibliographies (`*.bib`, `*.ris`, `*.json`) and the optional `listings.yaml`. */
  seedsDir: string;
  /** Folder holding `themes.yaml` and the generated `papers/`. */
  contentDir: string;
}

export interface IngestReport {
  listings: { listing: string; papers: number }[];
  listedPapers: number;
  /** Title and "abstract" pairs of listings that cannot be a paper, skipped with a warning each (formats/listing.ts). */
  notPapers: number;
  /** Distinct listed papers, including those a hand-written entry already covers. */
  distinctPapers: number;
  /** The listed papers as their entries say them (pinned themes applied). */
  papers: ClassifiedPaper[];
  handWritten: number;
  /** Entries that say `hidden: true`: kept, and shown nowhere on the site. */
  hidden: number;
  themes: { theme: Theme; papers: number }[];
  /** Terms found in so many of the papers that they count less (classify.ts). */
  commonTerms: CommonTerm[];
  plan: EntryPlan;
  warnings: Warning[];
}

/** Paths in messages are relative to where the command runs. */
const shown = (path: string) => relative(process.cwd(), path) || '.';

/** The slug an entry's file name stands for, in lower case: `mine/Kept-Paper.md` -> `kept-paper`. */
const fileSlug = (path: string) => basename(path).replace(/\.mdx?$/, '').toLowerCase();

async function readText(path: string): Promise<string> {
  const bytes = await readFile(path);
  const name = shown(path);
  if (isUtf16(bytes)) throw new InputError(name, undefined, 'this file is UTF-16 text; re-save it as UTF-8');
  if (bytes.includes(0)) throw new InputError(name, undefined, 'this is a binary file, not text');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(name, undefined, 'this file is not UTF-8 text; re-save it as UTF-8');
  }
}

async function readOptionalText(path: string): Promise<string | undefined> {
  try {
    return await readText(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * The cache file's text, or undefined when there is none or it is not UTF-8 (cut short in
 * the middle of a character, say): it is ingest's own, rebuilt from the entries, not the user's to repair.
 */
async function readCacheText(path: string): Promise<string | undefined> {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await readFile(path));
  } catch {
    return undefined;
  }
}

function undatedYearWarning(parsed: ParsedListing): Warning[] {
  const undated = parsed.papers.filter((paper) => paper.published && !paper.published.date);
  const first = undated[0];
  if (!first) return [];
  return [{
    file: parsed.listing,
    line: first.source.line,
    message: `${counted(undated.length, 'date has', 'dates have')} no year, kept as written; to resolve this, give this listing a capture date in seeds/${LISTINGS_CONFIG} (${parsed.listing}: { captured: YYYY-MM-DD })`,
  }];
}

export interface IngestOptions {
  /** Write entries (default); false only reports what would change. */
  write?: boolean;
  /** Delete generated entries no listing produces any more, unless they hold user content. */
  prune?: boolean;
}

/**
 * Two entries never share a page address (a slug, or a hand-written entry's file name; in any
 * case, as macOS and Windows name folders): the site would show one of them. Allowed are the
 * entry of a paper listed now on a hand-written entry's address (it moves off, with a warning;
 * one no listing produces any more stays, unless `prune` deletes it) and two copies of one
 * listed paper (a move an interrupted run left half done, finished here). `paperOf`: the key of
 * the paper listed now that a generated entry belongs to (`matchEntries`), if any.
 */
function checkAddresses(stored: readonly StoredEntry[], papersDir: string, paperOf: (item: StoredEntry) => string | undefined, prune: boolean): void {
  const byAddress = new Map<string, StoredEntry[]>();
  for (const item of stored) {
    const slug = item.entry.data['slug'];
    const address = typeof slug === 'string' ? slug.toLowerCase() : isHandWritten(item.entry) ? fileSlug(item.path) : undefined;
    if (address !== undefined) byAddress.set(address, [...(byAddress.get(address) ?? []), item]);
  }
  for (const [address, items] of byAddress) {
    const handWritten = items.filter(({ entry }) => isHandWritten(entry));
    const listed = items.filter(({ entry }) => !isHandWritten(entry));
    // Entries of no listed paper are told apart by their titles: copies of one such entry are one.
    const keyOf = (item: StoredEntry) => paperOf(item) ?? `\0${titleKey(String(item.entry.data['title']))}`;
    const orphan = listed.find((item) => paperOf(item) === undefined && !(prune && !hasUserContent(item.entry)));
    const [first, second] =
      handWritten.length > 1 ? handWritten : new Set(listed.map(keyOf)).size > 1 ? listed : orphan && handWritten[0] ? [orphan, handWritten[0]] : [];
    if (first && second) {
      const remedy =
        first === orphan
          ? `that entry is no listed paper's any more: delete it (npm run ingest -- --prune deletes it when it holds nothing of yours), or give one of them another \`slug:\``
          : 'give one of them another `slug:`';
      throw new InputError(`${papersDir}/${second.path}`, fieldLine(second.entry, 'slug'), `its page address "${address}" is also that of ${papersDir}/${first.path}, and the site would show only one of them; ${remedy}`);
    }
  }
}

/**
 * Entries ingest wrote on its last run (`written`, the cache's paths), deleted since, and written again
 * now: a listed paper always has an entry. Told once, as the next run finds the entry again, with
 * the way to exclude the paper for good.
 */
function recreatedEntries(plan: EntryPlan, onDisk: ReadonlySet<string>, written: ReadonlyMap<string, string>, papersDir: string): Warning[] {
  const titles = new Map(plan.papers.map((paper) => [paper.slug, paper.title]));
  return plan.writes
    .filter(({ path, movedFrom }) => movedFrom === undefined && !onDisk.has(path) && written.has(path))
    .map(({ path }) => ({
      file: `${papersDir}/${path}`,
      line: 1,
      message: `this entry was deleted, and is written again: "${titles.get(fileSlug(path))}" is still listed. To exclude the paper for good, add \`hidden: true\` to this entry's front matter: the site then shows it nowhere`,
    }));
}

/** Listings and bibliographies in, one entry per distinct paper out. */
export async function ingest(paths: IngestPaths, { write = true, prune = false }: IngestOptions = {}): Promise<IngestReport> {
  const release = write ? await acquireLock(paths.contentDir, shown(paths.contentDir)) : undefined;
  try {
    return await run(paths, { write, prune });
  } finally {
    await release?.();
  }
}

async function run(paths: IngestPaths, { write, prune }: Required<IngestOptions>): Promise<IngestReport> {
  const themesPath = join(paths.contentDir, THEMES_FILE);
  const themesSource = await readOptionalText(themesPath);
  if (themesSource === undefined) throw new InputError(shown(themesPath), undefined, 'the themes file is missing');
  const { themes, warnings: themeWarnings } = parseThemes(themesSource, shown(themesPath));

  const configPath = join(paths.seedsDir, LISTINGS_CONFIG);
  const configSource = await readOptionalText(configPath);
  const settings = configSource === undefined ? new Map<string, ListingSettings>() : parseListingsConfig(configSource, shown(configPath));

  const cachePath = join(paths.contentDir, INGEST_CACHE_FILE);
  const cacheText = await readCacheText(cachePath);
  const code = await ingestCodeVersion();
  const cache = readIngestCache(cacheText, code);

  const seeds = (await readdir(paths.seedsDir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const listingNames = seeds.filter((seed) => !seed.isDirectory() && isRead(seed.name, SEED_EXTENSIONS)).map((seed) => seed.name);
  const seedTexts = await Promise.all(listingNames.map(async (name) => ({ name, text: await readText(join(paths.seedsDir, name)) })));
  const { parsed, cache: parses } = await parseSeeds(seedTexts, {
    capturedOn: (name) => settings.get(name)?.captured,
    cache: cache.parses,
    shown: (name) => shown(join(paths.seedsDir, name)),
  });
  const warnings: Warning[] = [...settings].flatMap(([name, { line, captured }]) =>
    !listingNames.includes(name)
      ? [{ file: shown(configPath), line, message: `settings for "${name}", which is not a listing in ${shown(paths.seedsDir)}${didYouMean(name, listingNames)}` }]
      : captured !== undefined && !isListing(name)
        ? [{ file: shown(configPath), line, message: `"captured" for "${name}" is not used: a bibliography's dates carry their year` }]
        : [],
  );
  warnings.push(...themeWarnings);
  for (const warning of parsed.flatMap((listing) => [...listing.warnings, ...undatedYearWarning(listing)])) {
    warnings.push({ ...warning, file: shown(join(paths.seedsDir, warning.file)) });
  }
  for (const seed of seeds) {
    const message = unreadSeedMessage(seed.name, seed.isDirectory());
    if (message) warnings.push({ file: shown(join(paths.seedsDir, seed.name)), line: 1, message });
  }

  const papersDir = join(paths.contentDir, 'papers');
  const reader = entryReader(cache.readings);
  const entryFiles = listEntryFiles(papersDir);
  const stored = await scanEntries(papersDir, shown(papersDir), reader.read, entryFiles.entries);
  for (const { path, source, entry } of stored) checkEntry(source, entry, `${shown(papersDir)}/${path}`);
  throwAll(shown(papersDir), stored.flatMap(({ path, entry }) => curatorErrors(entry, `${shown(papersDir)}/${path}`)));
  for (const { path, entry } of stored) warnings.push(...curatorKeyWarnings(entry, `${shown(papersDir)}/${path}`));
  for (const path of entryFiles.misnamed) {
    warnings.push({ file: `${shown(papersDir)}/${path}`, line: 1, message: `not read: entries end in .md or .mdx, in lower case (rename it ${basename(readableName(path, ENTRY_EXTENSIONS)!)})` });
  }
  const handWritten = stored.filter(({ entry }) => isHandWritten(entry));
  const generated = stored.filter(({ entry }) => !isHandWritten(entry));

  const listedPapers = parsed.flatMap((listing) => listing.papers);
  const groups = groupListed(listedPapers);
  const merged = mergeGroups(groups);
  for (const warning of doubtfulMerges(groups)) warnings.push({ ...warning, file: shown(join(paths.seedsDir, warning.file)) });
  // A paper is found in entries by its ids and every spelling of its title (entry-match.ts): first in the hand-written ones.
  const identities = groups.map((group) => identityOf(group));
  const handWrittenOf = matchEntries(identities, handWritten.map(({ entry }) => entryIdentity(entry)));
  const listedIndices = merged.flatMap((paper, index) => {
    const [found] = handWrittenOf.get(index) ?? [];
    if (found === undefined) return [index];
    const [source] = paper.sources as [SourceRef];
    warnings.push({ file: shown(join(paths.seedsDir, source.listing)), line: source.line, message: `"${paper.title}" has the hand-written entry ${shown(papersDir)}/${handWritten[found]!.path}; no entry generated for it` });
    return [];
  });
  const listed = listedIndices.map((index) => merged[index]!);
  const generatedIds = generated.map(({ entry }) => entryIdentity(entry));
  const entriesOf = matchEntries(listedIndices.map((index) => identities[index]!), generatedIds);
  /** Each generated entry of a paper listed now -> that paper's key. */
  const paperOfEntry = new Map([...entriesOf].flatMap(([index, found]) => found.map((entry) => [generated[entry]!, listed[index]!.key] as const)));
  checkAddresses(stored, shown(papersDir), (item) => paperOfEntry.get(item), prune);

  // A hand-written entry's address: its slug, or without one its file name in lower case (on macOS and
  // Windows `Kept-Paper.md` and `kept-paper.md` are one file, and so are the page folders of the two ids).
  const addresses = new Map(handWritten.map(({ path, entry }) => [typeof entry.data['slug'] === 'string' ? entry.data['slug'] : fileSlug(path), path]));
  /** Paper key -> the entry ingest wrote for the paper before. */
  const storedByKey = new Map<string, { path: string; slug: unknown; line: number }>();
  for (const [index, [first]] of entriesOf) {
    const { path, entry } = generated[first!]!;
    storedByKey.set(listed[index]!.key, { path, slug: entry.data['slug'], line: fieldLine(entry, 'slug') });
  }
  const storedSlugs = new Map([...storedByKey].flatMap(([key, { slug }]) => (isSlug(slug) ? [[key, slug] as const] : [])));
  // The file name of a hand-written entry with a slug of its own is kept from new papers only.
  const held = new Set(storedSlugs.values());
  const fileNames = handWritten.map(({ path }) => fileSlug(path)).filter((name) => !held.has(name));
  // A paper given the slug of an entry continues that entry (its title edited by hand, say). Not the entry of a
  // paper with a DOI or arXiv id that no listed paper has (unless --prune deletes it now): that is another paper.
  const unclaimed = generated
    .filter((item, index) => !paperOfEntry.has(item) && !(prune && !hasUserContent(item.entry)) && (generatedIds[index]!.dois.length > 0 || generatedIds[index]!.arxivs.length > 0))
    .map(({ entry }) => entry.data['slug'])
    .filter(isSlug);
  const slugs = assignSlugs(listed, storedSlugs, new Set([...addresses.keys(), ...fileNames, ...unclaimed]));
  // A listed paper whose entry's slug is not its to keep is told so, and that entry is continued, and
  // moved, under the new slug.
  const formerSlugs = new Map<string, string>();
  for (const { key } of listed) {
    const before = storedByKey.get(key);
    const slug = slugs.get(key)!;
    if (before === undefined || before.slug === slug) continue;
    const { line } = before;
    const file = `${shown(papersDir)}/${before.path}`;
    if (!isSlug(before.slug)) {
      warnings.push({ file, line, message: `slug ${JSON.stringify(before.slug)} is not lowercase words joined by hyphens; a new one is given` });
    } else if (isListSegment(before.slug)) {
      warnings.push({ file, line, message: `slug "${before.slug}" is the address of a page of the papers table (/papers/${before.slug}/); a new one is given` });
      formerSlugs.set(slug, before.slug);
    } else if (addresses.has(before.slug)) {
      warnings.push({ file, line, message: `slug "${before.slug}" is the address of the hand-written entry ${shown(papersDir)}/${addresses.get(before.slug)}; a new one is given` });
      formerSlugs.set(slug, before.slug);
    }
  }

  const matcher = compileThemes(themes);
  const themesHash = hashText(themesSource);
  // Reading a paper's text for the terms is cached; weighing the terms against the whole list is not (it is quick).
  const termMatches = new Map<string, TermMatches>();
  // A paper whose entry (the one ingest continues) says `hidden: true` is not on the site: it does not make a term common there.
  const hidden = listed.map((_, index) => {
    const [first] = entriesOf.get(index) ?? [];
    return first !== undefined && generated[first]!.entry.data['hidden'] === true;
  });
  const { classifications, common } = classifyList(
    listed.map((paper) => {
      const key = classificationKey(themesHash, paper);
      const matches = cache.termMatches.get(key) ?? matchTerms(paper, matcher);
      termMatches.set(key, matches);
      return matches;
    }),
    matcher,
    hidden,
  );
  const papers = listed.map((paper, index) => ({ ...paper, ...classifications[index]!, slug: slugs.get(paper.key) as string }));

  const plan = planEntries(papers, stored, shown(papersDir), {
    themeIds: new Set(themes.map((theme) => theme.id)),
    formerSlugs,
    previousFingerprints: cache.entries,
    lastRead: cache.readings,
    caseInsensitive: isCaseInsensitive(papersDir),
  });
  warnings.push(...plan.warnings);
  warnings.push(...recreatedEntries(plan, new Set(stored.map(({ path }) => path)), cache.entries, shown(papersDir)));
  if (write) {
    // What the folder will hold, read before anything is written: an entry that could not be read back
    // stops the run, and the next run parses none of the rest again (but what JSON cannot keep).
    for (const { path, content, movedFrom } of plan.writes) {
      if (movedFrom) reader.forget(movedFrom);
      try {
        reader.read(path, content, path);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        // Only what the user added can break it: name their file, the one the entry is made from.
        throw new InputError(`${shown(papersDir)}/${movedFrom ?? path}`, undefined, `ingest cannot update this entry: the front matter it would write is not valid (${error.reason}). Is one of your fields an alias to an anchor on a field ingest writes? Pin that field or remove the alias`);
      }
    }
    for (const path of [...plan.leftovers, ...(prune ? plan.prunable : [])]) reader.forget(path);
    await applyPlan(papersDir, plan, { prune });
    const next = { entries: plan.fingerprints, termMatches, readings: reader.readings, parses };
    if (cacheText === undefined || !sameIngestCache(cache, next)) {
      const nextText = writeIngestCache(code, next);
      if (nextText !== cacheText) await writeFile(cachePath, nextText);
    }
  }

  return {
    listings: parsed.map(({ listing, papers: found }) => ({ listing, papers: found.length })),
    listedPapers: parsed.reduce((sum, listing) => sum + listing.papers.length, 0),
    notPapers: parsed.reduce((sum, listing) => sum + (listing.skipped ?? 0), 0),
    distinctPapers: merged.length,
    papers: plan.papers,
    handWritten: handWritten.length,
    hidden: stored.filter(({ entry }) => entry.data['hidden'] === true).length,
    themes: themes.map((theme) => ({ theme, papers: plan.papers.filter((paper) => paper.themes.includes(theme.id)).length })),
    commonTerms: common,
    plan,
    warnings,
  };
}

/**
 * The packages that read bibliographies and read and write entries (by their folder under node_modules):
 * a new version may read them differently from the parses and readings the cache keeps, or write them differently. gray-matter
 * reads YAML with js-yaml: its own copy today, the top-level one if npm ever hoists it.
 */
const ENTRY_PACKAGES = ['@citation-js/core', '@citation-js/plugin-bibtex', '@citation-js/plugin-ris', 'unicode2latex', 'gray-matter', 'gray-matter/node_modules/js-yaml', 'js-yaml', 'mdast-util-gfm', 'mdast-util-math', 'mdast-util-mdx', 'mdast-util-to-markdown', 'yaml'];

/**
 * A hash of what ingest's output depends on besides its input: the ingest modules (formats/ included), the
 * site module slug.ts uses, plain-markdown.ts and markdown/features.ts (entry.ts), and the versions of ENTRY_PACKAGES in package-lock.json.
 * Anything cached by other code is computed again.
 */
async function ingestCodeVersion(): Promise<string> {
  const folder = fileURLToPath(new URL('.', import.meta.url));
  const hash = createHash('sha256');
  const sources = (await readdir(folder, { recursive: true })).filter((file) => file.endsWith('.ts')).sort().map((name) => join(folder, name));
  for (const file of [...sources, join(folder, '../site/sort.ts'), join(folder, '../plain-markdown.ts'), join(folder, '../markdown/features.ts')]) hash.update(file.slice(folder.length)).update('\0').update(await readFile(file));
  const lock = await readOptionalText(join(folder, '../../../package-lock.json'));
  const packages = lock === undefined ? {} : ((JSON.parse(lock) as { packages?: Record<string, { version?: string }> }).packages ?? {});
  for (const name of ENTRY_PACKAGES) hash.update(`${name}@${packages[`node_modules/${name}`]?.version ?? '?'}\0`);
  return hash.digest('base64url');
}
