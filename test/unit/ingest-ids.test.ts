/**
 * Ingest finding a paper's entry by DOI, arXiv id and every spelling of its title, end to end, with
 * the papers' ids coming from a CSL-JSON bibliography beside the listings.
 */
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scanEntries } from '../../src/lib/ingest/entry-store.ts';
import { ingest, type IngestPaths } from '../../src/lib/ingest/ingest.ts';
import type { ListedPaper } from '../../src/lib/ingest/types.ts';
import { removeTempDirs, tempDir } from '../setup/temp-dirs.ts';

afterAll(removeTempDirs);

const ROOT = join(import.meta.dirname, '../..');
const ABSTRACT = 'We study a problem at length, and this sentence is long enough to be read as the abstract of a paper.';

async function workspace(): Promise<IngestPaths> {
  const dir = await tempDir('reading-list-ids-');
  await mkdir(join(dir, 'seeds'));
  await cp(join(ROOT, 'content/themes.yaml'), join(dir, 'content/themes.yaml'));
  return { seedsDir: join(dir, 'seeds'), contentDir: join(dir, 'content') };
}

/** A CSL-JSON bibliography of the papers given (title, ids, authors as `Family, Given`), an arXiv id as its abstract page's URL. */
const bibliography = (...papers: (Pick<ListedPaper, 'doi' | 'arxiv' | 'authors'> & { title: string })[]) =>
  JSON.stringify(
    papers.map(({ title, doi, arxiv, authors }, index) => ({
      id: `item${index}`,
      type: 'article-journal',
      title,
      ...(doi !== undefined && { DOI: doi }),
      ...(arxiv !== undefined && { URL: `https://arxiv.org/abs/${arxiv}` }),
      ...(authors !== undefined && { author: authors.map((name) => ({ family: name.split(', ')[0], given: name.split(', ')[1] })) }),
    })),
  );

const entries = async (paths: IngestPaths) => scanEntries(join(paths.contentDir, 'papers'));

/** Adds notes to the one entry whose title is `title`. */
async function annotate(paths: IngestPaths, title: string): Promise<{ path: string; slug: unknown }> {
  const entry = (await entries(paths)).find(({ entry: e }) => e.data['title'] === title);
  if (!entry) throw new Error(`no entry for "${title}"`);
  await writeFile(join(paths.contentDir, 'papers', entry.path), `${entry.source}\nMy notes.\n`);
  return { path: entry.path, slug: entry.entry.data['slug'] };
}

