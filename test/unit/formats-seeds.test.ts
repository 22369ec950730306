import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readEntry } from '../../src/lib/ingest/entry.ts';
import { InputError } from '../../src/lib/ingest/errors.ts';
import { parseSeeds, type SeedText } from '../../src/lib/ingest/formats/seeds.ts';
import { INGEST_CACHE_FILE } from '../../src/lib/ingest/ingest-cache.ts';
import { ingest } from '../../src/lib/ingest/ingest.ts';
import { readBibliography, workspace } from '../setup/bibliographies.ts';
import { removeTempDirs } from '../setup/temp-dirs.ts';

afterAll(removeTempDirs);

const LISTING = 'A Listed Paper\nWe study a problem at length, and this sentence is long enough to be read as the abstract of a paper.\n';

describe('parseSeeds', () => {
  const files: SeedText[] = [
    { name: 'a.txt', text: LISTING },
    readBibliography('hostile/identities.bib'),
    readBibliography('hostile/undefined-macros.bib'),
    readBibliography('hostile/crlf-multiline.ris'),
    readBibliography('hostile/string-years.json'),
  ];

  it('reads each file by its extension, in the order given', async () => {
    const { parsed } = await parseSeeds(files);
    expect(parsed.map(({ listing, papers }) => [listing, papers.length])).toEqual([
      ['a.txt', 1],
      ['identities.bib', 7],
      ['undefined-macros.bib', 3],
      ['crlf-multiline.ris', 2],
      ['string-years.json', 2],
    ]);
  });

  it('parses no unchanged bibliography again; a changed .bib parses every .bib again, a changed .ris only itself', async () => {
    const first = await parseSeeds(files);
    expect(first.reparsed.sort()).toEqual(['crlf-multiline.ris', 'identities.bib', 'string-years.json', 'undefined-macros.bib']);
    const again = await parseSeeds(files, { cache: first.cache });
    expect(again.reparsed).toEqual([]);
    expect(again.parsed).toEqual(first.parsed);
    expect(again.cache).toEqual(first.cache);

    const risChanged = files.map((file) => (file.name.endsWith('.ris') ? { ...file, text: file.text.replace('A Second Record', 'A Renamed Record') } : file));
    const afterRis = await parseSeeds(risChanged, { cache: again.cache });
    expect(afterRis.reparsed).toEqual(['crlf-multiline.ris']);
    expect(afterRis.parsed[3]!.papers[1]!.title).toBe('A Renamed Record');

    // The macros a .bib uses may now be defined by the other: both are read again.
    const macros = '@string{jgcd = "Journal of Guidance, Control, and Dynamics"}\n';
    const bibChanged = risChanged.map((file) => (file.name === 'identities.bib' ? { ...file, text: `${macros}${file.text}` } : file));
    const afterBib = await parseSeeds(bibChanged, { cache: afterRis.cache });
    expect(afterBib.reparsed.sort()).toEqual(['identities.bib', 'undefined-macros.bib']);
  });
});

