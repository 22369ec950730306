/**
 * `npm run bench [-- --sizes 400,2000,10000] [-- --rounds 3]`: how the pipeline scales with
 * the number of papers. For each N, in a throwaway copy of the project with synthetic
 * listings (the repository's content/ and seeds/ are never touched), measures under
 * `/usr/bin/time -v`: ingest from empty content/papers, ingest again with nothing
 * changed (and the files it changed), then in turn `astro build` (scripts/astro-build.ts, as
 * `npm run build` runs it) of the entries as ingest writes them (`.mdx`), of the same
 * entries as `.md`, with 1% of them using a component in their notes and with 10% holding
 * formulas (scripts/bench/entry-variants.ts), and the `astro build` of a bare Astro site
 * rendering the same entries, as `.md` and as `.mdx`, and our `.mdx` build with its search
 * index (`astro-build.ts --search-index`); each of these `--rounds` times (medians are
 * reported), then the Pagefind index of the `.mdx` build. Then, `--rounds` times each: the
 * Pagefind CLI over that build's dist/ (the yardstick of our index step), our full build
 * (`node scripts/build.ts` itself, its ingest finding nothing to change, with the memory of all
 * its processes together), and the anchors over the same entries: Eleventy 3 + the Pagefind CLI,
 * and Hugo + the Pagefind CLI when `hugo` is on the PATH (scripts/bench/eleventy-site.ts, hugo-site.ts).
 * On the smallest N it also measures ingest with a 5,000-entry `.bib` added to the listings
 * (scripts/bench/synthetic-bibliography.ts), cold and again with nothing changed.
 * On the largest N it also weighs the built pages and measures search in headless Chromium.
 *
 * Writes .bench/report.json and .bench/report.md and prints the Markdown; each step's
 * output goes to .bench/logs/. Progress goes to stderr, one line a step. Exits 0 whether
 * targets pass or not (a measurement); 1 when a step fails, with its output.
 */
