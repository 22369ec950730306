import { describe, expect, it } from 'vitest';
import type { PageWeights } from '../../scripts/bench/page-weights.ts';
import { formatReport, judge, medianCost, sizeResult, stepCost, sumCost, type BenchReport, type BibliographyFigures, type SiteFigures, type SizeFigures } from '../../scripts/bench/report.ts';
import type { SearchCost } from '../../scripts/bench/search-cost.ts';

const step = (wallSeconds: number, cpuSeconds: number, maxRssMb: number, systemSeconds = cpuSeconds / 4) => ({ wallSeconds, cpuSeconds, systemSeconds, maxRssKb: (maxRssMb * 1e6) / 1024 });
const kb = (megabytes: number) => (megabytes * 1e6) / 1024;

const figures = (papers: number, scale: number): SizeFigures => ({
  papers,
  listed: Math.round(papers * 1.18),
  listings: Math.ceil((papers * 1.18) / 250),
  ingestCold: step(0.5 * scale, 0.6 * scale, 120),
  ingestWarm: { ...step(0.4 * scale, 0.4 * scale, 130), filesChanged: [] },
  astroBuild: step(5 * scale, 6 * scale, 800),
  markdownBuild: step(4.8 * scale, 5.6 * scale, 780),
  componentsBuild: step(6.5 * scale, 8 * scale, 900),
  mathBuild: step(7 * scale, 9 * scale, 1000),
  pagefind: step(1 * scale, 1.5 * scale, 200),
  indexedBuild: step(6.6 * scale, 8 * scale, 850),
  // Round by round: one busy round (the second) that the medians of each build alone would not show.
  indexStepByRound: [
    { wallSeconds: 1.6 * scale, cpuSeconds: 2 * scale },
    { wallSeconds: 4.9 * scale, cpuSeconds: 6 * scale },
    { wallSeconds: 1.2 * scale, cpuSeconds: 1.8 * scale },
  ],
  pagefindCli: step(1.5 * scale, 2 * scale, 300),
  fullBuild: { ...step(10 * scale, 12 * scale, 900), peakRssAllKb: kb(1300) },
  eleventy: { build: step(2.5 * scale, 3 * scale, 400), pagefind: step(2 * scale, 2.5 * scale, 300) },
  hugo: { build: step(1.5 * scale, 2 * scale, 200), pagefind: step(2 * scale, 2.5 * scale, 300) },
  bareBuild: step(4 * scale, 4.5 * scale, 640),
  bareMdxBuild: step(16 * scale, 20 * scale, 2000),
  mdxToMarkdownByRound: [1.02, 1.05, 0.98],
});

const pages: PageWeights = {
  paperPages: { count: 2000, medianBytes: 9300, max: { path: 'papers/x/index.html', bytes: 10_400 } },
  themePages: { count: 250, max: { path: 'themes/unsorted/upvotes/index.html', bytes: 33_100 } },
  papersTable: { count: 60, max: { path: 'papers/upvotes/2/index.html', bytes: 61_000 } },
  homeBytes: 68_100,
  dist: { files: 4600, bytes: 44_000_000 },
  pagefind: { files: 2100, bytes: 6_000_000 },
  serviceWorkerPrecache: { coreBytes: 6_000_000, fragmentsBytes: 14_000_000, pagesBytes: 24_000_000 },
};

const search: SearchCost = {
  words: ['charon', 'cheal', 'a', 'b', 'c', 'd'],
  bytes: {
    pageLoad: { files: 6, bytes: 26_100, gzipBytes: 9600 },
    firstQuery: {
      files: 16,
      bytes: 408_700,
      gzipBytes: 166_100,
      parts: { 'pagefind.js and worker': { files: 1, bytes: 46_300, gzipBytes: 15_900 }, wasm: { files: 1, bytes: 59_800, gzipBytes: 59_800 } },
    },
    secondQuery: { files: 7, bytes: 30_500, gzipBytes: 30_500 },
  },
  responses: [],
  latenciesMs: [401, 261, 246, 237, 260, 369],
  medianLatencyMs: 260,
  debounceMs: 200,
  keystrokeMs: 40,
};

