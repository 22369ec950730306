/**
 * Real exports of researchers' tools (test/fixtures/bibliographies/exports/, SOURCES.md): every
 * entry of each file is a paper or named in a warning, and the quirks each file shows are read.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readEntry } from '../../src/lib/ingest/entry.ts';
import { parseSeeds } from '../../src/lib/ingest/formats/seeds.ts';
import { ingest } from '../../src/lib/ingest/ingest.ts';
import type { ListedPaper, ParsedListing } from '../../src/lib/ingest/types.ts';
import { bibEntryLines, readBibliography, workspace } from '../setup/bibliographies.ts';
import { removeTempDirs } from '../setup/temp-dirs.ts';

afterAll(removeTempDirs);

const exported = (name: string) => readBibliography(`exports/${name}`);
/** Each file parsed alone, as it would be the only bibliography of seeds/. */
const parse = async (name: string): Promise<ParsedListing> => (await parseSeeds([exported(name)])).parsed[0]!;
const byKey = (parsed: ParsedListing, key: string): ListedPaper => {
  const found = parsed.papers.filter((paper) => paper.citationKey === key);
  expect(found, `one paper of key ${key}`).toHaveLength(1);
  return found[0]!;
};
/** Warnings that say an entry is not imported. */
const LEFT_OUT = /left out|not a paper/;

/**
 * Where each entry of a file starts, and how many there are, counted from the text without Citation.js
 * (SOURCES.md): `@type{` at line start less @string/@comment/@preamble; RIS `TY  - ` lines; the CSL-JSON list.
 */
function entryLines(name: string, text: string): number[] {
  if (name.endsWith('.bib')) return bibEntryLines(text);
  if (name.endsWith('.ris')) return text.split(/\r\n|\r|\n/).flatMap((line, index) => (line.startsWith('TY  - ') ? [index + 1] : []));
  return [];
}

// file, entries (SOURCES.md's count), papers, entries named in a warning and left out.
const FILES: [string, number, number, number][] = [
  ['zotero-celeritas.bib', 58, 58, 0],
  ['zotero-mirror-exported-items.bib', 1, 1, 0],
  ['mirror-custom.bib', 23, 23, 0],
  ['better-bibtex-901-collections.bib', 36, 36, 0],
  ['better-biblatex-170-eprint.bib', 1, 1, 0],
  ['awesome-gem-research-papers.bib', 18, 18, 0],
  ['jabref-3.8-groups.bib', 4, 4, 0],
  ['qiqqa.bib', 2, 2, 0],
  ['endnote-no-key.bib', 1, 1, 0],
  ['key-with-space-716.bib', 2, 2, 0],
  ['zotero-mambo-my-library.ris', 5, 5, 0],
  ['zotero-csl-earlold.json', 1, 1, 0],
  ['better-csl-json-dates-360-811.json', 7, 7, 0],
  ['better-csl-json-no-date-2430.json', 1, 1, 0],
];

describe('every entry of a real export is a paper or named', () => {
  it('covers every file of exports/', async () => {
    const files = (await readdir(join(import.meta.dirname, '../fixtures/bibliographies/exports'))).filter((name) => /\.(bib|ris|json)$/.test(name));
    expect(FILES.map(([name]) => name).sort()).toEqual(files.sort());
  });

  it.each(FILES)('%s: %i entries, %i papers, %i named and left out', async (name, entries, papers, leftOut) => {
    const { text } = exported(name);
    const parsed = await parse(name);
    const named = parsed.warnings.filter((warning) => LEFT_OUT.test(warning.message));
    expect(parsed.papers).toHaveLength(papers);
    expect(named).toHaveLength(leftOut);
    if (name.endsWith('.json')) {
      // Each item of the list is a paper under its id, or named by it.
      const ids = (JSON.parse(text) as { id: string }[]).map((item) => item.id);
      expect(ids).toHaveLength(entries);
      expect(parsed.papers.map((paper) => paper.source.key)).toEqual(ids);
      return;
    }
    // Each entry's first line is a paper's source, or the line of a warning that names it.
    const lines = entryLines(name, text);
    expect(lines).toHaveLength(entries);
    const accounted = new Set([...parsed.papers.map((paper) => paper.source.line), ...named.map((warning) => warning.line)]);
    expect(lines.filter((line) => !accounted.has(line))).toEqual([]);
    expect(accounted.size).toBe(entries);
  });
});

