/**
 * Papers with their identity (authors, venue, DOI, arXiv id, URL, keywords, citation key),
 * built by the real pipeline in a throwaway copy of the project: entries as ingest writes
 * them from a real awesome list's .bib in seeds/, and hand-written ones, some carrying hostile
 * text. Their pages, Highwire tags, lists, papers.json and the exports, read back by biber, by
 * Citation.js, and by ingest itself into a fresh list.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { scanEntries } from '../../src/lib/ingest/entry-store.ts';
import { ingest } from '../../src/lib/ingest/ingest.ts';
import { parseBibtex } from '../setup/bibtex.ts';
import { collectPageErrors, launchChromium } from '../setup/chromium.ts';
import { buildFixtureSite, type FixtureSite } from '../setup/fixture-site.ts';
import { CANARY_FILE_PREFIX, HOSTILE_INPUTS } from '../setup/hostile-fixture.ts';
import { readAsHtml } from '../setup/read-as-html.ts';
import { serveStatic } from '../setup/static-server.ts';
import { removeTempDirs, tempDir } from '../setup/temp-dirs.ts';

interface Identity {
  slug: string;
  title: string;
  authors?: string[];
  published?: { text: string; date?: string; precision?: string };
  venue?: string;
  type?: string;
  doi?: string;
  arxiv?: string;
  url?: string;
  citationKey?: string;
  keywords?: string[];
  /** The body; the no-abstract comment ingest writes when omitted. */
  abstract?: string;
}

const canary = (what: string) => `{process.getBuiltinModule('fs').writeFileSync('${CANARY_FILE_PREFIX}${what}', 'x')}`;
const HOSTILE = `<script>window.__pwned=1</script> {x} $5 & "q" 'a' \\cdot % ~ ^ # _ ${canary('identity')} Ünïcödé 大規模 🤖`;

const PAPERS: Identity[] = [
  {
    slug: 'distilling',
    title: 'Distilling the Knowledge in a Neural Network',
    authors: ['Hinton, Geoffrey', 'Vinyals, Oriol', 'Dean, Jeff'],
    published: { text: '2015', date: '2015', precision: 'year' },
    type: 'article',
    arxiv: '1503.02531',
    citationKey: 'hinton2015distilling',
    keywords: ['knowledge distillation', 'model compression'],
    abstract: 'A very simple way to improve the performance of almost any machine learning algorithm is to train many different models on the same data.',
  },
  {
    slug: 'hostile-identity',
    title: `Hostile ${HOSTILE}`,
    authors: [`O'Brien & <b>Sons</b>, Ängel {$x$} \\relax`, `${HOSTILE}`, 'Nguyễn, Thị'],
    published: { text: 'Mar 5, 2021', date: '2021-03-05', precision: 'day' },
    venue: `Journal of ${HOSTILE}`,
    type: 'article-journal',
    doi: '10.1000/<script>&"x"',
    url: 'https://example.org/a?b=<c>&d="e"',
    keywords: [HOSTILE],
  },
  // No abstract and no link. (An entry's `url` that is not http or https fails the build: the schema's, tested in test/unit/paper-page.test.ts for the page.)
  { slug: 'no-link', title: 'A Paper With Neither Abstract Nor Link', authors: ['Doe, Jane'], venue: 'ACL', type: 'paper-conference' },
  ...HOSTILE_INPUTS.map((input, i) => ({ slug: `hostile-name-${i}`, title: `Hostile name ${i}`, authors: [input.text, `${input.text}, ${input.text}`], venue: input.text, type: 'paper-conference' })),
];

/** An entry file: front matter as JSON strings (valid YAML), then the abstract. */
function entryText(paper: Identity): string {
  const { slug: _slug, abstract, ...fields } = paper;
  const lines = ['---', 'themes: [agents]', ...Object.entries(fields).map(([name, value]) => `${name}: ${JSON.stringify(value)}`), '---'];
  return `${lines.join('\n')}\n${abstract ?? '{/* no abstract in the listings */}'}\n`;
}