import { readFileSync, rmSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { arch, cpus, loadavg, release, totalmem, type as osType } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { filesUnder } from '../src/lib/files-under.ts';
import { INGEST_CACHE_FILE } from '../src/lib/ingest/ingest-cache.ts';
import { parseThemes, THEMES_FILE } from '../src/lib/ingest/themes.ts';
import { astroBin, writeBareSite } from './bench/bare-site.ts';
import { eleventyBuildArgs, ELEVENTY_OUTPUT, writeEleventySite } from './bench/eleventy-site.ts';
import { asMarkdown, componentNotes, MATH_NOTES, withNotesOn, type Entries } from './bench/entry-variants.ts';
import { HUGO_OUTPUT, hugoBuildArgs, hugoVersion, writeHugoSite } from './bench/hugo-site.ts';
import { measure } from './bench/measure.ts';
import { measurePageWeights } from './bench/page-weights.ts';
import { pagefindArgs, pagefindBin } from './bench/pagefind-cli.ts';
import { benchProject } from './bench/project-copy.ts';
import { formatReport, judge, medianCost, ratio, sizeResult, stepCost, type AnchorFigures, type BenchReport, type BibliographyFigures, type SiteFigures, type SizeResult, type StepCost } from './bench/report.ts';
import { measureSearch } from './bench/search-cost.ts';
import { generateBibliography } from './bench/synthetic-bibliography.ts';
import { generateListings } from './bench/synthetic.ts';
import { changedFiles, snapshotTree } from './bench/tree-snapshot.ts';

const USAGE = 'usage: npm run bench [-- --sizes 400,2000,10000] [-- --rounds 3]';
const SEED = 1;
/** The first two words measure bytes; the latency median is over the others after the first. */
const QUERIES = 6;
/** The size of the bibliography whose cost ingest is to keep under 1.5 s (issue 17). */
const BIBLIOGRAPHY_ENTRIES = 5000;
const repoRoot = resolve(import.meta.dirname, '..');
const reportDir = join(repoRoot, '.bench');
/** Each step's output, to see where the time goes (`n-10000-astro-build.log`). */
const logDir = join(reportDir, 'logs');

/**
 * Project copies (hundreds of MB at N=10000), removed once every size is measured, or when
 * the run is interrupted: deleting tens of thousands of files keeps the disk busy for
 * seconds, which would slow the next size's steps.
 */
const temporary = new Set<string>();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

const progress = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const megabytes = (kb: number) => `${Math.round((kb * 1024) / 1e6)} MB`;
const figures = (step: StepCost) =>
  `${step.wallSeconds.toFixed(2)} s wall, ${step.cpuSeconds.toFixed(2)} s CPU (${step.systemSeconds.toFixed(2)} s system), ${megabytes(step.maxRssKb)} peak RSS` +
  (step.peakRssAllKb === undefined ? '' : `, ${megabytes(step.peakRssAllKb)} all processes together`);

function parseOptions(): { sizes: number[]; rounds: number } {
  const { values } = parseArgs({ options: { sizes: { type: 'string', default: '400,2000,10000' }, rounds: { type: 'string', default: '3' } } });
  const sizes = values.sizes.split(',').map((size) => Number(size.trim()));
  if (sizes.some((size) => !Number.isInteger(size) || size < 100)) throw new Error(`--sizes takes whole numbers of papers from 100, comma-separated: "${values.sizes}"`);
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds takes a whole number from 1: "${values.rounds}"`);
  return { sizes: sizes.sort((a, b) => a - b), rounds };
}

/**
 * Runs `node <args>` (or `command <args>`) in `cwd` under /usr/bin/time -v, as `npm run build`
 * would (no BASE_PATH, no SITE_URL); `allProcesses` also measures the memory of all its processes together.
 */
async function timed(label: string, cwd: string, args: string[], { command = process.execPath, allProcesses = false } = {}): Promise<StepCost> {
  const usage = await measure({ label, cwd, command, args, env: { BASE_PATH: undefined, SITE_URL: undefined } }, { allProcesses });
  await writeFile(join(logDir, `${label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/-$/, '')}.log`), usage.output);
  const cost = stepCost(usage);
  progress(`${label}: ${figures(cost)}`);
  return cost;
}

let setAsideCount = 0;

/**
 * Moves `paths` (relative to `dir`, missing ones skipped) out of the way, under
 * `dir`/.bench-set-aside/, so that the next step starts without them. Not deleted until
 * the end: for about half a minute after thousands of files are deleted, creating files
 * on the same disk can take several times as long (the kernel skips recently freed
 * inodes), which would be measured as part of the next step.
 */
async function setAside(dir: string, paths: string[]): Promise<void> {
  const aside = join(dir, '.bench-set-aside', String(++setAsideCount));
  await mkdir(aside, { recursive: true });
  for (const path of paths) {
    await rename(join(dir, path), join(aside, path.replaceAll('/', '_'))).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
}

/** What ingest leaves for the next run: the next one starts from nothing. */
const INGEST_OUTPUT = ['content/papers', `content/${INGEST_CACHE_FILE}`];

/**
 * What a build leaves for the next one: its output, Astro's content store (in its cacheDir,
 * node_modules/.astro), Vite's cache and the generated types. Without them every round
 * loads every entry, as a first build does.
 */
const BUILD_OUTPUT = ['dist', 'node_modules/.astro', 'node_modules/.vite', '.astro'];

/** Entry files under `dir`: path -> text. */
const readEntries = (dir: string): Map<string, string> => new Map(filesUnder(dir).map((path) => [path, readFileSync(join(dir, path), 'utf8')]));

async function writeEntries(dir: string, entries: Entries): Promise<void> {
  for (const [path, text] of entries) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}

/** The entries of each of our builds (see scripts/bench/entry-variants.ts). */
const VARIANTS = {
  mdx: (entries: Entries) => entries,
  md: asMarkdown,
  components: (entries: Entries) => withNotesOn(entries, 0.01, componentNotes),
  math: (entries: Entries) => withNotesOn(entries, 0.1, () => MATH_NOTES),
};
type Variant = keyof typeof VARIANTS;

/**
 * Ingest of the size's listings with a bibliography of BIBLIOGRAPHY_ENTRIES papers added to
 * seeds/, from nothing and again with nothing changed, `rounds` times; compared with the
 * size's cold ingest without it.
 */
async function benchBibliography(dir: string, papers: number, vocabulary: readonly string[], withoutIt: StepCost, rounds: number): Promise<BibliographyFigures> {
  await writeFile(join(dir, 'seeds', 'bench-library.bib'), generateBibliography({ entries: BIBLIOGRAPHY_ENTRIES, vocabulary, seed: SEED }));
  const label = `N=${papers} + ${BIBLIOGRAPHY_ENTRIES}-entry .bib ingest`;
  const coldRuns: StepCost[] = [];
  const warmRuns: StepCost[] = [];
  const changed = new Set<string>();
  for (let round = 1; round <= rounds; round++) {
    await setAside(dir, INGEST_OUTPUT);
    const of = rounds > 1 ? ` (round ${round} of ${rounds})` : '';
    coldRuns.push(await timed(`${label}, cold${of}`, dir, ['scripts/ingest.ts']));
    const before = await snapshotTree(join(dir, 'content'));
    warmRuns.push(await timed(`${label} again, nothing changed${of}`, dir, ['scripts/ingest.ts']));
    for (const file of changedFiles(before, await snapshotTree(join(dir, 'content')))) changed.add(file);
  }
  return { papers, entries: BIBLIOGRAPHY_ENTRIES, withoutIt, ingestCold: medianCost(coldRuns), ingestWarm: { ...medianCost(warmRuns), filesChanged: [...changed].sort() } };
}

/**
 * Another generator's pipeline in `siteDir`, `rounds` times: its build (`command <args>`, writing
 * its pages to `output` under `siteDir`), then the Pagefind CLI over them.
 */
async function benchAnchor(label: string, siteDir: string, output: string, command: string, args: string[], rounds: number): Promise<AnchorFigures> {
  const builds: StepCost[] = [];
  const indexes: StepCost[] = [];
  for (let round = 1; round <= rounds; round++) {
    const of = rounds > 1 ? ` (round ${round} of ${rounds})` : '';
    await setAside(siteDir, [output]);
    builds.push(await timed(`${label} build${of}`, siteDir, args, { command }));
    indexes.push(await timed(`${label} Pagefind CLI${of}`, siteDir, pagefindArgs(output), { command: pagefindBin }));
  }
  return { build: medianCost(builds), pagefind: medianCost(indexes) };
}

/** Theme id -> title, from the project's content/themes.yaml. */
function themeTitles(dir: string): Map<string, string> {
  const file = join(dir, 'content', THEMES_FILE);
  return new Map(parseThemes(readFileSync(file, 'utf8'), file).themes.map((theme) => [theme.id, theme.title]));
}

interface SizeOptions {
  largest: boolean;
  smallest: boolean;
  /** Whether `hugo` is on the PATH. */
  hugo: boolean;
}

async function benchSize(papers: number, { largest, smallest, hugo }: SizeOptions, rounds: number): Promise<{ size: SizeResult; site?: SiteFigures; bibliography?: BibliographyFigures }> {
  const synthetic = generateListings({ papers, seed: SEED });
  const dir = await benchProject(synthetic.listings);
  temporary.add(dir);
  progress(`N=${papers}: ${synthetic.listed} listed papers in ${Object.keys(synthetic.listings).length} listings, project copy in ${dir}`);
  // Every step `rounds` times, medians reported: a busy spell of a shared machine falls on
  // one round, which the median sets aside. The two builds run in turn, from cold caches.
  const ofRounds = (round: number) => (rounds > 1 ? ` (round ${round} of ${rounds})` : '');
  const coldRuns: StepCost[] = [];
  const warmRuns: StepCost[] = [];
  const changed = new Set<string>();
  for (let round = 1; round <= rounds; round++) {
    if (round > 1) await setAside(dir, INGEST_OUTPUT);
    coldRuns.push(await timed(`N=${papers} ingest, cold${ofRounds(round)}`, dir, ['scripts/ingest.ts']));
    const before = await snapshotTree(join(dir, 'content'));
    warmRuns.push(await timed(`N=${papers} ingest again, nothing changed${ofRounds(round)}`, dir, ['scripts/ingest.ts']));
    for (const file of changedFiles(before, await snapshotTree(join(dir, 'content')))) changed.add(file);
  }
  const filesChanged = [...changed].sort();
  progress(`N=${papers} ingest again changed ${filesChanged.length} files under content/${filesChanged.length > 0 ? `: ${filesChanged.slice(0, 5).join(', ')}` : ''}`);

  // Each build's entries wait in a folder of their own and are moved into content/papers for it.
  const entriesDir = join(dir, 'content', 'papers');
  const heldDir = join(dir, '.bench-entries');
  const ingested = readEntries(entriesDir);
  await setAside(dir, ['content/papers']);
  for (const [variant, entries] of Object.entries(VARIANTS)) await writeEntries(join(heldDir, variant), entries(ingested));
  const bareDir = await writeBareSite(join(heldDir, 'md'));
  temporary.add(bareDir);
  const bareMdxDir = await writeBareSite(join(heldDir, 'mdx'));
  temporary.add(bareMdxDir);

  /** Our build of a variant's entries: `node <args>`, astro build unless told. */
  const ourBuild = async (variant: Variant, label: string, args = ['scripts/astro-build.ts']): Promise<StepCost> => {
    await setAside(dir, BUILD_OUTPUT);
    await rename(join(heldDir, variant), entriesDir);
    try {
      return await timed(label, dir, args);
    } finally {
      await rename(entriesDir, join(heldDir, variant));
    }
  };
  const bareBuild = async (bare: string, label: string): Promise<StepCost> => {
    await setAside(bare, BUILD_OUTPUT);
    return timed(label, bare, [astroBin, 'build']);
  };
  /** What `npm run build` runs after ingest: astro build with the search index. */
  const withIndex = ['scripts/astro-build.ts', '--outDir', 'dist', '--search-index'];
  const runs: Record<'astro' | 'markdown' | 'components' | 'math' | 'bare' | 'bareMdx' | 'indexed', StepCost[]> = {
    astro: [],
    markdown: [],
    components: [],
    math: [],
    bare: [],
    bareMdx: [],
    indexed: [],
  };
  for (let round = 1; round <= rounds; round++) {
    // The two builds compared most closely (all .mdx and .md) run one after the other, then
    // the all-.mdx build with its index, compared with the one before it: dist/ is then the
    // site as `npm run build` makes it.
    const of = ofRounds(round);
    runs.bareMdx.push(await bareBuild(bareMdxDir, `N=${papers} bare astro build, glob() over .mdx${of}`));
    runs.components.push(await ourBuild('components', `N=${papers} astro build, 1% with a component${of}`));
    runs.math.push(await ourBuild('math', `N=${papers} astro build, 10% with formulas${of}`));
    runs.bare.push(await bareBuild(bareDir, `N=${papers} bare baseline astro build${of}`));
    runs.markdown.push(await ourBuild('md', `N=${papers} astro build, entries .md${of}`));
    runs.astro.push(await ourBuild('mdx', `N=${papers} astro build${of}`));
    runs.indexed.push(await ourBuild('mdx', `N=${papers} astro build with the search index${of}`, withIndex));
  }
  await rename(join(heldDir, 'mdx'), entriesDir);
  const [ingestCold, warm] = [coldRuns, warmRuns].map(medianCost) as [StepCost, StepCost];
  const pagefind = await timed(`N=${papers} Pagefind index`, dir, ['scripts/index-search.ts', 'dist']);

  // The CLI's bundle goes out of dist/, which stays as it was.
  const cliOutput = '.bench-pagefind-cli';
  const cliRuns: StepCost[] = [];
  for (let round = 1; round <= rounds; round++) {
    await setAside(dir, [cliOutput]);
    cliRuns.push(await timed(`N=${papers} Pagefind CLI on our dist${ofRounds(round)}`, dir, pagefindArgs('dist', cliOutput), { command: pagefindBin }));
  }
  // The whole of `npm run build`, as one command: its ingest finds the entries as it wrote them.
  const fullRuns: StepCost[] = [];
  for (let round = 1; round <= rounds; round++) {
    await setAside(dir, BUILD_OUTPUT);
    fullRuns.push(await timed(`N=${papers} full build, node scripts/build.ts${ofRounds(round)}`, dir, ['scripts/build.ts'], { allProcesses: true }));
  }

  const titles = themeTitles(dir);
  const eleventyDir = await writeEleventySite(ingested, titles);
  temporary.add(eleventyDir);
  const eleventy = await benchAnchor(`N=${papers} Eleventy`, eleventyDir, ELEVENTY_OUTPUT, process.execPath, eleventyBuildArgs, rounds);
  let hugoFigures: AnchorFigures | undefined;
  if (hugo) {
    const hugoDir = await writeHugoSite(ingested, titles);
    temporary.add(hugoDir);
    hugoFigures = await benchAnchor(`N=${papers} Hugo`, hugoDir, HUGO_OUTPUT, 'hugo', hugoBuildArgs, rounds);
  }

  const size = sizeResult({
    papers,
    listed: synthetic.listed,
    listings: Object.keys(synthetic.listings).length,
    ingestCold,
    ingestWarm: { ...warm, filesChanged },
    astroBuild: medianCost(runs.astro),
    markdownBuild: medianCost(runs.markdown),
    componentsBuild: medianCost(runs.components),
    mathBuild: medianCost(runs.math),
    pagefind,
    indexedBuild: medianCost(runs.indexed),
    indexStepByRound: runs.indexed.map((run, k) => ({ wallSeconds: run.wallSeconds - runs.astro[k]!.wallSeconds, cpuSeconds: run.cpuSeconds - runs.astro[k]!.cpuSeconds })),
    pagefindCli: medianCost(cliRuns),
    fullBuild: medianCost(fullRuns),
    eleventy,
    ...(hugoFigures && { hugo: hugoFigures }),
    bareBuild: medianCost(runs.bare),
    bareMdxBuild: medianCost(runs.bareMdx),
    mdxToMarkdownByRound: runs.astro.map((run, index) => ratio(run, runs.markdown[index]!).wallTime),
  });
  const bibliography = smallest ? await benchBibliography(dir, papers, synthetic.vocabulary, ingestCold, rounds) : undefined;
  if (!largest) return { size, ...(bibliography && { bibliography }) };

  const dist = join(dir, 'dist');
  const pages = await measurePageWeights(dist);
  progress(`N=${papers} page weights: ${pages.dist.files} files in dist/`);
  const search = await measureSearch(dist, synthetic.queryWords.slice(0, QUERIES));
  progress(`N=${papers} search in chromium: first query ${search.bytes.firstQuery.bytes} bytes, median ${Math.round(search.medianLatencyMs)} ms`);
  return { size, site: { papers, pages, search }, ...(bibliography && { bibliography }) };
}

async function main({ sizes, rounds }: { sizes: number[]; rounds: number }): Promise<void> {
  await rm(logDir, { recursive: true, force: true });
  await mkdir(logDir, { recursive: true });
  const hugo = hugoVersion();
  progress(hugo ? `Hugo anchor: ${hugo}` : 'Hugo anchor: hugo not installed (not on the PATH)');
  const results: SizeResult[] = [];
  let site: SiteFigures | undefined;
  let bibliography: BibliographyFigures | undefined;
  try {
    for (const [index, papers] of sizes.entries()) {
      const measured = await benchSize(papers, { largest: index === sizes.length - 1, smallest: index === 0, hugo: hugo !== undefined }, rounds);
      results.push(measured.size);
      if (measured.site) site = measured.site;
      if (measured.bibliography) bibliography = measured.bibliography;
    }
  } finally {
    for (const dir of temporary) await rm(dir, { recursive: true, force: true });
  }
  const report: BenchReport = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryBytes: totalmem(), node: process.version, os: `${osType()} ${release()} ${arch()}`, loadAverage: loadavg() },
    seed: SEED,
    rounds,
    sizes: results,
    site: site!,
    bibliography: bibliography!,
    verdicts: judge(results.at(-1)!, site!, bibliography!),
  };
  const markdown = formatReport(report);
  await writeFile(join(reportDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(join(reportDir, 'report.md'), markdown);
  progress('wrote .bench/report.json and .bench/report.md, and the output of each step in .bench/logs/');
  console.log(markdown);
}

let options: { sizes: number[]; rounds: number } | undefined;
try {
  options = parseOptions();
} catch (error) {
  console.error(`bench: ${(error as Error).message}\n${USAGE}`);
  process.exitCode = 1;
}
if (options) {
  try {
    await main(options);
  } catch (error) {
    // A failed step's error carries the step's command and output.
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