const site: SiteFigures = { papers: 2000, pages, search };

const bibliography: BibliographyFigures = {
  papers: 400,
  entries: 5000,
  withoutIt: step(0.5, 0.6, 120),
  ingestCold: step(1.7, 2.1, 260),
  ingestWarm: { ...step(0.6, 0.7, 200), filesChanged: [] },
};

describe('sizeResult', () => {
  it('compares astro build with the bare baseline', () => {
    const result = sizeResult(figures(400, 1));
    expect(result.ratioToBare.wallTime).toBeCloseTo(1.25);
    expect(result.ratioToBare.cpuTime).toBeCloseTo(6 / 4.5);
    expect(result.ratioToBare.maxRss).toBeCloseTo(1.25);
  });

  it('compares the all-.mdx build with the .md one and with bare glob() over .mdx, and the components and formulas builds with the .md one', () => {
    const result = sizeResult(figures(400, 1));
    expect(result.ratioToMarkdown.wallTime).toBeCloseTo(5 / 4.8);
    expect(result.ratioToMarkdown.maxRss).toBeCloseTo(800 / 780);
    expect(result.ratioToBareMdx).toEqual({ wallTime: 5 / 16, cpuTime: 6 / 20, maxRss: 0.4 });
    expect(result.componentsToMarkdown.wallTime).toBeCloseTo(6.5 / 4.8);
    expect(result.mathToMarkdown.cpuTime).toBeCloseTo(9 / 5.6);
  });

  it('takes the index step as the median of the rounds of the indexed build less the astro build, and compares it with the Pagefind CLI', () => {
    const result = sizeResult(figures(400, 1));
    expect(result.indexStep.wallSeconds).toBeCloseTo(1.6);
    expect(result.indexStep.cpuSeconds).toBeCloseTo(2);
    expect(result.indexStepToPagefindCli.wallTime).toBeCloseTo(1.6 / 1.5);
    expect(result.indexStepToPagefindCli.cpuTime).toBeCloseTo(1);
  });

  it("adds each anchor's build and index up, and compares our full build with them", () => {
    const result = sizeResult(figures(400, 1));
    expect(result.eleventyPipeline).toEqual({ wallSeconds: 4.5, cpuSeconds: 5.5, systemSeconds: 5.5 / 4, maxRssKb: kb(400) });
    expect(result.fullBuildToEleventy.wallTime).toBeCloseTo(10 / 4.5);
    expect(result.fullBuildToEleventy.cpuTime).toBeCloseTo(12 / 5.5);
    expect(result.fullBuildToHugo?.wallTime).toBeCloseTo(10 / 3.5);
  });

  it('has no Hugo figures when hugo is not installed', () => {
    const { hugo: _, ...withoutHugo } = figures(400, 1);
    const result = sizeResult(withoutHugo);
    expect(result.hugoPipeline).toBeUndefined();
    expect(result.fullBuildToHugo).toBeUndefined();
  });
});

describe('sumCost', () => {
  it('adds the times of steps run in turn and keeps the largest memory', () => {
    expect(sumCost([step(1, 2, 300), step(3, 4, 100)])).toEqual({ wallSeconds: 4, cpuSeconds: 6, systemSeconds: 1.5, maxRssKb: kb(300) });
    expect(sumCost([{ ...step(1, 2, 300), peakRssAllKb: kb(500) }, { ...step(3, 4, 100), peakRssAllKb: kb(700) }]).peakRssAllKb).toBe(kb(700));
  });
});