const LISTED_ABSTRACT = 'We study agents that plan and act, at length, so that this line reads as the abstract of a listed paper.';

let site: FixtureSite;
const page = async (slug: string) => parse(await readFile(join(site.dist, `papers/${slug}/index.html`), 'utf8'));
const meta = (doc: HTMLElement, name: string) => doc.querySelectorAll(`meta[name="${name}"]`).map((tag) => tag.getAttribute('content'));
/** A name as `Family, Given` comes back from any export: split at its first comma, each side trimmed. */
const asFamilyGiven = (author: string) => {
  const comma = author.indexOf(',');
  return comma < 0 ? author.trim() : [author.slice(0, comma).trim(), author.slice(comma + 1).trim()].filter(Boolean).join(', ');
};
const displayName = (author: string) => (author.includes(',') ? `${author.slice(author.indexOf(',') + 1).trim()} ${author.slice(0, author.indexOf(',')).trim()}` : author);

/** A real awesome list's .bib (CC0, test/fixtures/bibliographies/exports/SOURCES.md): 18 papers, most on arXiv. */
const AWESOME_LIST = join(import.meta.dirname, '../fixtures/bibliographies/exports/awesome-gem-research-papers.bib');

beforeAll(async () => {
  site = await buildFixtureSite(
    { 'a.txt': `Listed Agents Paper\n\n${LISTED_ABSTRACT}\n`, 'gem.bib': await readFile(AWESOME_LIST, 'utf8') },
    { name: 'reading-list-identity-', entries: Object.fromEntries(PAPERS.map((paper) => [`agents/${paper.slug}.mdx`, entryText(paper)])) },
  );
}, 600_000);
afterAll(async () => {
  await site?.remove();
  await removeTempDirs();
});