describe('ingest finds a paper\'s entry by its ids', () => {
  it('keeps the entry, slug and notes as a bibliography read first retitles the paper, by title and then by DOI', async () => {
    const paths = await workspace();
    await writeFile(join(paths.seedsDir, 'hf.txt'), `Self-Rewarding Language Models\n\n${ABSTRACT}\n`);
    await ingest(paths);
    const before = await annotate(paths, 'Self-Rewarding Language Models');

    // bib.json, read first: the paper under another title with its DOI, and under the listing's title with that DOI.
    await writeFile(join(paths.seedsDir, 'bib.json'), bibliography({ title: 'Self-Rewarding LMs, extended', doi: '10.1/SRLM' }, { title: 'Self-rewarding language models', doi: '10.1/srlm', authors: ['Yuan, Weizhe'] }));
    let report = await ingest(paths);
    expect(report.plan.orphans).toEqual([]);
    let [entry, ...others] = await entries(paths);
    expect(others).toEqual([]);
    expect(entry?.path).toBe(before.path);
    expect(entry?.entry.data).toMatchObject({ title: 'Self-Rewarding LMs, extended', slug: before.slug, doi: '10.1/SRLM', authors: ['Yuan, Weizhe'] });
    expect(entry?.source.endsWith('\nMy notes.\n')).toBe(true);
    expect((await ingest(paths)).plan.writes).toEqual([]);

    // The listing gone, and the bibliography's title changed again: the DOI alone finds the entry.
    await writeFile(join(paths.seedsDir, 'hf.txt'), '');
    await writeFile(join(paths.seedsDir, 'bib.json'), bibliography({ title: 'Rewarding Oneself: Language Models as Judges', doi: '10.1/srlm' }));
    report = await ingest(paths);
    expect(report.plan.orphans).toEqual([]);
    [entry, ...others] = await entries(paths);
    expect(others).toEqual([]);
    expect(entry?.entry.data).toMatchObject({ title: 'Rewarding Oneself: Language Models as Judges', slug: before.slug });
    expect(entry?.source.endsWith('\nMy notes.\n')).toBe(true);
  });

  it('finds the entry by arXiv id when the DOI it holds is another source\'s', async () => {
    const paths = await workspace();
    await writeFile(join(paths.seedsDir, 'lab.json'), bibliography({ title: 'Deep Residual Learning for Image Recognition', arxiv: '1512.03385', doi: '10.1109/CVPR.2016.90' }));
    await ingest(paths);
    const before = await annotate(paths, 'Deep Residual Learning for Image Recognition');
    await writeFile(join(paths.seedsDir, 'lab.json'), bibliography({ title: 'ResNet', arxiv: '1512.03385' }));
    const report = await ingest(paths);
    expect(report.plan.orphans).toEqual([]);
    const [entry, ...others] = await entries(paths);
    expect(others).toEqual([]);
    expect(entry?.entry.data).toMatchObject({ title: 'ResNet', slug: before.slug, arxiv: '1512.03385' });
    expect(entry?.entry.data).not.toHaveProperty('doi');
    expect(entry?.source.endsWith('\nMy notes.\n')).toBe(true);
  });

  it('gives two papers with one title and different DOIs an entry each, which each keeps whatever the order they are read in', async () => {
    const paths = await workspace();
    const [first, second] = [{ title: 'Introduction', doi: '10.1/intro-2019' }, { title: 'Introduction', doi: '10.1/intro-2021' }];
    await writeFile(join(paths.seedsDir, 'lab.json'), bibliography(first, second));
    await ingest(paths);
    const slugOf = async () => Object.fromEntries((await entries(paths)).map(({ entry }) => [entry.data['doi'], entry.data['slug']]));
    const slugs = await slugOf();
    expect(Object.keys(slugs).sort()).toEqual(['10.1/intro-2019', '10.1/intro-2021']);
    expect(new Set(Object.values(slugs)).size).toBe(2);
    await writeFile(join(paths.seedsDir, 'lab.json'), bibliography(second, first));
    const report = await ingest(paths);
    expect(report.plan.orphans).toEqual([]);
    expect(await slugOf()).toEqual(slugs);
  });

  it('does not continue the entry of another paper with the title, one whose DOI differs', async () => {
    const paths = await workspace();
    await writeFile(join(paths.seedsDir, 'lab.json'), bibliography({ title: 'Introduction', doi: '10.1/intro-2019' }));
    await ingest(paths);
    const before = await annotate(paths, 'Introduction');
    await rm(join(paths.seedsDir, 'lab.json'));
    await writeFile(join(paths.seedsDir, 'other-lab.json'), bibliography({ title: 'Introduction', doi: '10.1/intro-2021' }));
    const report = await ingest(paths);
    expect(report.plan.orphans).toEqual([{ path: before.path, userContent: true }]);
    expect(await readFile(join(paths.contentDir, 'papers', before.path), 'utf8')).toContain('doi: 10.1/intro-2019\n');
    expect((await entries(paths)).map(({ entry }) => entry.data['doi']).sort()).toEqual(['10.1/intro-2019', '10.1/intro-2021']);
  });

  it('continues the entry when the bibliography entry it was written from corrects its DOI or arXiv id', async () => {
    const paths = await workspace();
    await writeFile(join(paths.seedsDir, 'lab.json'), bibliography({ title: 'Deep Things', doi: '10.1000/wrong', arxiv: '2101.00001' }));
    await ingest(paths);
    const before = await annotate(paths, 'Deep Things');
    await writeFile(join(paths.seedsDir, 'lab.json'), bibliography({ title: 'Deep Things', doi: '10.1000/right', arxiv: '2101.00002' }));
    const report = await ingest(paths);
    expect(report.plan.orphans).toEqual([]);
    const [only, ...others] = await entries(paths);
    expect(others).toEqual([]);
    expect([only!.path, only!.entry.data['slug'], only!.entry.data['doi'], only!.entry.data['arxiv']]).toEqual([before.path, before.slug, '10.1000/right', '2101.00002']);
    expect(only!.source).toContain('My notes.');
  });

  it('leaves a paper to the hand-written entry holding its DOI under another title', async () => {
    const paths = await workspace();
    await writeFile(join(paths.seedsDir, 'lab.json'), bibliography({ title: 'Attention Is All You Need', doi: '10.5555/3295222.3295349' }));
    await mkdir(join(paths.contentDir, 'papers/mine'), { recursive: true });
    await writeFile(join(paths.contentDir, 'papers/mine/transformer.mdx'), '---\ntitle: The Transformer\ndoi: 10.5555/3295222.3295349\nthemes: [agents]\n---\nMy summary.\n');
    const report = await ingest(paths);
    expect(report.warnings.map((warning) => warning.message)).toEqual([`"Attention Is All You Need" has the hand-written entry ${relative(process.cwd(), join(paths.contentDir, 'papers'))}/mine/transformer.mdx; no entry generated for it`]);
    expect((await entries(paths)).map(({ path }) => path)).toEqual(['mine/transformer.mdx']);
  });
});