describe('stepCost', () => {
  it('counts user and system time as CPU time', () => {
    expect(stepCost({ wallSeconds: 2, userSeconds: 1.5, systemSeconds: 0.25, maxRssKb: 1000, exitStatus: 0 })).toEqual({ wallSeconds: 2, cpuSeconds: 1.75, systemSeconds: 0.25, maxRssKb: 1000 });
    expect(stepCost({ wallSeconds: 2, userSeconds: 1.5, systemSeconds: 0.25, maxRssKb: 1000, exitStatus: 0, peakRssAllKb: 2500 }).peakRssAllKb).toBe(2500);
  });
});

describe('medianCost', () => {
  it('takes the median of each figure on its own', () => {
    expect(medianCost([step(12, 15, 1400), step(9, 16, 1300), step(30, 14, 1350)])).toEqual(step(12, 15, 1350));
    expect(medianCost([step(10, 10, 100), step(12, 14, 300)])).toEqual(step(11, 12, 200));
    expect(() => medianCost([])).toThrow(/no run/);
    expect(medianCost([{ ...step(1, 1, 1), peakRssAllKb: 900 }, { ...step(1, 1, 1), peakRssAllKb: 100 }, { ...step(1, 1, 1), peakRssAllKb: 300 }]).peakRssAllKb).toBe(300);
  });
});

describe('judge', () => {
  it('passes or fails each target on the largest size and the site figures', () => {
    const verdicts = judge(sizeResult(figures(2000, 1)), site, bibliography);
    expect(Object.fromEntries(Object.entries(verdicts).map(([name, verdict]) => [name, verdict.pass]))).toEqual({
      ingestCold: true,
      ingestWarmTime: true,
      ingestWarmFiles: true,
      buildTime: false,
      buildCpu: false,
      buildMemory: false,
      mdxTime: true,
      mdxCpu: true,
      mdxMemory: true,
      bareMdxSpeed: true,
      bareMdxMemory: true,
      componentsTime: false,
      fullBuildToEleventy: false,
      indexStep: true,
      fullBuildMemory: true,
      firstQueryBytes: false,
      resultsLatency: true,
      paperPage: true,
      themePages: true,
      tablePages: true,
      bibliographyCold: true,
      bibliographyWarmFiles: true,
    });
  });

  it('fails a warm ingest that wrote a file, however fast', () => {
    const size = figures(2000, 1);
    const verdicts = judge(sizeResult({ ...size, ingestWarm: { ...size.ingestWarm, filesChanged: ['papers/agents/a.mdx'] } }), site, bibliography);
    expect(verdicts.ingestWarmFiles.pass).toBe(false);
    expect(verdicts.ingestWarmTime.pass).toBe(true);
  });

  it('holds the all-.mdx build to 1.1× the .md build, and to 3× faster than bare glob() over .mdx with half its memory', () => {
    const size = figures(2000, 1);
    const verdicts = judge(sizeResult({ ...size, astroBuild: step(5.4, 6, 800), bareMdxBuild: step(16, 20, 1500) }), site, bibliography);
    expect([verdicts.mdxTime.pass, verdicts.mdxCpu.pass, verdicts.bareMdxSpeed.pass, verdicts.bareMdxMemory.pass]).toEqual([false, true, false, false]);
  });

  it('holds the full build to 2.0× Eleventy + Pagefind and 2.5 GB of all processes, and the index step to 1.1× the Pagefind CLI', () => {
    const size = figures(10000, 1);
    const near = judge(sizeResult({ ...size, fullBuild: { ...step(9, 12, 900), peakRssAllKb: kb(2600) }, indexStepByRound: [{ wallSeconds: 1.7, cpuSeconds: 2 }] }), site, bibliography);
    expect([near.fullBuildToEleventy.pass, near.fullBuildMemory.pass, near.indexStep.pass]).toEqual([true, false, false]);
    const unmeasured = judge(sizeResult({ ...size, fullBuild: step(9, 12, 900) }), site, bibliography);
    expect(unmeasured.fullBuildMemory.pass).toBe(false);
  });

  it('holds a 5,000-entry bibliography to 1.5 s more than the cold ingest without it, and its re-run to no file written', () => {
    const slow = judge(sizeResult(figures(2000, 1)), site, { ...bibliography, ingestCold: step(2.0, 2.4, 260), ingestWarm: { ...bibliography.ingestWarm, filesChanged: ['.ingest-cache.json'] } });
    expect([slow.bibliographyCold.pass, slow.bibliographyWarmFiles.pass]).toEqual([false, false]);
  });
});