describe('arXiv ids, wherever an export keeps them', () => {
  it.each([
    // DBLP: `eprinttype = {arXiv}` with `eprint`, and a 10.48550/arXiv DOI.
    ['mirror-custom.bib', 'usm', '2301.03282'],
    ['mirror-custom.bib', 'flan-t5', '2210.11416'],
    // Zotero: a 10.48550/arXiv DOI, an arxiv.org URL.
    ['mirror-custom.bib', 'instructuie', '2304.08085'],
    ['mirror-custom.bib', 'rexuie', '2304.14770'],
    // Better BibLaTeX: `eprinttype = {arxiv}`, `eprint`, `archiveprefix`.
    ['better-biblatex-170-eprint.bib', 'BachmannDybalskiNaaijkens14', '1412.2970'],
    // Google Scholar: `journal = {arXiv preprint arXiv:…}`.
    ['awesome-gem-research-papers.bib', 'aggarwal2023geo', '2311.09735'],
    // Zotero: `note = {arXiv:…}` beside the arxiv.org URL, which gives the id.
    ['zotero-celeritas.bib', 'tognini_celeritas_2022', '2203.09467'],
    ['zotero-mirror-exported-items.bib', 'hao_devil_2023', '2306.06918'],
    // Zotero CSL JSON: an upper-case `10.48550/ARXIV.` DOI.
    ['zotero-csl-earlold.json', 'http://zotero.org/users/19396332/items/JZC78ECC', '2410.00917'],
  ])('%s: %s is %s', async (name, key, arxiv) => {
    expect(byKey(await parse(name), key).arxiv).toBe(arxiv);
  });

  it('reads every awesome-list entry\'s id from its journal, and no other eprint than arXiv\'s (jstor)', async () => {
    const awesome = await parse('awesome-gem-research-papers.bib');
    const inJournal = exported('awesome-gem-research-papers.bib').text.match(/journal\s*=\s*\{arXiv preprint arXiv:/g)!;
    expect(inJournal).toHaveLength(16);
    expect(awesome.papers.filter((paper) => paper.venue?.startsWith('arXiv preprint') && paper.arxiv !== undefined)).toHaveLength(16);
    const jstor = await parse('better-bibtex-901-collections.bib');
    expect(exported('better-bibtex-901-collections.bib').text.match(/eprinttype = \{jstor\}/g)).toHaveLength(2);
    expect(jstor.papers.filter((paper) => paper.arxiv !== undefined)).toEqual([]);
    expect(byKey(jstor, 'Apostol-1985-MarioBungeCritical')).toMatchObject({ url: 'http://www.jstor.org/stable/20099996' });
  });

  it('does not read a note: free text may name another paper\'s id', async () => {
    const [parsed] = (await parseSeeds([{ name: 'n.bib', text: '@article{n, title = {Extends a Preprint}, note = {Extends arXiv:1706.03762}}\n' }])).parsed;
    expect(parsed!.papers[0]!.arxiv).toBeUndefined();
  });
});

describe('TeX and names as real exports write them', () => {
  it('reads a box of math, a doubled backslash before an accent, a dotless i under an accent, a \\relax', async () => {
    const mirror = await parse('mirror-custom.bib');
    expect(byKey(mirror, 'glm').abstract).toContain('with 1.25× parameters of BERT Large');
    expect(mirror.warnings).toEqual([]);
    expect(byKey(mirror, 'tanl').authors).toContain('dos Santos, Cícero Nogueira');
    expect(byKey(mirror, 'tanl').authors![5]!.normalize('NFC')).toBe(byKey(mirror, 'tanl').authors![5]);
    expect(byKey(mirror, 'lasuie').authors).toContain('Chua, Tat-Seng');
    const awesome = await parse('awesome-gem-research-papers.bib');
    expect(byKey(awesome, 'hajiaghayi2024ad').authors).toEqual(['Hajiaghayi, MohammadTaghi', 'Lahaie, Sébastien', 'Rezaei, Keivan', 'Shin, Suho']);
    const bbt = await parse('better-bibtex-901-collections.bib');
    expect(byKey(bbt, 'Bunge-1977-GeneralSystemsHolism').authors).toEqual(['Bunge, MA']);
    expect(byKey(bbt, 'Chang-2014-waterevidencerealism').title).toBe('Is water H₂O?: evidence, realism and pluralism');
    expect(byKey(bbt, 'Bunge-2003-Considerationsphilosopheeconomique').title).toBe("Considérations d'un philosophe sur l'économique du néo-conservatisme (néo-libéralisme)");
  });

  it('writes ligatures as their letters, and DBLP\'s TeX-escaped addresses as addresses', async () => {
    const celeritas = await parse('zotero-celeritas.bib');
    const abstract = byKey(celeritas, 'tognini_celeritas_2022').abstract;
    expect(abstract).toContain('a new era of scientific discovery');
    expect(abstract).not.toMatch(/[\uFB00-\uFB06]/);
    expect(byKey(await parse('mirror-custom.bib'), 'lasuie').url).toBe('http://papers.nips.cc/paper_files/paper/2022/hash/63943ee9fe347f3d95892cf87d9a42e6-Abstract-Conference.html');
  });

  it('keeps a braced keyword whole, and splits Qiqqa\'s at ";"', async () => {
    const bbt = await parse('better-bibtex-901-collections.bib');
    expect(byKey(bbt, 'Agassi-1982-Scientificphilosophytoday').keywords).toEqual(['Bunge, Mario', 'Philosophy', 'Science']);
    expect(byKey(bbt, 'Chakravartty-2011-ScientificRealism').keywords).toContain('Kuhn, Thomas');
    expect(byKey(bbt, 'Bunge-2006-Chasingrealitystrife').keywords).toEqual(['Realism', 'Réalisme']);
    const qiqqa = await parse('qiqqa.bib');
    expect(byKey(qiqqa, 'kuhne2006matters')).toMatchObject({ authors: ['Kühne, Thomas'], keywords: ['MLM', 'ontological versus linguistic'], venue: 'Software and Systems Modeling' });
    expect(byKey(qiqqa, 'godel1933present').authors).toEqual(['Gödel, Kurt']);
  });
});

describe('keys as real exports write them', () => {
  it('names a key used twice for two works: both are papers, the second without the key', async () => {
    const celeritas = await parse('zotero-celeritas.bib');
    for (const [key, first, second] of [
      ['johnson_novel_2021', 18, 103],
      ['tognini_celeritas_2022', 3, 278],
    ] as const) {
      const papers = celeritas.papers.filter((paper) => paper.source.key === key);
      expect(papers.map((paper) => [paper.source.line, paper.citationKey])).toEqual([
        [first, key],
        [second, undefined],
      ]);
      expect(papers[0]!.title).not.toBe(papers[1]!.title);
      expect(celeritas.warnings).toContainEqual({
        file: 'zotero-celeritas.bib',
        line: second,
        message: `entry "${key}": the key of the entry at line ${first} is used again here; both are papers of the list, this one without the key (a \\cite of it finds the first)`,
      });
    }
    expect(celeritas.warnings).toHaveLength(2);
  });

  it('reads EndNote\'s entry without a key as a paper without one, and says so', async () => {
    const endnote = await parse('endnote-no-key.bib');
    expect(endnote.papers).toEqual([
      expect.objectContaining({
        title: 'Alzheimer mechanisms and therapeutic strategies',
        source: { listing: 'endnote-no-key.bib', line: 2 },
        authors: ['Huang, Y.', 'Mucke, L.'],
        venue: 'Cell',
        published: { text: '2012', date: '2012', precision: 'year', yearSource: 'listing' },
      }),
    ]);
    expect(endnote.papers[0]!.citationKey).toBeUndefined();
    expect(endnote.papers[0]!.abstract).toMatch(/^There are still no effective treatments/);
    expect(endnote.warnings).toEqual([{ file: 'endnote-no-key.bib', line: 2, message: 'the entry at this line has no citation key (a field follows "{"): it is read as a paper without one' }]);
  });

  it('reads a key with a space before its comma, keys ending in "-" or starting "--", comma-first entries', async () => {
    expect((await parse('key-with-space-716.bib')).papers.map((paper) => [paper.citationKey, paper.title])).toEqual([
      ['HoSp-87', 'Phase transitions'],
      ['HoSp-90', 'Free Boundary Problems'],
    ]);
    const jabref = await parse('jabref-3.8-groups.bib');
    expect(jabref.papers.map((paper) => paper.citationKey)).toEqual(['Doe-2017', 'Other-', 'Unkonw-', 'Unkonw']);
    expect(jabref.warnings).toEqual([]);
    expect((await parse('qiqqa.bib')).papers.map((paper) => paper.citationKey)).toEqual(['kuhne2006matters', 'godel1933present']);
    expect(byKey(await parse('better-bibtex-901-collections.bib'), '--theorytruthinauthor').title).toBe('__"theory of truth" inauthor:bunge - Recherche Google');
  });

  it('ignores @comment{jabref-meta…} and % quality reports, losing no entry and warning of nothing', async () => {
    const bbt = exported('better-bibtex-901-collections.bib').text;
    expect(bbt.match(/^@comment\{jabref-meta/gm)).toHaveLength(2);
    expect(bbt.match(/^% == BibTeX quality report/gm)!.length).toBeGreaterThan(10);
    expect((await parse('better-bibtex-901-collections.bib')).warnings).toEqual([]);
    expect((await parse('better-biblatex-170-eprint.bib')).warnings).toEqual([]);
  });
});

describe('dates as real exports write them', () => {
  it('reads BibLaTeX\'s date without a year, month macros, RIS partial dates', async () => {
    expect(byKey(await parse('better-biblatex-170-eprint.bib'), 'BachmannDybalskiNaaijkens14').published).toEqual({ text: '2014-12-09', date: '2014-12-09', precision: 'day', yearSource: 'listing' });
    expect(byKey(await parse('zotero-celeritas.bib'), 'tognini_celeritas_2022').published).toEqual({ text: '2022-03', date: '2022-03', precision: 'month', yearSource: 'listing' });
    expect(byKey(await parse('zotero-celeritas.bib'), 'johnson_orange_nodate').published).toBeUndefined();
    expect(byKey(await parse('mirror-custom.bib'), 'ptpcg').published).toEqual({ text: '2022-07', date: '2022-07', precision: 'month', yearSource: 'listing' });
    expect(exported('zotero-mambo-my-library.ris').text.split('\r\n')).toHaveLength(129);
    const ris = await parse('zotero-mambo-my-library.ris');
    expect(ris.papers.map((paper) => paper.published?.date)).toEqual(['2014-04-03', '2017', '2019-09-10', '2021', '2012-02-03']);
    expect(ris.papers[3]!.authors).toEqual(['Greenacre, Michael', 'Martínez-Álvaro, Marina', 'Blasco, Agustín']);
  });

  it('reads CSL ranges, open ranges, seasons; keeps a year BC as written; reads string years, saying so', async () => {
    const dates = await parse('better-csl-json-dates-360-811.json');
    expect(Object.fromEntries(dates.papers.map((paper) => [paper.source.key, paper.published]))).toEqual({
      t1: { text: '2014-12-31 – 2015-01-01', date: '2014-12-31', precision: 'day', yearSource: 'listing' },
      t2: undefined,
      t3: { text: '2014-12-31', date: '2014-12-31', precision: 'day', yearSource: 'listing' },
      t4: { text: '2014-12-31', date: '2014-12-31', precision: 'day', yearSource: 'listing' },
      t5: { text: '334 BC' },
      t6: { text: '12 July 100 BC – 15 March 44 BC' },
      Staiger1985: { text: 'Spring 1985', date: '1985', precision: 'year', yearSource: 'listing' },
    });
    expect(dates.warnings).toEqual([
      { file: 'better-csl-json-dates-360-811.json', line: 38, message: 'entry "t5": date "-334" is before the common era: kept as written (334 BC), with no date the list sorts by' },
      { file: 'better-csl-json-dates-360-811.json', line: 50, message: 'entry "t6": date "-100-7-12" is before the common era: kept as written (12 July 100 BC – 15 March 44 BC), with no date the list sorts by' },
    ]);
    const earlold = await parse('zotero-csl-earlold.json');
    expect(earlold.papers[0]!.published).toEqual({ text: '2024', date: '2024', precision: 'year', yearSource: 'listing' });
    expect(earlold.warnings).toEqual([{ file: 'zotero-csl-earlold.json', line: 2, message: 'entry "http://zotero.org/users/19396332/items/JZC78ECC": year "2024" is a string, read as 2024' }]);
    expect((await parse('better-csl-json-no-date-2430.json')).papers[0]).toMatchObject({ citationKey: 'Bonissone:PI', authors: ['Bonissone, Piero', 'Stillman, Jonathan'], type: 'paper-conference' });
  });
});

describe('an awesome list\'s .bib in seeds/, end to end', () => {
  it('writes its papers\' entries with authors, arXiv id, venue and year, joined to a listing\'s; a Zotero and a DBLP entry of one paper are one', async () => {
    const paths = await workspace(['exports/awesome-gem-research-papers.bib', 'exports/mirror-custom.bib', 'exports/zotero-mirror-exported-items.bib']);
    const report = await ingest(paths);
    const counts = Object.fromEntries(report.listings.map(({ listing, papers }) => [listing, papers]));
    expect(counts).toMatchObject({ 'awesome-gem-research-papers.bib': 18, 'mirror-custom.bib': 23, 'zotero-mirror-exported-items.bib': 1 });
    const geo = report.papers.find((paper) => paper.title === 'GEO: Generative Engine Optimization')!;
    const entryPath = join(paths.contentDir, 'papers', geo.mainTheme, `${geo.slug}.mdx`);
    const entry = readEntry(await readFile(entryPath, 'utf8'), entryPath);
    expect(entry.data).toMatchObject({
      title: 'GEO: Generative Engine Optimization',
      authors: ['Aggarwal, Pranjal', 'Murahari, Vishvak', 'Rajpurohit, Tanmay', 'Kalyan, Ashwin', 'Narasimhan, Karthik', 'Deshpande, Ameet'],
      arxiv: '2311.09735',
      venue: 'arXiv preprint arXiv:2311.09735',
      published: { text: '2023', date: '2023', precision: 'year' },
      url: 'https://arxiv.org/abs/2311.09735',
      citationKey: 'aggarwal2023geo',
      // The paper is in a listing of seeds/ too: one paper, with the listing's abstract.
      sources: [
        { listing: '000_e2d79f8d5e24fe29.txt', line: 335 },
        { listing: 'awesome-gem-research-papers.bib', line: 11, key: 'aggarwal2023geo' },
      ],
    });
    expect(geo.abstract).toMatch(/^\S.{200,}/);
    const devil = report.papers.filter((paper) => paper.arxiv === '2306.06918');
    expect(devil).toHaveLength(1);
    expect(devil[0]!.sources).toEqual([
      { listing: 'mirror-custom.bib', line: 239, key: 'devil-ee' },
      { listing: 'zotero-mirror-exported-items.bib', line: 2, key: 'hao_devil_2023' },
    ]);
  });
});
