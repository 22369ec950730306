/**
 * The benchmark's figures, its targets, and the Markdown table it prints.
 * Pure: the figures come in, text and verdicts go out.
 */
import type { ResourceUsage } from './gnu-time.ts';
import type { PageWeights } from './page-weights.ts';
import type { SearchCost } from './search-cost.ts';

export interface StepCost {
  wallSeconds: number;
  /** User + system time. */
  cpuSeconds: number;
  /** The system (kernel) part of it: mostly the file system, for steps that write thousands of files. */
  systemSeconds: number;
  maxRssKb: number;
  /** Peak resident memory of all the step's processes together, for the steps measured so (measure()'s `allProcesses`). */
  peakRssAllKb?: number;
}

export const stepCost = (usage: ResourceUsage & { peakRssAllKb?: number }): StepCost => ({
  wallSeconds: usage.wallSeconds,
  cpuSeconds: usage.userSeconds + usage.systemSeconds,
  systemSeconds: usage.systemSeconds,
  maxRssKb: usage.maxRssKb,
  ...(usage.peakRssAllKb !== undefined && { peakRssAllKb: usage.peakRssAllKb }),
});

/** Steps run one after the other as one: times add up, memory is the largest step's. */
export function sumCost(steps: readonly StepCost[]): StepCost {
  const total = (figure: (step: StepCost) => number) => steps.reduce((sum, step) => sum + figure(step), 0);
  const allKb = steps.map((step) => step.peakRssAllKb);
  return {
    wallSeconds: total((step) => step.wallSeconds),
    cpuSeconds: total((step) => step.cpuSeconds),
    systemSeconds: total((step) => step.systemSeconds),
    maxRssKb: Math.max(...steps.map((step) => step.maxRssKb)),
    ...(allKb.every((kb) => kb !== undefined) && { peakRssAllKb: Math.max(...allKb) }),
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The median of each figure over several runs of a step (each figure on its own): what the
 * step usually costs, whatever else a shared machine did during one of the runs.
 */
export function medianCost(runs: readonly StepCost[]): StepCost {
  if (runs.length === 0) throw new Error('medianCost: no run');
  const allKb = runs.map((run) => run.peakRssAllKb);
  return {
    wallSeconds: median(runs.map((run) => run.wallSeconds)),
    cpuSeconds: median(runs.map((run) => run.cpuSeconds)),
    systemSeconds: median(runs.map((run) => run.systemSeconds)),
    maxRssKb: median(runs.map((run) => run.maxRssKb)),
    ...(allKb.every((kb) => kb !== undefined) && { peakRssAllKb: median(allKb) }),
  };
}

/** Another generator's pipeline over the same entries: its build, then the Pagefind CLI over the pages it wrote. */
export interface AnchorFigures {
  build: StepCost;
  pagefind: StepCost;
}

/** What one size measured. */
export interface SizeFigures {
  /** Distinct papers, the size's N. */
  papers: number;
  listed: number;
  listings: number;
  ingestCold: StepCost;
  /** Ingest run again on the same input, and the files it changed under content/. */
  ingestWarm: StepCost & { filesChanged: string[] };
  /** Our build of the entries as ingest writes them: every one `.mdx`. */
  astroBuild: StepCost;
  /** Our build of the same entries as `.md` files: what MDX is to cost no more than. */
  markdownBuild: StepCost;
  /** Our build with 1% of the entries importing a component in their notes. */
  componentsBuild: StepCost;
  /** Our build with 10% of the entries holding three formulas in their notes. */
  mathBuild: StepCost;
  /** scripts/index-search.ts over the `.mdx` build's dist/ (run once). */
  pagefind: StepCost;
  /** Our build of the `.mdx` entries with its search index, in the same rounds as `astroBuild` (`astro-build.ts --search-index`). */
  indexedBuild: StepCost;
  /**
   * Our index step round by round: the build with the index − the astro build of the same round.
   * Its median is the step's figure: the median of each build on its own can come from different
   * rounds, as a busy spell of the machine falls on one.
   */
  indexStepByRound: { wallSeconds: number; cpuSeconds: number }[];
  /** The Pagefind CLI over the same dist/, its bundle written elsewhere: the yardstick of our index step. */
  pagefindCli: StepCost;
  /** `node scripts/build.ts` itself, as `npm run build` runs it, over the `.mdx` entries ingest finds unchanged; with the memory of all its processes. */
  fullBuild: StepCost;
  /** Eleventy 3 + the Pagefind CLI (scripts/bench/eleventy-site.ts). */
  eleventy: AnchorFigures;
  /** Hugo + the Pagefind CLI (scripts/bench/hugo-site.ts); absent when `hugo` is not on the PATH. */
  hugo?: AnchorFigures;
  /** `astro build` of the bare baseline site (see bare-site.ts) over the entries as `.md`. */
  bareBuild: StepCost;
  /** The same bare site, with `glob()` over the entries as `.mdx`. */
  bareMdxBuild: StepCost;
  /** The all-`.mdx` build ÷ the `.md` build, wall time, round by round (the medians hide how much one round differs). */
  mdxToMarkdownByRound: number[];
}

/** One build's figures ÷ another's. */
export interface Ratio {
  wallTime: number;
  cpuTime: number;
  maxRss: number;
}

export const ratio = (step: StepCost, to: StepCost): Ratio => ({
  wallTime: step.wallSeconds / to.wallSeconds,
  cpuTime: step.cpuSeconds / to.cpuSeconds,
  maxRss: step.maxRssKb / to.maxRssKb,
});

export interface SizeResult extends SizeFigures {
  /** Each anchor's build and index, one after the other. */
  eleventyPipeline: StepCost;
  hugoPipeline?: StepCost;
  /**
   * What building the search index adds to our build: the indexed build's time − the astro
   * build's (medians of the same rounds). CPU time is the steadier figure on a shared machine.
   */
  indexStep: { wallSeconds: number; cpuSeconds: number };
  /** Our index step ÷ the Pagefind CLI over the same dist/. */
  indexStepToPagefindCli: { wallTime: number; cpuTime: number };
  /** Our full build ÷ each anchor's pipeline. */
  fullBuildToEleventy: Ratio;
  fullBuildToHugo?: Ratio;
  /** astro build ÷ bare baseline build (`.md`). CPU time is the steadier figure when other work shares the machine. */
  ratioToBare: Ratio;
  /** astro build (all `.mdx`) ÷ the `.md` build. */
  ratioToMarkdown: Ratio;
  /** astro build (all `.mdx`) ÷ bare `glob()` over `.mdx`. */
  ratioToBareMdx: Ratio;
  /** The 1%-components build ÷ the `.md` build. */
  componentsToMarkdown: Ratio;
  /** The 10%-formulas build ÷ the `.md` build. */
  mathToMarkdown: Ratio;
}

export function sizeResult(figures: SizeFigures): SizeResult {
  const pipeline = ({ build, pagefind }: AnchorFigures) => sumCost([build, pagefind]);
  const eleventyPipeline = pipeline(figures.eleventy);
  const hugoPipeline = figures.hugo && pipeline(figures.hugo);
  const indexStep = {
    wallSeconds: median(figures.indexStepByRound.map((round) => round.wallSeconds)),
    cpuSeconds: median(figures.indexStepByRound.map((round) => round.cpuSeconds)),
  };
  return {
    ...figures,
    eleventyPipeline,
    ...(hugoPipeline && { hugoPipeline, fullBuildToHugo: ratio(figures.fullBuild, hugoPipeline) }),
    indexStep,
    indexStepToPagefindCli: { wallTime: indexStep.wallSeconds / figures.pagefindCli.wallSeconds, cpuTime: indexStep.cpuSeconds / figures.pagefindCli.cpuSeconds },
    fullBuildToEleventy: ratio(figures.fullBuild, eleventyPipeline),
    ratioToBare: ratio(figures.astroBuild, figures.bareBuild),
    ratioToMarkdown: ratio(figures.astroBuild, figures.markdownBuild),
    ratioToBareMdx: ratio(figures.astroBuild, figures.bareMdxBuild),
    componentsToMarkdown: ratio(figures.componentsBuild, figures.markdownBuild),
    mathToMarkdown: ratio(figures.mathBuild, figures.markdownBuild),
  };
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryBytes: number;
  node: string;
  os: string;
  /** Over the last 1, 5 and 15 minutes at the end of the run: above the CPU count, other work competed. */
  loadAverage: number[];
}

/** Figures of the largest size's full site. */
export interface SiteFigures {
  papers: number;
  pages: PageWeights;
  search: SearchCost;
}

/** Ingest with a bibliography added to the smallest size's listings (issue 17). */
export interface BibliographyFigures {
  /** The size's N: the listed papers beside the bibliography. */
  papers: number;
  /** BibTeX entries in the bibliography. */
  entries: number;
  /** The size's cold ingest without the bibliography. */
  withoutIt: StepCost;
  ingestCold: StepCost;
  ingestWarm: StepCost & { filesChanged: string[] };
}

export interface Verdict {
  target: string;
  pass: boolean;
}

export type TargetName =
  | 'ingestCold'
  | 'ingestWarmTime'
  | 'ingestWarmFiles'
  | 'buildTime'
  | 'buildCpu'
  | 'buildMemory'
  | 'mdxTime'
  | 'mdxCpu'
  | 'mdxMemory'
  | 'bareMdxSpeed'
  | 'bareMdxMemory'
  | 'componentsTime'
  | 'fullBuildToEleventy'
  | 'indexStep'
  | 'fullBuildMemory'
  | 'firstQueryBytes'
  | 'resultsLatency'
  | 'paperPage'
  | 'themePages'
  | 'tablePages'
  | 'bibliographyCold'
  | 'bibliographyWarmFiles';

export interface BenchReport {
  /** ISO date and time of the run. */
  date: string;
  machine: Machine;
  seed: number;
  /** How many times ingest and the builds each ran (see bench.ts); figures are medians. */
  rounds: number;
  sizes: SizeResult[];
  site: SiteFigures;
  bibliography: BibliographyFigures;
  /** Judged on the largest size, but the bibliography's, on the smallest. */
  verdicts: Record<TargetName, Verdict>;
}

/** The targets of the issue; size targets are set for N = 10000 and judged on the largest size run. */
export function judge(largest: SizeResult, site: SiteFigures, bibliography: BibliographyFigures): Record<TargetName, Verdict> {
  const verdict = (target: string, pass: boolean): Verdict => ({ target, pass });
  return {
    ingestCold: verdict('< 2 s', largest.ingestCold.wallSeconds < 2),
    ingestWarmTime: verdict('< 1 s', largest.ingestWarm.wallSeconds < 1),
    ingestWarmFiles: verdict('0', largest.ingestWarm.filesChanged.length === 0),
    buildTime: verdict('≤ 1.2×', largest.ratioToBare.wallTime <= 1.2),
    // The same target on CPU time: a wall-clock ratio also measures what else ran meanwhile.
    buildCpu: verdict('≤ 1.2×', largest.ratioToBare.cpuTime <= 1.2),
    buildMemory: verdict('≤ 1.2×', largest.ratioToBare.maxRss <= 1.2),
    // Issue 16: every entry MDX, at Markdown's cost.
    mdxTime: verdict('≤ 1.1×', largest.ratioToMarkdown.wallTime <= 1.1),
    mdxCpu: verdict('≤ 1.1×', largest.ratioToMarkdown.cpuTime <= 1.1),
    mdxMemory: verdict('≤ 1.1×', largest.ratioToMarkdown.maxRss <= 1.1),
    bareMdxSpeed: verdict('≥ 3× faster', 1 / largest.ratioToBareMdx.wallTime >= 3),
    bareMdxMemory: verdict('≤ 0.5×', largest.ratioToBareMdx.maxRss <= 0.5),
    componentsTime: verdict('≤ 1.25×', largest.componentsToMarkdown.wallTime <= 1.25),
    // Issue 20: near the fastest generators, the index as fast as Pagefind's own CLI, within 2.5 GB.
    fullBuildToEleventy: verdict('≤ 2.0×', largest.fullBuildToEleventy.wallTime <= 2),
    indexStep: verdict('≤ 1.1×', largest.indexStepToPagefindCli.wallTime <= 1.1),
    fullBuildMemory: verdict('≤ 2.5 GB', largest.fullBuild.peakRssAllKb !== undefined && largest.fullBuild.peakRssAllKb * 1024 <= 2.5e9),
    firstQueryBytes: verdict('< 300 kB served', site.search.bytes.firstQuery.bytes < 300_000),
    resultsLatency: verdict('< 300 ms', site.search.medianLatencyMs < 300),
    paperPage: verdict('max < 20 kB', site.pages.paperPages.max.bytes < 20_000),
    themePages: verdict('max < 100 kB', site.pages.themePages.max.bytes < 100_000),
    tablePages: verdict('max < 100 kB', site.pages.papersTable.max.bytes < 100_000),
    // Issue 17: a 5,000-entry .bib adds under 1.5 s to a cold ingest; a re-run writes nothing.
    bibliographyCold: verdict('< 1.5 s added', bibliography.ingestCold.wallSeconds - bibliography.withoutIt.wallSeconds < 1.5),
    bibliographyWarmFiles: verdict('0', bibliography.ingestWarm.filesChanged.length === 0),
  };
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const MB = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const seconds = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} s`;
const rss = (kb: number) => MB(kb * 1024);
const ms = (value: number) => `${Math.round(value)} ms`;
const times = (ratio: number) => `${ratio.toFixed(2)}×`;
const cost = (step: StepCost) => `${seconds(step.cpuSeconds)} (${seconds(step.systemSeconds)} system) · ${rss(step.maxRssKb)}`;
/** A page path as its URL (`themes/x/index.html` -> `/themes/x/`). */
const pageUrl = (path: string) => `/${path.replace(/(^|\/)index\.html$/, '$1')}`;
/** An anchor's pipeline: the sum, then its two steps. */
const anchorWall = ({ build, pagefind }: AnchorFigures) => `${seconds(build.wallSeconds + pagefind.wallSeconds)} (${seconds(build.wallSeconds)} + ${seconds(pagefind.wallSeconds)})`;
const result = ({ pass }: Verdict) => (pass ? 'PASS' : '**FAIL**');

function table(head: string[], rows: string[][], align: string[]): string {
  return [`| ${head.join(' | ')} |`, `| ${align.join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

export function formatReport(report: BenchReport): string {
  const { machine, sizes, site, bibliography, verdicts } = report;
  const largest = sizes.at(-1)!;
  const { pages, search } = site;
  const { firstQuery, secondQuery, pageLoad } = search.bytes;

  // One row per figure, one column per size; rows with a target get its verdict at the largest size.
  const row = (figure: string, value: (size: SizeResult) => string, target?: TargetName) => [
    figure,
    ...sizes.map(value),
    target ? verdicts[target].target : '',
    target ? result(verdicts[target]) : '',
  ];
  const buildRows = [
    row('listed papers (listings)', (size) => `${size.listed} (${size.listings})`),
    row('ingest, cold: wall', (size) => seconds(size.ingestCold.wallSeconds), 'ingestCold'),
    row('ingest, cold: CPU (system) · peak RSS', (size) => cost(size.ingestCold)),
    row('ingest again, nothing changed: wall', (size) => seconds(size.ingestWarm.wallSeconds), 'ingestWarmTime'),
    row('ingest again: files changed under content/', (size) => String(size.ingestWarm.filesChanged.length), 'ingestWarmFiles'),
    row('ingest again: CPU (system) · peak RSS', (size) => cost(size.ingestWarm)),
    row('astro build, entries as ingest writes them (.mdx): wall', (size) => seconds(size.astroBuild.wallSeconds)),
    row('astro build, entries .mdx: CPU (system) · peak RSS', (size) => cost(size.astroBuild)),
    row('astro build, entries as .md: wall', (size) => seconds(size.markdownBuild.wallSeconds)),
    row('astro build, entries as .md: CPU (system) · peak RSS', (size) => cost(size.markdownBuild)),
    row('astro build, 1% with a component in their notes: wall', (size) => seconds(size.componentsBuild.wallSeconds)),
    row('astro build, 1% with a component: CPU (system) · peak RSS', (size) => cost(size.componentsBuild)),
    row('astro build, 10% with three formulas in their notes: wall', (size) => seconds(size.mathBuild.wallSeconds)),
    row('astro build, 10% with formulas: CPU (system) · peak RSS', (size) => cost(size.mathBuild)),
    row('Pagefind index: wall', (size) => seconds(size.pagefind.wallSeconds)),
    row('Pagefind index: CPU (system) · peak RSS', (size) => cost(size.pagefind)),
    row('astro build with the search index (`astro-build.ts --search-index`): wall', (size) => seconds(size.indexedBuild.wallSeconds)),
    row('astro build with the search index: CPU (system) · peak RSS', (size) => cost(size.indexedBuild)),
    row('our index step (that build − astro build, median of the rounds): wall · CPU', (size) => `${seconds(size.indexStep.wallSeconds)} · ${seconds(size.indexStep.cpuSeconds)}`),
    row('our index step, round by round: wall', (size) => size.indexStepByRound.map((round) => seconds(round.wallSeconds)).join(', ')),
    row('Pagefind CLI on our dist/: wall', (size) => seconds(size.pagefindCli.wallSeconds)),
    row('Pagefind CLI on our dist/: CPU (system) · peak RSS', (size) => cost(size.pagefindCli)),
    row('our index step ÷ Pagefind CLI on our dist/: wall time', (size) => times(size.indexStepToPagefindCli.wallTime), 'indexStep'),
    row('our index step ÷ Pagefind CLI on our dist/: CPU time', (size) => times(size.indexStepToPagefindCli.cpuTime)),
    row('our full build (`node scripts/build.ts`, ingest finding nothing to change): wall', (size) => seconds(size.fullBuild.wallSeconds)),
    row('our full build: CPU (system) · peak RSS', (size) => cost(size.fullBuild)),
    row('our full build: peak memory, all processes together', (size) => (size.fullBuild.peakRssAllKb === undefined ? '' : rss(size.fullBuild.peakRssAllKb)), 'fullBuildMemory'),
    row('Eleventy 3 + Pagefind CLI: wall (build + index)', (size) => anchorWall(size.eleventy)),
    row('Eleventy 3 + Pagefind CLI: CPU (system) · peak RSS', (size) => cost(size.eleventyPipeline)),
    row('Hugo + Pagefind CLI: wall (build + index)', (size) => (size.hugo ? anchorWall(size.hugo) : 'hugo not installed')),
    row('Hugo + Pagefind CLI: CPU (system) · peak RSS', (size) => (size.hugoPipeline ? cost(size.hugoPipeline) : '')),
    row('our full build ÷ Eleventy 3 + Pagefind: wall time', (size) => times(size.fullBuildToEleventy.wallTime), 'fullBuildToEleventy'),
    row('our full build ÷ Eleventy 3 + Pagefind: CPU time · peak RSS', (size) => `${times(size.fullBuildToEleventy.cpuTime)} · ${times(size.fullBuildToEleventy.maxRss)}`),
    row('our full build ÷ Hugo + Pagefind: wall time', (size) => (size.fullBuildToHugo ? times(size.fullBuildToHugo.wallTime) : '')),
    row('bare baseline astro build, glob() over .md: wall', (size) => seconds(size.bareBuild.wallSeconds)),
    row('bare baseline, glob() over .md: CPU (system) · peak RSS', (size) => cost(size.bareBuild)),
    row('bare Astro, glob() over .mdx: wall', (size) => seconds(size.bareMdxBuild.wallSeconds)),
    row('bare Astro, glob() over .mdx: CPU (system) · peak RSS', (size) => cost(size.bareMdxBuild)),
    row('astro build ÷ bare: wall time', (size) => times(size.ratioToBare.wallTime), 'buildTime'),
    row('astro build ÷ bare: CPU time', (size) => times(size.ratioToBare.cpuTime), 'buildCpu'),
    row('astro build ÷ bare: peak RSS', (size) => times(size.ratioToBare.maxRss), 'buildMemory'),
    row('our full build ÷ bare: wall time', (size) => times(size.fullBuild.wallSeconds / size.bareBuild.wallSeconds)),
    row('astro build (all .mdx) ÷ .md build: wall time', (size) => times(size.ratioToMarkdown.wallTime), 'mdxTime'),
    row('astro build (all .mdx) ÷ .md build: wall time, round by round', (size) => size.mdxToMarkdownByRound.map(times).join(', ')),
    row('astro build (all .mdx) ÷ .md build: CPU time', (size) => times(size.ratioToMarkdown.cpuTime), 'mdxCpu'),
    row('astro build (all .mdx) ÷ .md build: peak RSS', (size) => times(size.ratioToMarkdown.maxRss), 'mdxMemory'),
    row('bare glob() .mdx ÷ astro build: wall time (how much faster)', (size) => times(1 / size.ratioToBareMdx.wallTime), 'bareMdxSpeed'),
    row('astro build ÷ bare glob() .mdx: CPU time', (size) => times(size.ratioToBareMdx.cpuTime)),
    row('astro build ÷ bare glob() .mdx: peak RSS', (size) => times(size.ratioToBareMdx.maxRss), 'bareMdxMemory'),
    row('1% components ÷ .md build: wall time', (size) => times(size.componentsToMarkdown.wallTime), 'componentsTime'),
    row('1% components ÷ .md build: CPU time · peak RSS', (size) => `${times(size.componentsToMarkdown.cpuTime)} · ${times(size.componentsToMarkdown.maxRss)}`),
    row('10% formulas ÷ .md build: wall time · CPU time · peak RSS', (size) => [size.mathToMarkdown.wallTime, size.mathToMarkdown.cpuTime, size.mathToMarkdown.maxRss].map(times).join(' · ')),
  ];

  const bibliographyRows = [
    [`ingest, cold, without the .bib: wall`, seconds(bibliography.withoutIt.wallSeconds), '', ''],
    [`ingest, cold, with the .bib: wall`, seconds(bibliography.ingestCold.wallSeconds), '', ''],
    ['what the .bib adds to a cold ingest: wall', seconds(bibliography.ingestCold.wallSeconds - bibliography.withoutIt.wallSeconds), verdicts.bibliographyCold.target, result(verdicts.bibliographyCold)],
    ['ingest, cold, with the .bib: CPU (system) · peak RSS', cost(bibliography.ingestCold), '', ''],
    ['ingest again with the .bib, nothing changed: wall', seconds(bibliography.ingestWarm.wallSeconds), '', ''],
    ['ingest again with the .bib: files changed under content/', String(bibliography.ingestWarm.filesChanged.length), verdicts.bibliographyWarmFiles.target, result(verdicts.bibliographyWarmFiles)],
  ];

  const partRows = Object.entries(firstQuery.parts).map(([part, total]) => [`  ${part} (${total.files} files)`, kB(total.bytes), kB(total.gzipBytes), '', '']);
  const [firstWord, secondWord] = search.words;
  const byteRows = [
    ['/search/ page load: HTML, CSS, own JS', kB(pageLoad.bytes), kB(pageLoad.gzipBytes), '', ''],
    [`first query "${firstWord}", library included (${firstQuery.files} files)`, kB(firstQuery.bytes), kB(firstQuery.gzipBytes), verdicts.firstQueryBytes.target, result(verdicts.firstQueryBytes)],
    ...partRows,
    [`second query "${secondWord}" (${secondQuery.files} files)`, kB(secondQuery.bytes), kB(secondQuery.gzipBytes), '', ''],
  ];
  const after = search.latenciesMs.slice(1);
  const latencyRows = [
    [`median of ${after.length} queries after the first (${after.map(ms).join(', ')})`, ms(search.medianLatencyMs), verdicts.resultsLatency.target, result(verdicts.resultsLatency)],
    ['first query (loads Pagefind)', ms(search.latenciesMs[0]!), '', ''],
  ];

  const pageRows = [
    [`paper page HTML (${pages.paperPages.count} pages): median · max`, `${kB(pages.paperPages.medianBytes)} · ${kB(pages.paperPages.max.bytes)}`, verdicts.paperPage.target, result(verdicts.paperPage)],
    [`theme page HTML (${pages.themePages.count} pages): max`, `${kB(pages.themePages.max.bytes)} (${pageUrl(pages.themePages.max.path)})`, verdicts.themePages.target, result(verdicts.themePages)],
    [`/papers/ table page HTML (${pages.papersTable.count} pages): max`, `${kB(pages.papersTable.max.bytes)} (${pageUrl(pages.papersTable.max.path)})`, verdicts.tablePages.target, result(verdicts.tablePages)],
    ['home page HTML', kB(pages.homeBytes), '', ''],
    ['dist/ in total', `${MB(pages.dist.bytes)} (${pages.dist.files} files)`, '', ''],
    ['Pagefind bundle (dist/pagefind/)', `${MB(pages.pagefind.bytes)} (${pages.pagefind.files} files)`, '', ''],
    [
      'service worker precache on a first visit: core + search results + pages',
      `${MB(pages.serviceWorkerPrecache.coreBytes)} + ${MB(pages.serviceWorkerPrecache.fragmentsBytes)} + ${MB(pages.serviceWorkerPrecache.pagesBytes)}`,
      '',
      '',
    ],
  ];

  return [
    '# reading-list benchmark',
    '',
    `${report.date} · Node ${machine.node} · ${machine.cpus} CPUs (${machine.cpuModel}) · ${(machine.memoryBytes / 1e9).toFixed(1)} GB RAM · ${machine.os} · seed ${report.seed}`,
    `Load average at the end: ${machine.loadAverage.map((load) => load.toFixed(1)).join(' · ')} (1, 5, 15 min).`,
    '',
    'Wall is elapsed time, CPU is user + system time, peak RSS the largest process of the step (`/usr/bin/time -v`).',
    'Peak memory of all processes together: the resident memory of every process of the step, summed, sampled every 50 ms (shared pages count once per process).',
    'Our full build is `node scripts/build.ts` itself, timed as one command; an anchor is its build, then the Pagefind CLI over its pages, and its wall is the sum of the two.',
    report.rounds === 1
      ? 'Each step ran once.'
      : `Ingest (from nothing, then again) and the builds (in turn, from cold caches) ran ${report.rounds} times each; each figure is the median.`,
    'Other work may share the machine. Targets are set for N = 10000; the result column judges the largest N run.',
    '',
    `## Build, per number of papers N`,
    '',
    table(['figure', ...sizes.map((size) => `N=${size.papers}`), 'target', `result (N=${largest.papers})`], buildRows, ['---', ...sizes.map(() => '---:'), '---', '---']),
    '',
    `## A ${bibliography.entries.toLocaleString('en')}-entry bibliography beside the listings (N=${bibliography.papers})`,
    '',
    table(['figure', 'value', 'target', 'result'], bibliographyRows, ['---', '---:', '---', '---']),
    '',
    `## Pages of the largest site (N=${site.papers})`,
    '',
    table(['figure', 'value', 'target', 'result'], pageRows, ['---', '---:', '---', '---']),
    '',
    `## Search on the largest site (N=${site.papers}), headless Chromium`,
    '',
    `Response bodies as a local static server sends them (uncompressed); "gzipped" is what a host compressing them would send.`,
    '',
    table(['bytes', 'served', 'gzipped', 'target', 'result'], byteRows, ['---', '---:', '---:', '---', '---']),
    '',
    `Time from the last keystroke to the results on screen (the next frame), typing a key every ${search.keystrokeMs} ms; it includes the input's ${search.debounceMs} ms debounce.`,
    '',
    table(['results after the last keystroke', 'value', 'target', 'result'], latencyRows, ['---', '---:', '---', '---']),
    '',
  ].join('\n');
}