describe('formatReport', () => {
  const { hugo: _, ...withoutHugo } = figures(400, 1);
  const sizes = [sizeResult(withoutHugo), sizeResult(figures(2000, 4))];
  const report: BenchReport = {
    date: '2025-11-25T17:32:12.836Z',
    machine: { cpus: 2, cpuModel: 'AMD EPYC', memoryBytes: 25.3e9, node: 'v24.21.0', os: 'Linux 6.1 x64', loadAverage: [8.62, 9.15, 6.771] },
    seed: 1,
    rounds: 3,
    sizes,
    site,
    bibliography,
    verdicts: judge(sizes.at(-1)!, site, bibliography),
  };
  const markdown = formatReport(report);
  const line = (start: string) => markdown.split('\n').find((candidate) => candidate.startsWith(start));

  it('says where and when it ran', () => {
    expect(markdown).toContain('2025-11-25T17:32:12.836Z · Node v24.21.0 · 2 CPUs (AMD EPYC) · 25.3 GB RAM · Linux 6.1 x64 · seed 1');
    expect(markdown).toContain('Ingest (from nothing, then again) and the builds (in turn, from cold caches) ran 3 times each; each figure is the median.');
    expect(markdown).toContain('Load average at the end: 8.6 · 9.2 · 6.8 (1, 5, 15 min).');
  });

  it('has a column per size, and judges the targets at the largest', () => {
    expect(line('| figure | N=400')).toBe('| figure | N=400 | N=2000 | target | result (N=2000) |');
    expect(line('| ingest, cold: wall')).toBe('| ingest, cold: wall | 0.50 s | 2.00 s | < 2 s | **FAIL** |');
    expect(line('| ingest again: files changed')).toBe('| ingest again: files changed under content/ | 0 | 0 | 0 | PASS |');
    expect(line('| astro build, entries .mdx: CPU (system) · peak RSS')).toBe('| astro build, entries .mdx: CPU (system) · peak RSS | 6.00 s (1.50 s system) · 800.0 MB | 24.0 s (6.00 s system) · 800.0 MB |  |  |');
    expect(line('| astro build ÷ bare: wall time')).toBe('| astro build ÷ bare: wall time | 1.25× | 1.25× | ≤ 1.2× | **FAIL** |');
    expect(line('| astro build ÷ bare: CPU time')).toBe('| astro build ÷ bare: CPU time | 1.33× | 1.33× | ≤ 1.2× | **FAIL** |');
    expect(line('| astro build (all .mdx) ÷ .md build: wall time |')).toBe('| astro build (all .mdx) ÷ .md build: wall time | 1.04× | 1.04× | ≤ 1.1× | PASS |');
    expect(line('| astro build (all .mdx) ÷ .md build: wall time, round by round')).toBe('| astro build (all .mdx) ÷ .md build: wall time, round by round | 1.02×, 1.05×, 0.98× | 1.02×, 1.05×, 0.98× |  |  |');
    expect(line('| bare glob() .mdx ÷ astro build')).toBe('| bare glob() .mdx ÷ astro build: wall time (how much faster) | 3.20× | 3.20× | ≥ 3× faster | PASS |');
    expect(line('| 1% components ÷ .md build: wall time')).toBe('| 1% components ÷ .md build: wall time | 1.35× | 1.35× | ≤ 1.25× | **FAIL** |');
    expect(line('| 10% formulas')).toBe('| 10% formulas ÷ .md build: wall time · CPU time · peak RSS | 1.46× · 1.61× · 1.28× | 1.46× · 1.61× · 1.28× |  |  |');
  });

  it('compares our full build and index step with the anchors in the same run', () => {
    expect(line('| astro build with the search index (')).toBe('| astro build with the search index (`astro-build.ts --search-index`): wall | 6.60 s | 26.4 s |  |  |');
    expect(line('| our index step (that build')).toBe('| our index step (that build − astro build, median of the rounds): wall · CPU | 1.60 s · 2.00 s | 6.40 s · 8.00 s |  |  |');
    expect(line('| our index step, round by round')).toBe('| our index step, round by round: wall | 1.60 s, 4.90 s, 1.20 s | 6.40 s, 19.6 s, 4.80 s |  |  |');
    expect(line('| our index step ÷ Pagefind CLI on our dist/: wall')).toBe('| our index step ÷ Pagefind CLI on our dist/: wall time | 1.07× | 1.07× | ≤ 1.1× | PASS |');
    expect(line('| our index step ÷ Pagefind CLI on our dist/: CPU')).toBe('| our index step ÷ Pagefind CLI on our dist/: CPU time | 1.00× | 1.00× |  |  |');
    expect(line('| our full build (')).toBe('| our full build (`node scripts/build.ts`, ingest finding nothing to change): wall | 10.0 s | 40.0 s |  |  |');
    expect(line('| our full build: peak memory')).toBe('| our full build: peak memory, all processes together | 1300.0 MB | 1300.0 MB | ≤ 2.5 GB | PASS |');
    expect(line('| Eleventy 3 + Pagefind CLI: wall')).toBe('| Eleventy 3 + Pagefind CLI: wall (build + index) | 4.50 s (2.50 s + 2.00 s) | 18.0 s (10.0 s + 8.00 s) |  |  |');
    expect(line('| Hugo + Pagefind CLI: wall')).toBe('| Hugo + Pagefind CLI: wall (build + index) | hugo not installed | 14.0 s (6.00 s + 8.00 s) |  |  |');
    expect(line('| our full build ÷ Eleventy 3 + Pagefind: wall')).toBe('| our full build ÷ Eleventy 3 + Pagefind: wall time | 2.22× | 2.22× | ≤ 2.0× | **FAIL** |');
    expect(line('| our full build ÷ Hugo + Pagefind: wall')).toBe('| our full build ÷ Hugo + Pagefind: wall time |  | 2.86× |  |  |');
  });

  it('shows what the bibliography adds to a cold ingest at the smallest size', () => {
    expect(markdown).toContain('## A 5,000-entry bibliography beside the listings (N=400)');
    expect(line('| what the .bib adds')).toBe('| what the .bib adds to a cold ingest: wall | 1.20 s | < 1.5 s added | PASS |');
    expect(line('| ingest again with the .bib: files changed')).toBe('| ingest again with the .bib: files changed under content/ | 0 | 0 | PASS |');
  });

  it('weighs the pages of the largest site', () => {
    expect(line('| paper page HTML')).toBe('| paper page HTML (2000 pages): median · max | 9.3 kB · 10.4 kB | max < 20 kB | PASS |');
    expect(line('| theme page HTML')).toBe('| theme page HTML (250 pages): max | 33.1 kB (/themes/unsorted/upvotes/) | max < 100 kB | PASS |');
    expect(line('| /papers/')).toBe('| /papers/ table page HTML (60 pages): max | 61.0 kB (/papers/upvotes/2/) | max < 100 kB | PASS |');
  });

  it('shows the search bytes by part, and the latencies', () => {
    expect(line('| first query')).toBe('| first query "charon", library included (16 files) | 408.7 kB | 166.1 kB | < 300 kB served | **FAIL** |');
    expect(line('|   pagefind.js and worker')).toBe('|   pagefind.js and worker (1 files) | 46.3 kB | 15.9 kB |  |  |');
    expect(line('| median of 5 queries')).toBe('| median of 5 queries after the first (261 ms, 246 ms, 237 ms, 260 ms, 369 ms) | 260 ms | < 300 ms | PASS |');
    expect(markdown).toContain("it includes the input's 200 ms debounce");
  });
});
