/**
 * The site's machine-readable outputs and the pages that show them, checked on both
 * builds (root and BASE_PATH=/reading-list): RSS feeds, sitemap, papers.json, .bib
 * files, related papers and the cite box on paper pages, and the home page's charts.
 * Every expectation is derived from content/ (and the listings for abstracts).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { scanEntries } from '../../src/lib/ingest/entry-store.ts';
import { mergePapers } from '../../src/lib/ingest/merge.ts';
import { titleKey } from '../../src/lib/ingest/normalise.ts';
import { SITE } from '../../src/config.ts';
import { sortPapersBy } from '../../src/lib/site/sort.ts';
import { bibtexText, capitalsProtected, parseBibtex, type BibEntry } from '../setup/bibtex.ts';
import { normaliseText, readPaperEntries, readThemes, sortsOffered } from '../setup/content.ts';
import { builtFileFor, readHtml } from '../setup/dist.ts';
import { parseSeed, seedNames } from '../setup/seeds.ts';
import { BUILDS } from '../setup/site-builds.ts';
import { readAsHtml } from '../setup/read-as-html.ts';
import { childrenNamed, parseXml, textOf, type XmlElement } from '../setup/xml.ts';

const repoRoot = inject('repoRoot');
const siteDirs = inject('siteDirs');
const themes = await readThemes(repoRoot);

interface Expected {
  slug: string;
  title: string;
  themes: string[];
  date?: string;
  data: Record<string, unknown>;
}
const papers: Expected[] = (await scanEntries(join(repoRoot, 'content', 'papers'))).map(({ entry: { data } }) => {
  const published = data.published as { date?: string } | undefined;
  return { slug: String(data.slug), title: String(data.title), themes: (data.themes as string[]).map(String), date: published?.date, data };
});
const bySlug = new Map(papers.map((paper) => [paper.slug, paper]));
const inTheme = (id: string) => papers.filter((paper) => paper.themes.includes(id));
/** What a feed of `list` holds: its newest SITE.feedSize papers, in the site's order (whose rules sort.test.ts checks). */
const feedOf = (list: Expected[]) =>
  sortPapersBy(
    list.map((paper) => ({ id: paper.slug, paper, data: { title: paper.title, published: paper.date ? { text: paper.date, date: paper.date } : undefined, themes: [] } })),
    'date',
  )
    .slice(0, SITE.feedSize)
    .map(({ paper }) => paper);
/** Abstracts as the listings wrote them, by title key (hand-written entries have none). */
const listedAbstracts = new Map(mergePapers(seedNames.flatMap((name) => parseSeed(name).papers)).map((paper) => [paper.key, paper.abstract]));

const SHOWN_PROBLEMS = 25;
const summarise = (problems: string[]) =>
  problems.length <= SHOWN_PROBLEMS ? problems : [...problems.slice(0, SHOWN_PROBLEMS), `... and ${problems.length - SHOWN_PROBLEMS} more`];