describe('a paper page', () => {
  test('shows authors as `Given Family`, venue and year, keywords, and links to the paper instead of searches', async () => {
    const doc = await page('distilling');
    expect(doc.querySelector('.paper-authors')?.text).toBe('Geoffrey Hinton, Oriol Vinyals and Jeff Dean');
    // In Pagefind's part of the page (searchable), and its `authors` meta (shown in results).
    expect(doc.querySelector('.paper-authors')?.closest('[data-pagefind-ignore]')).toBeNull();
    expect(doc.querySelector('.paper-authors')?.closest('[data-pagefind-body]')).not.toBeNull();
    expect(doc.querySelector('.paper-authors')?.getAttribute('data-pagefind-meta')).toBe('authors');
    expect(doc.querySelectorAll('.keywords li').map((item) => item.text)).toEqual(['knowledge distillation', 'model compression']);
    expect(doc.querySelectorAll('.external-links a').map((link) => [link.text, link.getAttribute('href')])).toEqual([
      ['arXiv:1503.02531', 'https://arxiv.org/abs/1503.02531'],
      ['PDF on arXiv', 'https://arxiv.org/pdf/1503.02531'],
    ]);
    expect(doc.text).not.toContain('Search this title');
    const hostile = await page('hostile-identity');
    expect(hostile.querySelector('.paper-venue')?.text).toBe(`Journal of ${HOSTILE}, 2021`);
  });

  test('a paper with no link keeps the title searches; one without an abstract says so', async () => {
    const listed = await page('listed-agents-paper');
    expect(listed.querySelectorAll('.external-links a').map((link) => link.text)).toEqual(['Search this title on arXiv', 'Search this title on Hugging Face']);
    // No authors, no APA citation (docs/site.md); its BibTeX entry stays.
    expect(listed.querySelector('.cite__apa')).toBeNull();
    expect(listed.querySelector('pre.cite__bibtex')?.text).toContain('@misc{listed-agents-paper,');
    const bare = await page('no-link');
    expect(bare.querySelector('.abstract')?.text.trim()).toBe('No abstract given.');
    expect(bare.querySelectorAll('.external-links a').map((link) => link.text)).toEqual(['Search this title on arXiv', 'Search this title on Hugging Face']);
  });

  test('Highwire tags for each known field, an author per tag', async () => {
    const doc = await page('distilling');
    expect(meta(doc, 'citation_title')).toEqual(['Distilling the Knowledge in a Neural Network']);
    expect(meta(doc, 'citation_author')).toEqual(['Hinton, Geoffrey', 'Vinyals, Oriol', 'Dean, Jeff']);
    expect(meta(doc, 'citation_publication_date')).toEqual(['2015']);
    expect(meta(doc, 'citation_arxiv_id')).toEqual(['1503.02531']);
    expect(meta(doc, 'citation_pdf_url')).toEqual(['https://arxiv.org/pdf/1503.02531']);
    expect(meta(doc, 'citation_keywords')).toEqual(['knowledge distillation', 'model compression']);
    expect(meta(doc, 'citation_journal_title')).toEqual([]);
    const hostile = await page('hostile-identity');
    expect(meta(hostile, 'citation_journal_title')).toEqual([`Journal of ${HOSTILE}`]);
    expect(meta(hostile, 'citation_doi')).toEqual(['10.1000/<script>&"x"']);
    expect(meta(hostile, 'citation_publication_date')).toEqual(['2021/03/05']);
    expect(meta(await page('no-link'), 'citation_conference_title')).toEqual(['ACL']);
  });

  test('no page links anywhere but to http(s) addresses and the site itself', async () => {
    const others: string[] = [];
    for (const file of readdirSync(join(site.dist, 'papers'))) {
      const html = await readFile(join(site.dist, 'papers', file, 'index.html'), 'utf8').catch(() => undefined);
      if (html === undefined) continue;
      for (const link of parse(html).querySelectorAll('a[href]')) {
        const href = link.getAttribute('href')!;
        if (!/^(https?:\/\/|\/|#)/.test(href)) others.push(`${file}: ${href}`);
      }
    }
    expect(others).toEqual([]);
  });

  test('hostile names, venues, DOIs and URLs show exactly as written and nothing in them runs', async () => {
    const problems: string[] = [];
    for (const paper of PAPERS) {
      const doc = await page(paper.slug);
      const authors = doc.querySelector('.paper-authors')?.text;
      const expected = (paper.authors ?? []).map(displayName);
      if (!authors || !expected.every((name) => authors.includes(name))) problems.push(`${paper.slug}: authors ${JSON.stringify(authors)}`);
      if (JSON.stringify(meta(doc, 'citation_author')) !== JSON.stringify(paper.authors)) problems.push(`${paper.slug}: citation_author ${JSON.stringify(meta(doc, 'citation_author'))}`);
      if (paper.venue && doc.querySelector('.paper-venue cite')?.text !== paper.venue) problems.push(`${paper.slug}: venue ${doc.querySelector('.paper-venue cite')?.text}`);
      // The page's only scripts are the site's own (a theme script inline, modules by src).
      const scripts = doc.querySelectorAll('script').filter((script) => !script.hasAttribute('data-theme-init') && !script.getAttribute('src'));
      if (scripts.length > 0) problems.push(`${paper.slug}: ${scripts.length} other scripts`);
      // The APA citation (HTML from citeproc): text exact, markup only the style's italics.
      const apa = readAsHtml(doc.querySelector('.cite__apa')?.innerHTML ?? '');
      if (!apa.text.includes(paper.title) || apa.markup.some((tag) => tag !== '<i>')) problems.push(`${paper.slug}: APA ${JSON.stringify(apa)}`);
    }
    const hostile = await page('hostile-identity');
    const links = hostile.querySelectorAll('.external-links a').map((link) => link.getAttribute('href'));
    expect(links).toEqual(['https://doi.org/10.1000/%3Cscript%3E%26%22x%22', 'https://example.org/a?b=%3Cc%3E&d=%22e%22']);
    expect(problems).toEqual([]);
    expect(readdirSync(site.dir).filter((name) => name.startsWith(CANARY_FILE_PREFIX))).toEqual([]);
    expect(existsSync(join(site.dir, `${CANARY_FILE_PREFIX}identity`))).toBe(false);
  });
});

describe('lists and data', () => {
  test('list rows and the table show the authors (three, then et al.) and the venue', async () => {
    const theme = parse(await readFile(join(site.dist, 'themes/agents/index.html'), 'utf8'));
    const row = theme.querySelectorAll('.paper-item').find((item) => item.getAttribute('data-paper') === 'distilling');
    expect(row?.querySelector('.paper-item__authors')?.text).toBe('Geoffrey Hinton, Oriol Vinyals and Jeff Dean');
    const hostileRow = theme.querySelectorAll('.paper-item').find((item) => item.getAttribute('data-paper') === 'hostile-identity');
    expect(hostileRow?.querySelector('.paper-item__authors')?.text).toBe(`${PAPERS[1].authors!.map(displayName).join(', ').replace(/, ([^,]*)$/, ' and $1')} · Journal of ${HOSTILE}`);
    const table = parse(await readFile(join(site.dist, 'papers/index.html'), 'utf8'));
    const cell = table.querySelectorAll('tr').find((tr) => tr.getAttribute('data-paper') === 'distilling');
    expect(cell?.querySelector('.papers-table__authors')?.text).toBe('Geoffrey Hinton, Oriol Vinyals and Jeff Dean');
  });

  test('papers.json carries the new fields', async () => {
    const json = JSON.parse(await readFile(join(site.dist, 'papers.json'), 'utf8')) as { papers: Record<string, unknown>[] };
    const distilling = json.papers.find((paper) => paper['slug'] === 'distilling');
    expect(distilling).toMatchObject({
      authors: PAPERS[0].authors,
      venue: null,
      type: 'article',
      doi: null,
      arxiv: '1503.02531',
      externalUrl: null,
      keywords: PAPERS[0].keywords,
      citationKey: 'hinton2015distilling',
    });
    expect(json.papers.find((paper) => paper['slug'] === 'hostile-identity')).toMatchObject({ venue: PAPERS[1].venue, doi: PAPERS[1].doi, externalUrl: PAPERS[1].url });
  });

  test('the footer and theme pages link every export', async () => {
    const home = await readFile(join(site.dist, 'index.html'), 'utf8');
    for (const file of ['/papers.bib', '/papers.ris', '/papers.csl.json', '/papers.json']) expect(home).toContain(`href="${file}"`);
    const theme = await readFile(join(site.dist, 'themes/agents/index.html'), 'utf8');
    for (const file of ['/themes/agents.bib', '/themes/agents.ris']) expect(theme).toContain(`href="${file}"`);
  });
});

describe('exports', () => {
  const read = (file: string) => readFile(join(site.dist, file), 'utf8');

  test('biber reads papers.bib and each theme’s .bib with no error or warning', async () => {
    const dir = await tempDir('reading-list-identity-biber-');
    for (const file of ['papers.bib', 'themes/agents.bib']) {
      const run = spawnSync('biber', ['--tool', '--validate-datamodel', '--nolog', '--output-file', join(dir, 'out.bib'), join(site.dist, file)], { encoding: 'utf8' });
      expect(run.status, run.stdout + run.stderr).toBe(0);
      const report = `${run.stdout}${run.stderr}`.split('\n').filter((line) => /^(WARN|ERROR)/.test(line));
      // Only the paper from the listing and the no-link one have no year.
      expect(report.every((line) => /Missing mandatory field - one of 'date, year'/.test(line)), report.join('\n')).toBe(true);
    }
  });

  test('each paper cites with the same key in the page, papers.bib and papers.csl.json: its own where it has one', async () => {
    const bib = parseBibtex(await read('papers.bib'));
    const csl = JSON.parse(await read('papers.csl.json')) as { id: string; URL: string }[];
    expect(bib.map((entry) => entry.key)).toEqual(csl.map((item) => item.id));
    expect(bib.map((entry) => entry.key)).toContain('hinton2015distilling');
    const shown = parseBibtex((await page('distilling')).querySelector('pre.cite__bibtex')?.text ?? '');
    expect(shown.map((entry) => [entry.key, entry.fields.get('eprint'), entry.fields.get('archiveprefix')])).toEqual([['hinton2015distilling', '1503.02531', 'arXiv']]);
  });

  test.each(['papers.bib', 'papers.ris', 'papers.csl.json'])('Citation.js reads %s back to the same papers: title, authors, year, venue, DOI, URL', async (file) => {
    const text = await read(file);
    const items = new Cite(file.endsWith('.json') ? JSON.parse(text) : text).data;
    const byTitle = new Map(items.map((item) => [item['title'], item]));
    // What the format itself cannot tell apart. Citation.js's BibTeX reader takes every Unicode
    // space (no-break, line separator) for a space (the file holds them, biber reads them);
    // RIS's `AU` is `Last, First, Suffix`, so in a name with two commas the rest is a suffix.
    const comparable = (text: unknown) => (typeof text === 'string' && file.endsWith('.bib') ? text.replace(/\s+/g, ' ') : text);
    const risFamilyOnly = (name: string, wanted: string | undefined) => (file.endsWith('.ris') && (wanted ?? '').split(',').length > 2 ? name.slice(0, name.indexOf(',')) : name);
    const problems: string[] = [];
    for (const paper of PAPERS) {
      const item = byTitle.get(paper.title);
      if (!item) {
        problems.push(`${paper.slug}: missing (titles read: ${[...byTitle.keys()].slice(0, 3).join(' | ')}...)`);
        continue;
      }
      const names = ((item['author'] as Record<string, string>[] | undefined) ?? []).map((name) => {
        if (name['literal']) return name['literal'];
        const family = [name['non-dropping-particle'], name['family']].filter(Boolean).join(' ');
        return name['given'] ? `${family}, ${name['given']}` : family;
      });
      const issued = item['issued'] as { 'date-parts': number[][] } | undefined;
      const url = (text: unknown) => (typeof text === 'string' ? new URL(text).href : text);
      const wantedNames = (paper.authors ?? []).map(asFamilyGiven);
      const got = { authors: names.map((name, i) => risFamilyOnly(comparable(name) as string, wantedNames[i])), year: issued?.['date-parts'][0][0], venue: comparable(item['container-title']), doi: item['DOI'], url: url(item['URL']) };
      const want = {
        authors: wantedNames.map((name) => risFamilyOnly(comparable(name) as string, name)),
        year: paper.published?.date ? Number(paper.published.date.slice(0, 4)) : undefined,
        venue: comparable(paper.venue),
        doi: paper.doi,
        url: url(paper.url ?? (paper.arxiv ? `https://arxiv.org/abs/${paper.arxiv}` : `http://localhost:4321/papers/${paper.slug}/`)),
      };
      if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`${paper.slug}: ${JSON.stringify(got)} instead of ${JSON.stringify(want)}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('a paper from an awesome list\'s .bib, end to end', () => {
  const slug = async () => {
    const json = JSON.parse(await readFile(join(site.dist, 'papers.json'), 'utf8')) as { papers: { slug: string; title: string }[] };
    return json.papers.find((paper) => paper.title === 'GEO: Generative Engine Optimization')!.slug;
  };
  const AUTHORS = ['Aggarwal, Pranjal', 'Murahari, Vishvak', 'Rajpurohit, Tanmay', 'Kalyan, Ashwin', 'Narasimhan, Karthik', 'Deshpande, Ameet'];

  test('its page shows its authors and links to arXiv, and its Highwire tags carry them', async () => {
    const doc = await page(await slug());
    expect(doc.querySelector('.paper-authors')?.text).toBe('Pranjal Aggarwal, Vishvak Murahari, Tanmay Rajpurohit, Ashwin Kalyan, Karthik Narasimhan and Ameet Deshpande');
    expect(doc.querySelectorAll('.external-links a').map((link) => link.getAttribute('href'))).toEqual(['https://arxiv.org/abs/2311.09735', 'https://arxiv.org/pdf/2311.09735']);
    expect(meta(doc, 'citation_author')).toEqual(AUTHORS);
    expect(meta(doc, 'citation_arxiv_id')).toEqual(['2311.09735']);
    expect(meta(doc, 'citation_pdf_url')).toEqual(['https://arxiv.org/pdf/2311.09735']);
    expect(meta(doc, 'citation_publication_date')).toEqual(['2023']);
    expect(doc.querySelector('.cite__apa')?.text).toMatch(/^Aggarwal, P\., Murahari, V\., .*\(2023\)\. GEO: Generative Engine Optimization\./);
  });

  test('its BibTeX, RIS and CSL-JSON carry its authors, year and arXiv id', async () => {
    const key = 'aggarwal2023geo';
    const [bib] = parseBibtex((await page(await slug())).querySelector('pre.cite__bibtex')?.text ?? '');
    expect([bib?.key, bib?.fields.get('author'), bib?.fields.get('year'), bib?.fields.get('eprint'), bib?.fields.get('archiveprefix')]).toEqual([key, AUTHORS.join(' and '), '2023', '2311.09735', 'arXiv']);
    const ris = (await readFile(join(site.dist, 'papers.ris'), 'utf8')).split(/\r?\n(?=TY {2}- )/).find((record) => record.includes('TI  - GEO: Generative Engine Optimization'))!;
    expect(ris.match(/^AU {2}- .*$/gm)).toEqual(AUTHORS.map((name) => `AU  - ${name}`));
    expect(ris).toMatch(/^PY {2}- 2023/m);
    const csl = (JSON.parse(await readFile(join(site.dist, 'papers.csl.json'), 'utf8')) as { id: string; URL?: string }[]).find((item) => item.id === key);
    expect(csl?.URL).toBe('https://arxiv.org/abs/2311.09735');
  });

  test('ingest reads papers.bib back into a fresh list: the same papers, with the same fields', async () => {
    const dir = await tempDir('reading-list-reimport-');
    const paths = { seedsDir: join(dir, 'seeds'), contentDir: join(dir, 'content') };
    await mkdir(paths.seedsDir, { recursive: true });
    await mkdir(paths.contentDir);
    await copyFile(join(site.dist, 'papers.bib'), join(paths.seedsDir, 'papers.bib'));
    await copyFile(join(site.dir, 'content/themes.yaml'), join(paths.contentDir, 'themes.yaml'));
    const report = await ingest(paths);
    const FIELDS = ['title', 'authors', 'venue', 'doi', 'arxiv', 'keywords'] as const;
    const fieldsOf = (data: Record<string, unknown>) => ({
      ...Object.fromEntries(FIELDS.map((field) => [field, data[field]])),
      year: (data['published'] as { date?: string } | undefined)?.date?.slice(0, 4),
    });
    // The papers ingest wrote from gem.bib: each must come back from the built site's papers.bib.
    const original = (await scanEntries(join(site.dir, 'content/papers'))).filter(({ entry }) => (entry.data['sources'] as { listing: string }[] | undefined)?.some((source) => source.listing === 'gem.bib'));
    expect(original).toHaveLength(18);
    const back = new Map(report.papers.map((paper) => [paper.title, fieldsOf(paper as unknown as Record<string, unknown>)]));
    const differences = original.flatMap(({ entry }) => {
      const want = fieldsOf(entry.data);
      const got = back.get(String(entry.data['title']));
      return JSON.stringify(got) === JSON.stringify(want) ? [] : [`${String(entry.data['title'])}: ${JSON.stringify(got)} instead of ${JSON.stringify(want)}`];
    });
    expect(differences).toEqual([]);
  });

  test('search in a real browser finds it by an author\'s name, and the result shows its authors', async () => {
    const server = await serveStatic(site.dist, '/');
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const errors = collectPageErrors(page);
      await page.goto(new URL('search/', server.url).href);
      await page.locator('#search-q').fill('Narasimhan');
      const result = page.locator('[data-search-results] .paper-item').filter({ hasText: 'GEO: Generative Engine Optimization' });
      await result.waitFor({ timeout: 15_000 });
      expect(await result.locator('.paper-item__authors').textContent()).toContain('Karthik Narasimhan');
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
