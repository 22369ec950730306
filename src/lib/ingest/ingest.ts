import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { classifyPaper, compileThemes } from './classify.ts';
import { applyPlan, planEntries, scanEntries, type EntryPlan } from './entry-store.ts';
import { InputError } from './errors.ts';
import { parseListingsConfig, type ListingSettings } from './listings-config.ts';
import { mergePapers } from './merge.ts';
import { titleKey } from './normalise.ts';
import { parseListing } from './parse-listing.ts';
import { assignSlugs } from './slug.ts';
import { parseThemes } from './themes.ts';
import type { ClassifiedPaper, ParsedListing, Theme, Warning } from './types.ts';

export interface IngestPaths {
  /** Folder of listing files (`*.txt`) and the optional `listings.yaml`. */
  seedsDir: string;
  /** Folder holding `themes.yaml` and the generated `papers/`. */
  contentDir: string;
}

export interface IngestReport {
  listings: { listing: string; papers: number }[];
  listedPapers: number;
  papers: ClassifiedPaper[];
  themes: { theme: Theme; papers: number }[];
  plan: EntryPlan;
  warnings: Warning[];
}

export const LISTINGS_CONFIG = 'listings.yaml';
export const THEMES_FILE = 'themes.yaml';

async function readText(path: string): Promise<string> {
  const bytes = await readFile(path);
  const name = relative(process.cwd(), path);
  if (bytes.includes(0)) throw new InputError(name, undefined, 'this is a binary file, not a text listing');
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

function undatedYearWarning(parsed: ParsedListing): Warning[] {
  const undated = parsed.papers.filter((paper) => paper.published && !paper.published.date);
  const first = undated[0];
  if (!first) return [];
  return [{
    listing: parsed.listing,
    line: first.source.line,
    message: `${undated.length} dates have no year and are kept as written; to resolve them, give this listing a capture date in seeds/${LISTINGS_CONFIG} (${parsed.listing}: { captured: YYYY-MM-DD })`,
  }];
}

/** Listings in, one entry per distinct paper out. With `write: false` nothing on disk changes. */
export async function ingest(paths: IngestPaths, { write = true } = {}): Promise<IngestReport> {
  const themesPath = join(paths.contentDir, THEMES_FILE);
  const themesSource = await readOptionalText(themesPath);
  if (themesSource === undefined) throw new InputError(relative(process.cwd(), themesPath), undefined, 'the themes file is missing');
  const themes = parseThemes(themesSource, relative(process.cwd(), themesPath));

  const configPath = join(paths.seedsDir, LISTINGS_CONFIG);
  const configSource = await readOptionalText(configPath);
  const settings = configSource === undefined ? new Map<string, ListingSettings>() : parseListingsConfig(configSource, relative(process.cwd(), configPath));

  const listingNames = (await readdir(paths.seedsDir)).filter((name) => name.endsWith('.txt')).sort();
  const parsed = await Promise.all(
    listingNames.map(async (name) => {
      const captured = settings.get(name)?.captured;
      return parseListing(await readText(join(paths.seedsDir, name)), name, captured === undefined ? {} : { capturedOn: captured });
    }),
  );
  const configWarnings: Warning[] = [...settings.keys()]
    .filter((name) => !listingNames.includes(name))
    .map((name) => ({ listing: LISTINGS_CONFIG, line: 1, message: `settings for "${name}", which is not a listing in ${paths.seedsDir}` }));

  const merged = mergePapers(parsed.flatMap((listing) => listing.papers));
  const papersDir = join(paths.contentDir, 'papers');
  const stored = await scanEntries(papersDir);
  const existingSlugs = new Map(
    stored.flatMap(({ entry }) => (typeof entry.data['title'] === 'string' && typeof entry.data['slug'] === 'string' ? [[titleKey(entry.data['title']), entry.data['slug']] as const] : [])),
  );
  const slugs = assignSlugs(merged, existingSlugs);
  const matchers = compileThemes(themes);
  const papers = merged.map((paper) => ({ ...paper, ...classifyPaper(paper, matchers), slug: slugs.get(paper.key) as string }));

  const plan = planEntries(papers, stored);
  if (write) await applyPlan(papersDir, plan);

  return {
    listings: parsed.map(({ listing, papers: listed }) => ({ listing, papers: listed.length })),
    listedPapers: parsed.reduce((sum, listing) => sum + listing.papers.length, 0),
    papers,
    themes: themes.map((theme) => ({ theme, papers: papers.filter((paper) => paper.themes.includes(theme.id)).length })),
    plan,
    warnings: [...configWarnings, ...parsed.flatMap((listing) => [...listing.warnings, ...undatedYearWarning(listing)])],
  };
}