describe('ingest of bibliographies in seeds/', () => {
  it('writes their papers beside the listings\', names what it could not read, and keeps their parse for the next run', async () => {
    const paths = await workspace(['hostile/identities.bib', 'hostile/crlf-multiline.ris', 'hostile/string-years.json']);
    const report = await ingest(paths);
    const counts = Object.fromEntries(report.listings.map(({ listing, papers }) => [listing, papers]));
    expect(counts).toMatchObject({ 'identities.bib': 7, 'crlf-multiline.ris': 2, 'string-years.json': 2 });
    const distilling = report.papers.find((paper) => paper.title === 'Distilling the Knowledge in a Neural Network')!;
    // The .bib's entry and the CSL-JSON item carry one arXiv id (a journal string and a number): one paper of two sources.
    const sources = [{ listing: 'identities.bib', line: 31, key: 'scholar-journal' }, { listing: 'string-years.json', line: 11, key: 'arxiv-number' }];
    expect(distilling.sources).toEqual(sources);
    expect(distilling.arxiv).toBe('1503.02531');
    const entryPath = join(paths.contentDir, 'papers', distilling.mainTheme, `${distilling.slug}.mdx`);
    const entry = readEntry(await readFile(entryPath, 'utf8'), entryPath);
    // The CSL-JSON item's day wins over the .bib's year: the more precise date (docs/listings.md).
    expect(entry.data).toMatchObject({ sources, arxiv: '1503.02531', published: { text: '2015-03-09', date: '2015-03-09', precision: 'day' } });
    expect(report.warnings).toContainEqual({ file: relative(process.cwd(), join(paths.seedsDir, 'identities.bib')), line: 51, message: 'entry "no-title": has no title, so it is not a paper of the list' });

    const cache = JSON.parse(await readFile(join(paths.contentDir, INGEST_CACHE_FILE), 'utf8')) as { parses: Record<string, { parsed: unknown }> };
    expect(Object.keys(cache.parses).sort()).toEqual(['crlf-multiline.ris', 'identities.bib', 'string-years.json']);
    const again = await ingest(paths);
    expect(again.plan.writes).toEqual([]);
    expect(again.papers).toEqual(report.papers);
  });

  it('writes markup and code in a bibliography\'s text as text, exactly; names an entry whose TeX it cannot read', async () => {
    const paths = await workspace(['hostile/markup.bib']);
    const report = await ingest(paths);
    const paper = report.papers.find((candidate) => candidate.sources[0]!.listing === 'markup.bib')!;
    const title = 'A <script>alert("x")</script> Title {import a} & <b> ${x}';
    const abstract = 'export const x = 1; <img src=x onerror=alert(1)> https://example.org/a_b';
    expect(paper).toMatchObject({ title, abstract });
    const entryPath = join(paths.contentDir, 'papers', paper.mainTheme, `${paper.slug}.mdx`);
    const entry = readEntry(await readFile(entryPath, 'utf8'), entryPath);
    expect(entry.data['title']).toBe(title);
    expect(report.warnings).toContainEqual({
      file: relative(process.cwd(), join(paths.seedsDir, 'markup.bib')),
      line: 8,
      message: 'entry "unclosed-math" is left out: a field\'s TeX cannot be read (expected "text", got EOF: a $ or a \\begin not closed?)',
    });
  });

  it('uses the parse it kept while the files are unchanged, and says a capture date for a bibliography is not used', async () => {
    const paths = await workspace(['hostile/identities.bib']);
    await ingest(paths);
    // The cached parse, edited: the next run shows the edit only if it does not parse the file again.
    const cacheFile = join(paths.contentDir, INGEST_CACHE_FILE);
    const cache = JSON.parse(await readFile(cacheFile, 'utf8')) as { parses: Record<string, { parsed: { papers: { title: string }[] } }> };
    cache.parses['identities.bib']!.parsed.papers[0]!.title = 'A Title Only The Cache Holds';
    await writeFile(cacheFile, JSON.stringify(cache));
    await writeFile(join(paths.seedsDir, 'listings.yaml'), 'identities.bib:\n  captured: 2025-12-11\n');
    const report = await ingest(paths);
    expect(report.papers.map((paper) => paper.title)).toContain('A Title Only The Cache Holds');
    expect(report.warnings).toContainEqual({ file: relative(process.cwd(), join(paths.seedsDir, 'listings.yaml')), line: 1, message: '"captured" for "identities.bib" is not used: a bibliography\'s dates carry their year' });
    // A change to the file is read.
    await writeFile(join(paths.seedsDir, 'identities.bib'), `${await readFile(join(paths.seedsDir, 'identities.bib'), 'utf8')}\n@misc{added, title = {An Added Entry}}\n`);
    const changed = await ingest(paths);
    expect(changed.papers.map((paper) => paper.title)).toEqual(expect.arrayContaining(['A Year With a Letter', 'An Added Entry']));
    expect(changed.papers.map((paper) => paper.title)).not.toContain('A Title Only The Cache Holds');
  });

  it.each([
    ['hostile/latin1.bib', 'this file is not UTF-8 text; re-save it as UTF-8'],
    ['hostile/binary.bib', 'this is a binary file, not text'],
    ['hostile/package-not-csl.json', 'this JSON is not CSL-JSON'],
    ['hostile/notes-not-ris.ris', 'this is not a RIS file'],
  ])('stops at %s, naming it, and writes nothing', async (name, message) => {
    const paths = await workspace([name]);
    const error = await ingest(paths).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).file).toMatch(new RegExp(`seeds/${name.split('/').pop()!.replace('.', '\\.')}$`));
    expect((error as InputError).message).toContain(message);
    expect(await readdir(paths.contentDir)).toEqual(['themes.yaml']);
  });
});