describe.each(BUILDS)('outputs of the site built with base $basePath', (build) => {
  const dir = siteDirs[build.name];
  const base = build.basePath;
  const read = (file: string) => readFile(join(dir, file), 'utf8');

  /** The configured site's origin, from the home page's canonical link. */
  async function siteOrigin(): Promise<string> {
    const href = (await readHtml(dir, 'index.html')).querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
    expect(URL.canParse(href), `canonical ${href}`).toBe(true);
    return new URL(href).origin;
  }
  /** Problems with an absolute URL that should be a built file under the base. */
  async function checkLink(value: string | undefined, where: string, problems: string[]): Promise<URL | undefined> {
    const origin = await siteOrigin();
    if (!value || !URL.canParse(value)) return void problems.push(`${where}: ${JSON.stringify(value)} is not an absolute URL`);
    const target = new URL(value);
    if (target.origin !== origin) problems.push(`${where}: ${value} is not on ${origin}`);
    else if (!target.pathname.startsWith(base)) problems.push(`${where}: ${value} is outside ${base}`);
    else if (!builtFileFor(dir, base, target.pathname)) problems.push(`${where}: ${value} does not exist`);
    return target;
  }

  async function readFeed(file: string): Promise<{ channel: XmlElement; items: XmlElement[] }> {
    const root = parseXml(await read(file));
    expect(root.name).toBe('rss');
    const [channel] = childrenNamed(root, 'channel');
    return { channel, items: childrenNamed(channel, 'item') };
  }

  /** Feed items against the expected papers: exact titles, links, descriptions, order by date. */
  async function checkFeed(file: string, expected: Expected[]): Promise<string[]> {
    const problems: string[] = [];
    const { channel, items } = await readFeed(file);
    await checkLink(textOf(childrenNamed(channel, 'link')[0]), `${file} channel link`, problems);
    const origin = await siteOrigin();
    const self = childrenNamed(channel, 'atom:link')[0]?.attributes.href;
    if (self !== `${origin}${base}${file}`) problems.push(`${file}: atom:link rel=self ${self}, expected ${origin}${base}${file}`);
    const wanted = new Map(expected.map((paper) => [`${origin}${base}papers/${paper.slug}/`, paper]));
    if (items.length !== expected.length) problems.push(`${file}: ${items.length} items, expected ${expected.length}`);
    const seen = new Set<string>();
    let previous: number | undefined = Number.POSITIVE_INFINITY;
    for (const item of items) {
      const link = textOf(childrenNamed(item, 'link')[0]) ?? '';
      const paper = wanted.get(link);
      await checkLink(link, `${file} item`, problems);
      if (!paper) {
        problems.push(`${file}: item links to ${link}, not to a paper of this feed`);
        continue;
      }
      if (seen.has(paper.slug)) problems.push(`${file}: ${paper.slug} listed twice`);
      seen.add(paper.slug);
      // Feed readers read titles and descriptions as HTML (src/lib/site/feeds.ts).
      const title = readAsHtml(textOf(childrenNamed(item, 'title')[0]) ?? '').text;
      if (title !== paper.title) problems.push(`${file}: ${paper.slug} titled ${JSON.stringify(title)}, expected ${JSON.stringify(paper.title)}`);
      const abstract = listedAbstracts.get(titleKey(paper.title));
      const description = readAsHtml(textOf(childrenNamed(item, 'description')[0]) ?? '').text;
      if (abstract !== undefined && description !== abstract) problems.push(`${file}: ${paper.slug} description ${JSON.stringify(description?.slice(0, 80))}`);
      // Newest first by published date; undated items after all dated ones, with no pubDate.
      const pubDate = textOf(childrenNamed(item, 'pubDate')[0]);
      if (paper.date === undefined) {
        if (pubDate !== undefined) problems.push(`${file}: undated ${paper.slug} has pubDate ${pubDate}`);
        previous = undefined;
      } else {
        const time = Date.parse(pubDate ?? '');
        const [y, m = 1, d = 1] = paper.date.split('-').map(Number);
        if (time !== Date.UTC(y, m - 1, d)) problems.push(`${file}: ${paper.slug} pubDate ${pubDate}, expected ${paper.date}`);
        if (previous === undefined) problems.push(`${file}: dated ${paper.slug} comes after an undated item`);
        else if (time > previous) problems.push(`${file}: ${paper.slug} (${paper.date}) comes after a later item`);
        previous = time;
      }
    }
    return problems;
  }

  test('rss.xml is well-formed RSS 2.0 with the newest papers: exact titles, abstracts, links under the base, newest first', async () => {
    expect(papers.length, 'the list is longer than a feed, so the cut is checked').toBeGreaterThan(SITE.feedSize);
    expect(summarise(await checkFeed('rss.xml', feedOf(papers)))).toEqual([]);
  });

  test('each theme has its feed at themes/<id>/rss.xml with exactly its newest papers', async () => {
    const problems: string[] = [];
    for (const theme of themes) {
      const file = `themes/${theme.id}/rss.xml`;
      if (!existsSync(join(dir, file))) {
        problems.push(`${file} is missing`);
        continue;
      }
      problems.push(...(await checkFeed(file, feedOf(inTheme(theme.id)))));
    }
    expect(summarise(problems)).toEqual([]);
  });

  test('pages advertise the site feed, and theme pages their own feed, at URLs that exist', async () => {
    const problems: string[] = [];
    const alternates = async (file: string) =>
      (await readHtml(dir, file)).querySelectorAll('link[rel="alternate"][type="application/rss+xml"]').map((link) => link.getAttribute('href') ?? '');
    for (const file of ['index.html', 'search/index.html', `papers/${papers[0].slug}/index.html`]) {
      if (!(await alternates(file)).includes(`${base}rss.xml`)) problems.push(`${file}: no alternate link to ${base}rss.xml`);
    }
    for (const theme of themes) {
      const hrefs = await alternates(`themes/${theme.id}/index.html`);
      if (!hrefs.includes(`${base}themes/${theme.id}/rss.xml`)) problems.push(`themes/${theme.id}/: no alternate link to its feed (${hrefs.join(', ')})`);
    }
    for (const href of new Set((await alternates('index.html')).concat(await alternates(`themes/${themes[0].id}/index.html`)))) {
      if (!builtFileFor(dir, base, href)) problems.push(`${href} does not exist`);
    }
    expect(problems).toEqual([]);
  });

  test('the sitemap lists every paper and theme page and every page of the papers table, only URLs under the base that exist', async () => {
    const problems: string[] = [];
    const index = parseXml(await read('sitemap-index.xml'));
    const origin = await siteOrigin();
    const locs: string[] = [];
    for (const sitemap of childrenNamed(index, 'sitemap')) {
      const loc = textOf(childrenNamed(sitemap, 'loc')[0]) ?? '';
      const target = await checkLink(loc, 'sitemap-index.xml', problems);
      if (!target) continue;
      const urlset = parseXml(await readFile(builtFileFor(dir, base, target.pathname)!, 'utf8'));
      for (const url of childrenNamed(urlset, 'url')) locs.push(textOf(childrenNamed(url, 'loc')[0]) ?? '');
    }
    for (const loc of locs) await checkLink(loc, 'sitemap', problems);
    const listed = new Set(locs);
    // Like a theme's pages in each order, each page of the table is a page of its own (its own canonical URL).
    const sorts = sortsOffered(await readPaperEntries(repoRoot));
    const tablePages = sorts.flatMap((sort) =>
      Array.from({ length: Math.ceil(papers.length / SITE.tablePageSize) }, (_, i) => `papers/${sort === 'date' ? '' : `${sort}/`}${i > 0 ? `${i + 1}/` : ''}`),
    );
    expect(tablePages.length).toBeGreaterThan(sorts.length);
    for (const path of ['', ...tablePages, ...papers.map((paper) => `papers/${paper.slug}/`), ...themes.map((theme) => `themes/${theme.id}/`)]) {
      if (!listed.has(`${origin}${base}${path}`)) problems.push(`sitemap lacks ${origin}${base}${path}`);
    }
    if (locs.some((loc) => loc.includes('404'))) problems.push('sitemap lists the 404 page');
    expect(summarise(problems)).toEqual([]);
  });

  test('papers.json holds every paper with the data of its entry', async () => {
    const json = JSON.parse(await read('papers.json')) as { papers: Record<string, unknown>[]; themes: { id: string; papers: number }[] };
    const origin = await siteOrigin();
    const problems: string[] = [];
    expect(json.papers.map((record) => record.slug).sort()).toEqual(papers.map((paper) => paper.slug).sort());
    for (const record of json.papers) {
      const paper = bySlug.get(String(record.slug));
      if (!paper) continue;
      const { data } = paper;
      const published = data.published as Record<string, unknown> | undefined;
      const expected = {
        url: `${origin}${base}papers/${paper.slug}/`,
        title: paper.title,
        themes: paper.themes,
        mainTheme: data.mainTheme ?? paper.themes[0],
        published: published ? { text: published.text, date: published.date ?? null, precision: published.precision ?? null, yearSource: published.yearSource ?? null } : null,
        upvotes: data.upvotes ?? null,
        authorsCount: data.authorsCount ?? null,
        organisation: data.organisation ?? null,
        sources: data.sources ?? [],
      };
      for (const [key, value] of Object.entries(expected)) {
        if (JSON.stringify(record[key]) !== JSON.stringify(value)) problems.push(`${paper.slug}.${key}: ${JSON.stringify(record[key])}, expected ${JSON.stringify(value)}`);
      }
      const abstract = listedAbstracts.get(titleKey(paper.title));
      if (abstract !== undefined && record.abstract !== abstract) problems.push(`${paper.slug}.abstract: ${JSON.stringify(String(record.abstract).slice(0, 80))}`);
    }
    for (const theme of themes) {
      const count = json.themes.find((entry) => entry.id === theme.id)?.papers;
      if (count !== inTheme(theme.id).length) problems.push(`theme ${theme.id}: ${count} papers, expected ${inTheme(theme.id).length}`);
    }
    expect(summarise(problems)).toEqual([]);
  });

  /** Entries of a .bib file by key, checked against the expected papers. */
  async function checkBib(file: string, expected: Expected[], problems: string[]): Promise<Map<string, BibEntry>> {
    const entries = parseBibtex(await read(file));
    const origin = await siteOrigin();
    const keys = entries.map((entry) => entry.key);
    if (new Set(keys).size !== keys.length) problems.push(`${file}: duplicate citation keys`);
    if (entries.length !== expected.length) problems.push(`${file}: ${entries.length} entries, expected ${expected.length}`);
    const byUrl = new Map(entries.map((entry) => [entry.fields.get('url'), entry]));
    for (const paper of expected) {
      const url = `${origin}${base}papers/${paper.slug}/`;
      const entry = byUrl.get(url);
      if (!entry) {
        problems.push(`${file}: no entry with url ${url}`);
        continue;
      }
      const title = entry.fields.get('title') ?? '';
      if (bibtexText(title) !== normaliseText(paper.title)) problems.push(`${file}: ${paper.slug} title reads ${JSON.stringify(bibtexText(title))}`);
      if (!capitalsProtected(title)) problems.push(`${file}: ${paper.slug} title leaves a capital unprotected`);
      const year = paper.date?.slice(0, 4);
      if (entry.fields.get('year') !== year) problems.push(`${file}: ${paper.slug} year ${entry.fields.get('year')}, expected ${year}`);
      if (entry.fields.has('author')) problems.push(`${file}: ${paper.slug} has an author field`);
    }
    return new Map(entries.map((entry) => [String(entry.fields.get('url')), entry]));
  }

  test('papers.bib has one well-formed entry per paper, unique keys; each theme .bib its papers with the same keys', async () => {
    const problems: string[] = [];
    const all = await checkBib('papers.bib', papers, problems);
    for (const theme of themes) {
      const file = `themes/${theme.id}.bib`;
      if (!existsSync(join(dir, file))) {
        problems.push(`${file} is missing`);
        continue;
      }
      for (const [url, entry] of await checkBib(file, inTheme(theme.id), problems)) {
        if (all.get(url)?.key !== entry.key) problems.push(`${file}: key ${entry.key} differs from papers.bib's ${all.get(url)?.key}`);
      }
    }
    expect(summarise(problems)).toEqual([]);
  });

  test('each paper page shows its BibTeX entry (as in papers.bib) and lists up to 5 related papers that exist', async () => {
    const problems: string[] = [];
    const all = parseBibtex(await read('papers.bib'));
    const origin = await siteOrigin();
    const keyOf = new Map(all.map((entry) => [entry.fields.get('url'), entry.key]));
    const json = JSON.parse(await read('papers.json')) as { papers: { slug: string; related: string[] }[] };
    const relatedInJson = new Map(json.papers.map((record) => [record.slug, record.related]));
    let withRelated = 0;
    for (const paper of papers) {
      const page = await readHtml(dir, `papers/${paper.slug}/index.html`);
      const pres = page.querySelectorAll('pre.cite__bibtex');
      const entries = pres.length === 1 ? parseBibtex(pres[0].text) : [];
      const url = `${origin}${base}papers/${paper.slug}/`;
      if (entries.length !== 1) problems.push(`${paper.slug}: ${pres.length} BibTeX blocks with ${entries.length} entries`);
      else {
        if (entries[0].key !== keyOf.get(url)) problems.push(`${paper.slug}: cites as ${entries[0].key}, papers.bib as ${keyOf.get(url)}`);
        if (bibtexText(entries[0].fields.get('title') ?? '') !== normaliseText(paper.title)) problems.push(`${paper.slug}: BibTeX title differs`);
      }
      const hrefs = page.querySelectorAll('.related a').map((a) => a.getAttribute('href') ?? '');
      if (hrefs.length > 5) problems.push(`${paper.slug}: ${hrefs.length} related links`);
      if (hrefs.length > 0) withRelated++;
      if (new Set(hrefs).size !== hrefs.length) problems.push(`${paper.slug}: a related paper listed twice`);
      for (const href of hrefs) {
        const slug = /^papers\/([^/]+)\/$/.exec(href.startsWith(base) ? href.slice(base.length) : '')?.[1];
        if (!slug || !bySlug.has(slug) || !builtFileFor(dir, base, href)) problems.push(`${paper.slug}: related link ${href} is not a paper page`);
        if (slug === paper.slug) problems.push(`${paper.slug}: lists itself as related`);
      }
      const fromJson = (relatedInJson.get(paper.slug) ?? []).map((slug) => `${base}papers/${slug}/`);
      if (JSON.stringify(fromJson) !== JSON.stringify(hrefs)) problems.push(`${paper.slug}: related links differ from papers.json`);
    }
    expect(summarise(problems)).toEqual([]);
    // With a few hundred abstracts on overlapping themes, nearly every paper has neighbours.
    expect(withRelated).toBeGreaterThan(papers.length * 0.9);
  });

  test('the home charts are accessible SVG images with tables whose counts match content/', async () => {
    const home = await readHtml(dir, 'index.html');
    const problems: string[] = [];
    const svgs = home.querySelectorAll('.charts svg');
    if (svgs.length < 3) problems.push(`${svgs.length} charts, expected 3`);
    for (const svg of svgs) {
      if (svg.getAttribute('role') !== 'img') problems.push(`an SVG chart without role="img"`);
      const ids = (svg.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
      const names = ids.map((id) => normaliseText(home.getElementById(id)?.text ?? ''));
      if (ids.length === 0 || names.some((name) => name === '')) problems.push(`an SVG chart without a title and description (${ids})`);
      if (!svg.querySelector('title')) problems.push('an SVG chart without <title>');
    }
    const tables = home.querySelectorAll('.charts table');
    const rows = (table: (typeof tables)[number] | undefined) =>
      new Map((table?.querySelectorAll('tr') ?? []).flatMap((tr) => {
        const th = tr.querySelector('th');
        return th ? [[normaliseText(th.text), tr.querySelectorAll('td').map((td) => Number(normaliseText(td.text)))] as const] : [];
      }));
    // Papers per theme.
    const perTheme = rows(tables[0]);
    for (const theme of themes) {
      if (perTheme.get(theme.title)?.[0] !== inTheme(theme.id).length) problems.push(`theme table: ${theme.title} ${perTheme.get(theme.title)}, expected ${inTheme(theme.id).length}`);
    }
    // Papers per year, and how many have no known year.
    const perYear = rows(tables[1]);
    const years = new Map<string, number>();
    for (const paper of papers) if (paper.date) years.set(paper.date.slice(0, 4), (years.get(paper.date.slice(0, 4)) ?? 0) + 1);
    for (const [year, count] of years) if (perYear.get(year)?.[0] !== count) problems.push(`year table: ${year} ${perYear.get(year)}, expected ${count}`);
    const undated = papers.filter((paper) => !paper.date).length;
    if (perYear.get('No known year')?.[0] !== undated) problems.push(`year table: no known year ${perYear.get('No known year')}, expected ${undated}`);
    const note = normaliseText(home.querySelector('.charts')?.text ?? '');
    // In words: how many lack a year, or, when most do (the seeds), how few have one (after a heading: no \b).
    const dated = papers.length - undated;
    const said = new RegExp(`\\b${undated} papers? ha(s|ve) no known year|Only ${dated} of ${papers.length} papers ha(s|ve) a known year`);
    if (!said.test(note)) problems.push(`the charts do not say that ${undated} papers have no known year`);
    // Overlaps: row theme x column theme.
    const overlaps = rows(tables[2]);
    for (const [i, a] of themes.entries()) {
      const shown = overlaps.get(a.title);
      const expected = themes.map((b) => papers.filter((paper) => paper.themes.includes(a.id) && paper.themes.includes(b.id)).length);
      if (JSON.stringify(shown) !== JSON.stringify(expected)) problems.push(`overlap row ${i} ${a.title}: ${JSON.stringify(shown)}, expected ${JSON.stringify(expected)}`);
    }
    expect(summarise(problems)).toEqual([]);
  });
});
