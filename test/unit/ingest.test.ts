import { spawnSync } from 'node:child_process';
import { cp, mkdir, readFile, readdir, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEntry } from '../../src/lib/ingest/entry.ts';
import { INGEST_CACHE_FILE } from '../../src/lib/ingest/ingest-cache.ts';
import { scanEntries, type StoredEntry } from '../../src/lib/ingest/entry-store.ts';
import { ingest, type IngestPaths } from '../../src/lib/ingest/ingest.ts';
import { SEEDS_DIR } from '../setup/seeds.ts';
import { removeTempDirs, tempDir } from '../setup/temp-dirs.ts';

const ROOT = join(import.meta.dirname, '../..');

afterAll(removeTempDirs);

/** The entry paths whose reading the ingest cache keeps (entry-readings.ts), sorted. */
async function cachedReadingPaths(paths: IngestPaths): Promise<string[]> {
  const cache = JSON.parse(await readFile(join(paths.contentDir, INGEST_CACHE_FILE), 'utf8')) as { readings: Record<string, unknown> };
  return Object.keys(cache.readings).sort();
}

const entryPaths = async (paths: IngestPaths) => (await scanEntries(join(paths.contentDir, 'papers'))).map(({ path }) => path).sort();

async function workspace({ seeds = true } = {}): Promise<IngestPaths> {
  const dir = await tempDir('reading-list-ingest-');
  if (seeds) await cp(SEEDS_DIR, join(dir, 'seeds'), { recursive: true });
  else await mkdir(join(dir, 'seeds'));
  await cp(join(ROOT, 'content/themes.yaml'), join(dir, 'content/themes.yaml'));
  return { seedsDir: join(dir, 'seeds'), contentDir: join(dir, 'content') };
}

const NOT_READ = 'not read: ingest reads listings (.txt: copied Hugging Face papers pages), bibliographies (.bib BibTeX or BibLaTeX, .ris RIS, .json CSL-JSON) and listings.yaml, nothing else';

describe('ingest of the seed listings', () => {
  let paths: IngestPaths;
  beforeAll(async () => {
    paths = await workspace();
  });

  it('writes one entry per distinct paper under its main theme', async () => {
    const report = await ingest(paths);
    const entries = await scanEntries(join(paths.contentDir, 'papers'));
    expect(entries).toHaveLength(report.papers.length);
    for (const { path, entry } of entries) expect(path).toBe(`${entry.data['mainTheme']}/${entry.data['slug']}.mdx`);
    expect(new Set(entries.map(({ entry }) => entry.data['slug'])).size).toBe(entries.length);
  });

  it('changes no file when run again on the same input, its cache included', async () => {
    const entries = await scanEntries(join(paths.contentDir, 'papers'));
    const files = (await readdir(paths.contentDir, { recursive: true })).sort();
    expect(files).toContain(INGEST_CACHE_FILE);
    const before = await Promise.all(files.map((file) => stat(join(paths.contentDir, file))));
    const report = await ingest(paths);
    expect(report.plan.writes).toEqual([]);
    expect(report.plan.unchanged).toBe(entries.length);
    expect((await readdir(paths.contentDir, { recursive: true })).sort()).toEqual(files);
    const after = await Promise.all(files.map((file) => stat(join(paths.contentDir, file))));
    expect(after.map((file) => file.mtimeMs)).toEqual(before.map((file) => file.mtimeMs));
  });

  it('rebuilds a cache file cut short, even in the middle of a character, without a word to the user', async () => {
    const cacheFile = join(paths.contentDir, INGEST_CACHE_FILE);
    const bytes = await readFile(cacheFile);
    const cut = Buffer.concat([bytes.subarray(0, bytes.length >> 1), Buffer.from('é').subarray(0, 1)]);
    await writeFile(cacheFile, cut);
    const report = await ingest(paths);
    expect(report.plan.writes).toEqual([]);
    expect(report.warnings.filter((warning) => warning.file.includes(INGEST_CACHE_FILE))).toEqual([]);
    expect(await readFile(cacheFile)).toEqual(bytes);
  });

  it('rewrites a generated field edited by hand: the cache never hides a changed file', async () => {
    const [entry] = await scanEntries(join(paths.contentDir, 'papers'));
    if (!entry) throw new Error('no entry');
    const file = join(paths.contentDir, 'papers', entry.path);
    const title = String(entry.entry.data['title']);
    await writeFile(file, entry.source.replace(/^title: .*$/m, 'title: Edited by hand'));
    const report = await ingest(paths);
    expect(report.plan.writes.map((write) => write.path)).toEqual([entry.path]);
    expect(readEntry(await readFile(file, 'utf8'), file).data['title']).toBe(title);
  });

  it('matches the entries committed in content/, byte for byte', async () => {
    const ours = await scanEntries(join(ROOT, 'content/papers'));
    const fresh = await scanEntries(join(paths.contentDir, 'papers'));
    expect(fresh.map(({ path, source }) => [path, source])).toEqual(ours.map(({ path, source }) => [path, source]));
  });

  it('moves an entry, with its notes, when its main theme changes', async () => {
    const themesPath = join(paths.contentDir, 'themes.yaml');
    const [entry] = (await scanEntries(join(paths.contentDir, 'papers'))).filter(({ entry: e }) => e.data['mainTheme'] === 'skills');
    if (!entry) throw new Error('no skills entry');
    const file = join(paths.contentDir, 'papers', entry.path);
    await writeFile(file, `${entry.source}\nMy note.\n`);
    const themes = await readFile(themesPath, 'utf8');
    await writeFile(themesPath, themes.replace(/- id: skills[\s\S]*?(?=\n- id:)/, '- id: skills\n  title: Skills\n  description: No terms any more.\n  terms: []\n'));
    const report = await ingest(paths);
    const moved = report.plan.writes.find((write) => write.movedFrom === entry.path);
    expect(moved).toBeDefined();
    const movedSource = await readFile(join(paths.contentDir, 'papers', moved?.path ?? ''), 'utf8');
    expect(readEntry(movedSource, 'moved.mdx').body.endsWith('\nMy note.\n')).toBe(true);
    await expect(stat(file)).rejects.toThrow();

    // The cache holds what each entry on disk says, the moved one at its new path, so a re-run parses and writes nothing.
    expect(await cachedReadingPaths(paths)).toEqual(await entryPaths(paths));
    const cacheFile = join(paths.contentDir, INGEST_CACHE_FILE);
    const before = (await stat(cacheFile)).mtimeMs;
    expect((await ingest(paths)).plan.writes).toEqual([]);
    expect((await stat(cacheFile)).mtimeMs).toBe(before);
  });

});

const ABSTRACT = 'We study a problem at length, and this sentence is long enough to be read as the abstract of a paper.';
const listing = (...titles: string[]) => titles.map((title) => `${title}\n\n${ABSTRACT} (${title})\n`).join('\n');

async function entriesOf(paths: IngestPaths) {
  return scanEntries(join(paths.contentDir, 'papers'));
}

/**
 * Runs `body` with the papers folder's `folder` answering to its name in other case too, as
 * every name does where case is ignored (`isCaseInsensitive` asks about such a name).
 */
async function pretendCaseIsIgnored(paths: IngestPaths, folder: string, body: () => Promise<void>): Promise<void> {
  const swapped = [...folder].map((char) => (char === char.toLowerCase() ? char.toUpperCase() : char.toLowerCase())).join('');
  const alias = join(paths.contentDir, 'papers', swapped);
  await symlink(folder, alias);
  try {
    await body();
  } finally {
    await rm(alias);
  }
}

/** A workspace whose one listing holds `title`, ingested once: its paths and the entry written. */
async function ingestedOne(title: string): Promise<{ paths: IngestPaths; entry: StoredEntry }> {
  const paths = await workspace({ seeds: false });
  await writeFile(join(paths.seedsDir, 'a.txt'), listing(title));
  await ingest(paths);
  const [entry] = await entriesOf(paths);
  if (!entry) throw new Error(`no entry for "${title}"`);
  return { paths, entry };
}

describe('themes weighed against the whole list', () => {
  it('classifies a paper again when the rest of the list changes, the cache warm as without it', async () => {
    const paths = await workspace();
    const cwd = join(paths.seedsDir, '..');
    const full = spawnSync(process.execPath, [join(ROOT, 'scripts/ingest.ts')], { cwd, encoding: 'utf8' });
    // "language models" and agent* are each in nearly half the seed papers: they count less, and ingest says so.
    expect(full.stdout).toMatch(/^Terms in so many of the papers that they count less: language models ×0\.\d+, agent\* ×0\.\d+/m);
    const all = await ingest(paths, { write: false });
    const before = new Map(all.papers.map((paper) => [paper.key, paper.themes]));

    // One listing of the five: the terms' shares change, and so do the themes of some of its papers.
    for (const name of await readdir(paths.seedsDir)) if (name !== '003_59cb86a34729d0ff.txt') await rm(join(paths.seedsDir, name));
    const warm = await ingest(paths);
    expect(warm.commonTerms).not.toEqual(all.commonTerms);
    expect(warm.papers.filter((paper) => before.get(paper.key)?.join() !== paper.themes.join()).length).toBeGreaterThan(0);
    await rm(join(paths.contentDir, INGEST_CACHE_FILE));
    const cold = await ingest(paths, { write: false });
    expect(warm.papers.map(({ key, themes, matchedTerms }) => [key, themes, matchedTerms])).toEqual(cold.papers.map(({ key, themes, matchedTerms }) => [key, themes, matchedTerms]));
  });
});

describe('hidden papers', () => {
  it('do not make a term common: the shares are of the papers the site shows', async () => {
    const paths = await workspace({ seeds: false });
    const paper = (title: string, abstract: string) => `${title}\n\n${abstract} This sentence makes the text long enough to be read as an abstract.\n`;
    // skill* in 20 of 60 shown papers (a third: full weight) and in 10 papers to hide.
    const skilled = Array.from({ length: 30 }, (_, n) => paper(`Skilled study ${n}`, 'We teach skills, more skills and again skills.'));
    const others = Array.from({ length: 40 }, (_, n) => paper(`Plain study ${n}`, 'We count sheep.'));
    await writeFile(join(paths.seedsDir, 'a.txt'), [...skilled, ...others].join('\n'));
    const shown = await ingest(paths);
    expect(shown.commonTerms).toEqual([{ term: 'skill*', weight: 0.6 }]);
    for (const { path, source, entry } of await entriesOf(paths)) {
      if (/^Skilled study 2\d$/.test(String(entry.data['title']))) await writeFile(join(paths.contentDir, 'papers', path), source.replace(/\n---\n/, '\nhidden: true\n---\n'));
    }
    const hidden = await ingest(paths);
    expect(hidden.hidden).toBe(10);
    expect(hidden.commonTerms).toEqual([]);
    expect(hidden.papers.find((found) => found.title === 'Skilled study 0')?.themes).toContain('skills');
  });
});

describe('entries an earlier version wrote as Markdown', () => {
  /** The workspace after an ingest that wrote `.md`: each entry renamed, with `notes` after the abstract and a field of the user's. */
  async function writtenAsMarkdown(notes: string) {
    const { paths, entry } = await ingestedOne('Kept Paper');
    const path = entry.path.replace(/\.mdx$/, '.md');
    const source = `${entry.source.replace(/\n---\n/, '\nstatus: read # mine\n---\n')}${notes}`;
    await rm(join(paths.contentDir, 'papers', entry.path));
    await writeFile(join(paths.contentDir, 'papers', path), source);
    return { paths, path, source };
  }

  it('become MDX, with the fields and notes a person wrote byte for byte; a second run writes nothing', async () => {
    const notes = '\n## My notes\n\n- a *plain* note, with `code`\n\n```py\nd = {"a": 1}\n```\n';
    const { paths, path, source } = await writtenAsMarkdown(notes);
    const report = await ingest(paths);
    expect(report.plan.writes.map((write) => [write.movedFrom, write.path])).toEqual([[path, `${path}x`]]);
    expect(report.plan.keptMarkdown).toEqual([]);
    expect(await readFile(join(paths.contentDir, 'papers', `${path}x`), 'utf8')).toBe(source);
    expect(await entryPaths(paths)).toEqual([`${path}x`]);
    expect((await ingest(paths)).plan.writes).toEqual([]);
  });

  it('stay Markdown when MDX would read their notes differently, named with the line, why and how to convert', async () => {
    const { paths, path, source } = await writtenAsMarkdown('\nCosts <5 ms.\n');
    const report = await ingest(paths);
    expect(report.plan.writes).toEqual([]);
    const file = `${relative(process.cwd(), paths.contentDir)}/papers/${path}`;
    const line = source.split('\n').indexOf('Costs <5 ms.') + 1;
    expect(report.plan.keptMarkdown).toEqual([
      {
        file,
        line,
        message:
          'stays Markdown: this line of your notes has a `<` (HTML, JSX or an autolink), which MDX may read differently. To make it MDX, where the `<` is text, ' +
          'write it `\\<`; in a code span MDX reads it as written, so rename the file to .mdx yourself; then run ingest again',
      },
    ]);
    expect(report.warnings, 'a note, not a warning: --strict passes').toEqual([]);
    expect((await ingest(paths)).plan.writes).toEqual([]);

    // Written so that MDX reads it the same, it becomes MDX on the next run.
    await writeFile(join(paths.contentDir, 'papers', path), source.replace('Costs <5 ms.', 'Costs \\<5 ms.'));
    expect((await ingest(paths)).plan.writes.map((write) => write.path)).toEqual([`${path}x`]);
  });

  it('finish a migration a run stopped half way (the .md beside its .mdx): the .md goes, the .mdx keeps the notes', async () => {
    const { paths, path, source } = await writtenAsMarkdown('\nMy notes.\n');
    await ingest(paths);
    const migrated = await readFile(join(paths.contentDir, 'papers', `${path}x`), 'utf8');
    // The state a run stopped between writing the .mdx and removing the .md leaves.
    await writeFile(join(paths.contentDir, 'papers', path), source);
    const report = await ingest(paths);
    expect(report.plan.leftovers).toEqual([path]);
    expect(report.plan.orphans).toEqual([]);
    expect(await entryPaths(paths)).toEqual([`${path}x`]);
    expect(await readFile(join(paths.contentDir, 'papers', `${path}x`), 'utf8')).toBe(migrated);
    expect((await ingest(paths)).plan).toMatchObject({ writes: [], leftovers: [] });
  });

  it('stop, changing nothing, when the .md and the .mdx of one paper differ, naming both', async () => {
    const { paths, path, source } = await writtenAsMarkdown('\nMy notes.\n');
    await ingest(paths);
    const migrated = await readFile(join(paths.contentDir, 'papers', `${path}x`), 'utf8');
    await writeFile(join(paths.contentDir, 'papers', path), source.replace('My notes.', 'Other notes.'));
    const papers = relative(process.cwd(), join(paths.contentDir, 'papers'));
    await expect(ingest(paths)).rejects.toThrow(`${papers}/${path}:1: this file and ${papers}/${path}x are both the entry of "Kept Paper", and they differ`);
    expect(await entryPaths(paths)).toEqual([path, `${path}x`]);
    expect(await readFile(join(paths.contentDir, 'papers', `${path}x`), 'utf8')).toBe(migrated);
  });

  it('stay Markdown when the notes start with what MDX reads as a comment', async () => {
    const { paths } = await writtenAsMarkdown('{/* shown in Markdown */}\n');
    expect((await ingest(paths)).plan.keptMarkdown.map((kept) => kept.message)).toEqual([expect.stringContaining('a `{` (an expression)')]);
  });

  it('say how to convert by what MDX would read differently, and whether it is in a pinned abstract line', async () => {
    const kept = async (notes: string, pin = false) => {
      const { paths, path, source } = await writtenAsMarkdown(notes);
      if (pin) await writeFile(join(paths.contentDir, 'papers', path), source.replace(/\n---\n.*\n/, '\npinned: [abstract]\n---\nCosts <5 ms.\n'));
      return (await ingest(paths)).plan.keptMarkdown.map((note) => note.message.replace(/^stays Markdown: /, ''));
    };
    expect(await kept('\n    indented code\n')).toEqual([expect.stringMatching(/^this line of your notes has an indented line .* put the code in a fenced block/)]);
    expect(await kept('\nexport of goods\n')).toEqual([expect.stringMatching(/^this line of your notes has a line starting with `import` or `export` .* reword the line/)]);
    expect(await kept('\n![figure](fig.png)\n')).toEqual([expect.stringMatching(/^this line of your notes has an image .* rename the file to \.mdx yourself if that suits it/)]);
    expect(await kept('\nMy notes.\n', true)).toEqual([expect.stringMatching(/^your abstract line has a `<`/)]);
  });
});

describe('ingest keeps what users wrote', () => {
  it('never touches a hand-written entry, and generates no second entry for its paper', async () => {
    const paths = await workspace({ seeds: false });
    await writeFile(join(paths.seedsDir, 'a.txt'), listing('Listed Paper', 'My Own Paper'));
    const handWritten = '---\ntitle: My own paper\nslug: listed-paper\nthemes: [agents]\n---\nNotes on a paper in no listing.\n';
    await mkdir(join(paths.contentDir, 'papers/mine'), { recursive: true });
    await writeFile(join(paths.contentDir, 'papers/mine/own.mdx'), handWritten);
    const report = await ingest(paths);
    expect(report.handWritten).toBe(1);
    expect(report.warnings.map((warning) => warning.message)).toContainEqual(expect.stringContaining('"My Own Paper" has the hand-written entry'));
    const entries = await entriesOf(paths);
    expect(await readFile(join(paths.contentDir, 'papers/mine/own.mdx'), 'utf8')).toBe(handWritten);
    const generated = entries.filter(({ path }) => !path.startsWith('mine/'));
    expect(generated).toHaveLength(1);
    expect(generated[0]?.entry.data['slug']).not.toBe('listed-paper');
  });

  it('stops, changing nothing, rather than replace a file holding a person\'s writing with an entry of the same slug', async () => {
    const paths = await workspace({ seeds: false });
    await writeFile(join(paths.seedsDir, 'a.txt'), listing('Kept Paper', 'Other Paper'));
    await ingest(paths);
    const [original] = (await entriesOf(paths)).filter(({ entry }) => entry.data['title'] === 'Kept Paper');
    if (!original) throw new Error('no entry for "Kept Paper"');
    const originalFile = join(paths.contentDir, 'papers', original.path);

    // A copy of the entry in another folder (sorted after the original), and notes added to the original.
    await mkdir(join(paths.contentDir, 'papers/zz-copies'), { recursive: true });
    await writeFile(join(paths.contentDir, 'papers/zz-copies', basename(original.path)), original.source);
    await writeFile(originalFile, `${original.source}\nMy notes.\n`);
    const annotated = await readFile(originalFile, 'utf8');
    await expect(ingest(paths)).rejects.toThrow(`zz-copies/${basename(original.path)}:1: this file and ${relative(process.cwd(), originalFile)} are both the entry of "Kept Paper", and they differ`);
    expect(await readFile(originalFile, 'utf8')).toBe(annotated);
  });

  it('stops, changing nothing, when two entries would have one page address, naming both', async () => {
    const papersDir = (paths: IngestPaths) => relative(process.cwd(), join(paths.contentDir, 'papers'));
    // Two hand-written entries: one by its slug, one by its file name (in other case).
    const paths = await workspace({ seeds: false });
    await writeFile(join(paths.seedsDir, 'a.txt'), listing('Listed Paper'));
    await mkdir(join(paths.contentDir, 'papers/mine'), { recursive: true });
    await writeFile(join(paths.contentDir, 'papers/mine/talk.md'), '---\ntitle: A Talk\nslug: same-talk\nthemes: [agents]\n---\nMy summary.\n');
    await writeFile(join(paths.contentDir, 'papers/mine/Same-Talk.md'), '---\ntitle: Another Talk\nthemes: [agents]\n---\nOther summary.\n');
    await expect(ingest(paths)).rejects.toThrow(
      `${papersDir(paths)}/mine/talk.md:3: its page address "same-talk" is also that of ${papersDir(paths)}/mine/Same-Talk.md, and the site would show only one of them`,
    );
    expect(await entryPaths(paths)).toEqual(['mine/Same-Talk.md', 'mine/talk.md']);

    // Two listed papers, one given the other's slug by hand (its entry annotated).
    const listed = await workspace({ seeds: false });
    await writeFile(join(listed.seedsDir, 'a.txt'), listing('First Paper', 'Second Paper'));
    await ingest(listed);
    const [first, second] = await entriesOf(listed);
    if (!first || !second) throw new Error('two entries expected');
    const edited = `${second.source.replace(`slug: ${String(second.entry.data['slug'])}`, `slug: ${String(first.entry.data['slug'])}`)}\nMy notes.\n`;
    await writeFile(join(listed.contentDir, 'papers', second.path), edited);
    const before = await entryPaths(listed);
    await expect(ingest(listed)).rejects.toThrow(`its page address "${String(first.entry.data['slug'])}" is also that of`);
    expect(await entryPaths(listed)).toEqual(before);
    expect(await readFile(join(listed.contentDir, 'papers', second.path), 'utf8')).toBe(edited);

    // A copy made hand-written (no sources) beside the annotated entry it came from, which then stays (no entry
    // of the paper is generated beside a hand-written one).
    const copied = await ingestedOne('Agents That Plan');
    const annotated = `${copied.entry.source}\nMy notes.\n`;
    await writeFile(join(copied.paths.contentDir, 'papers', copied.entry.path), annotated);
    await mkdir(join(copied.paths.contentDir, 'papers/mine'), { recursive: true });
    await writeFile(join(copied.paths.contentDir, 'papers/mine/agents-that-plan.md'), annotated.replace(/^sources:\n(?:  .*\n)+/m, ''));
    await expect(ingest(copied.paths)).rejects.toThrow(
      `${papersDir(copied.paths)}/mine/agents-that-plan.md:3: its page address "agents-that-plan" is also that of ${papersDir(copied.paths)}/${copied.entry.path}`,
    );
    expect(await readFile(join(copied.paths.contentDir, 'papers', copied.entry.path), 'utf8')).toBe(annotated);

    // The same copy beside the generated entry holding nothing of the user's: --prune deletes that entry, and goes on.
    const plain = await ingestedOne('Agents That Plan');
    await mkdir(join(plain.paths.contentDir, 'papers/mine'), { recursive: true });
    await writeFile(join(plain.paths.contentDir, 'papers/mine/agents-that-plan.md'), plain.entry.source.replace(/^sources:\n(?:  .*\n)+/m, ''));
    await expect(ingest(plain.paths)).rejects.toThrow('that entry is no listed paper\'s any more: delete it (npm run ingest -- --prune deletes it when it holds nothing of yours)');
    await ingest(plain.paths, { prune: true });
    expect(await entryPaths(plain.paths)).toEqual(['mine/agents-that-plan.md']);
  });

  it('gives a new paper neither the slug nor the file name, in any case, of a hand-written entry', async () => {
    const { entry: generated } = await ingestedOne('Kept Paper');
    expect(generated.entry.data['slug']).toBe('kept-paper');
    // A file of the user's where the paper's entry would go, under its name or (one file on macOS and Windows) in capitals.
    for (const name of [basename(generated.path), 'Kept-Paper.md']) {
      const paths = await workspace({ seeds: false });
      await writeFile(join(paths.seedsDir, 'a.txt'), listing('Kept Paper'));
      const mine = '---\ntitle: Mine\nslug: mine\nthemes: [agents]\n---\nMy text.\n';
      const minePath = join(dirname(generated.path), name);
      await mkdir(join(paths.contentDir, 'papers', dirname(generated.path)), { recursive: true });
      await writeFile(join(paths.contentDir, 'papers', minePath), mine);
      await ingest(paths);
      expect(await readFile(join(paths.contentDir, 'papers', minePath), 'utf8')).toBe(mine);
      const [kept, ...others] = (await entriesOf(paths)).filter(({ entry }) => entry.data['title'] === 'Kept Paper');
      expect(others).toEqual([]);
      expect(kept?.entry.data['slug']).toMatch(/^kept-paper-[0-9a-f]{8}$/);
      expect((await ingest(paths)).plan.writes).toEqual([]);
    }
  });

  it('moves a paper, notes and all, off the address a hand-written entry takes; a file name alone does not take it', async () => {
    const { paths, entry } = await ingestedOne('Kept Paper');
    const annotated = `${entry.source}\nMy notes.\n`;
    await writeFile(join(paths.contentDir, 'papers', entry.path), annotated);
    await mkdir(join(paths.contentDir, 'papers/mine'));
    // Named like the paper's entry, with a slug of its own: the paper keeps its slug.
    await writeFile(join(paths.contentDir, 'papers/mine/Kept-Paper.md'), '---\ntitle: Mine\nslug: mine\nthemes: [agents]\n---\nMy text.\n');
    const kept = await ingest(paths);
    expect([kept.plan.writes, kept.warnings]).toEqual([[], []]);
    // Without a slug its address is its file name, /papers/Kept-Paper/: one folder with /papers/kept-paper/ where case is ignored.
    await writeFile(join(paths.contentDir, 'papers/mine/Kept-Paper.md'), '---\ntitle: Mine\nthemes: [agents]\n---\nMy text.\n');
    const moved = await ingest(paths);
    expect(moved.warnings).toEqual([
      { file: expect.stringMatching(new RegExp(`${entry.path}$`)), line: 3, message: expect.stringMatching(/^slug "kept-paper" is the address of the hand-written entry .*mine\/Kept-Paper\.md; a new one is given$/) },
    ]);
    const [write, ...others] = moved.plan.writes;
    expect([write?.movedFrom, others]).toEqual([entry.path, []]);
    const [paper] = (await entriesOf(paths)).filter(({ entry: e }) => e.data['title'] === 'Kept Paper');
    expect(paper?.path).toMatch(/\/kept-paper-[0-9a-f]{8}\.mdx$/);
    expect(paper?.source.endsWith('\nMy notes.\n')).toBe(true);
    expect(moved.plan.orphans).toEqual([]);

    // The entry of a paper no longer listed stays where it is: a hand-written entry on its address stops ingest, naming both.
    await writeFile(join(paths.seedsDir, 'a.txt'), listing('Other Paper'));
    await writeFile(join(paths.contentDir, 'papers/mine', basename(paper!.path)), '---\ntitle: Mine too\nthemes: [agents]\n---\nMy text.\n');
    await expect(ingest(paths)).rejects.toThrow(`mine/${basename(paper!.path)}:1: its page address "${basename(paper!.path, '.mdx')}" is also that of`);
    expect((await entriesOf(paths)).find(({ entry: e }) => e.data['title'] === 'Kept Paper')?.source.endsWith('\nMy notes.\n')).toBe(true);
  });

  it('where file names ignore case, leaves a file or folder a person renamed only in case under its name', async () => {
    const { paths, entry } = await ingestedOne('Kept Paper');
    const folder = dirname(entry.path);
    const recased = join(folder, 'Kept-Paper.mdx');
    await rename(join(paths.contentDir, 'papers', entry.path), join(paths.contentDir, 'papers', recased));
    await writeFile(join(paths.contentDir, 'papers', recased), `${entry.source}\nMy notes.\n`);
    await pretendCaseIsIgnored(paths, folder, async () => {
      // There the entry is Kept-Paper.mdx: written as kept-paper.mdx, the old name's removal would remove it.
      expect((await ingest(paths, { write: false })).plan.writes).toEqual([]);
      await writeFile(join(paths.seedsDir, 'a.txt'), listing('Kept Paper').replace(ABSTRACT, 'A new abstract.'));
      const [write, ...others] = (await ingest(paths, { write: false })).plan.writes;
      expect([write?.path, write?.movedFrom, others]).toEqual([recased, undefined, []]);
    });
    // Where case counts, they are two names: the entry moves back to its own, notes and all.
    expect((await ingest(paths)).plan.writes[0]?.movedFrom).toBe(recased);
    expect(await entryPaths(paths)).toEqual([entry.path]);
    expect(await readFile(join(paths.contentDir, 'papers', entry.path), 'utf8')).toContain('A new abstract.');

    // A theme folder renamed in case: nothing to write, run after run.
    const refoldered = entry.path.replace(folder, folder.toUpperCase());
    await rename(join(paths.contentDir, 'papers', folder), join(paths.contentDir, 'papers', folder.toUpperCase()));
    await pretendCaseIsIgnored(paths, folder.toUpperCase(), async () => {
      expect((await ingest(paths)).plan.writes).toEqual([]);
      // A new paper's entry goes into the folder as named, where the next run finds it: that run writes nothing, its cache included.
      await writeFile(join(paths.seedsDir, 'a.txt'), listing('Kept Paper', 'Other Paper').replace(ABSTRACT, 'A new abstract.'));
      expect((await ingest(paths)).plan.writes.map(({ path }) => path)).toEqual([`${folder.toUpperCase()}/other-paper.mdx`]);
      const cache = await readFile(join(paths.contentDir, INGEST_CACHE_FILE), 'utf8');
      expect((await ingest(paths)).plan.writes).toEqual([]);
      expect(await readFile(join(paths.contentDir, INGEST_CACHE_FILE), 'utf8')).toBe(cache);
      expect(await entryPaths(paths)).toEqual([refoldered, `${folder.toUpperCase()}/other-paper.mdx`].sort());
    });
  });

  it('where file names ignore case, stops rather than write a new entry over an annotated one named like it in other case', async () => {
    const { paths, entry } = await ingestedOne('Old Paper');
    const folder = dirname(entry.path);
    const left = join(folder, 'New-Paper.mdx');
    await rename(join(paths.contentDir, 'papers', entry.path), join(paths.contentDir, 'papers', left));
    await writeFile(join(paths.seedsDir, 'a.txt'), listing('New Paper'));
    await pretendCaseIsIgnored(paths, folder, async () => {
      // Not annotated, it is replaced, under its name; pruning it after would delete the new entry.
      const { writes, orphans } = (await ingest(paths, { write: false, prune: true })).plan;
      expect([writes.map(({ path }) => path), orphans]).toEqual([[left], []]);
      await writeFile(join(paths.contentDir, 'papers', left), `${entry.source}\nMy notes.\n`);
      await expect(ingest(paths)).rejects.toThrow(`${left}:1: ingest would replace this file, which holds your writing, with the entry of "New Paper" from the listings`);
      expect(await entryPaths(paths)).toEqual([left]);
    });
    // Where case counts, the new entry goes beside the old one, which is reported, not pruned.
    const report = await ingest(paths, { prune: true });
    expect(report.plan.orphans).toEqual([{ path: left, userContent: true }]);
    expect(await entryPaths(paths)).toEqual([join(folder, 'new-paper.mdx'), left].sort());
  });

  it('finishes a move an interrupted run left half done: the old copy goes, the new one keeps the notes', async () => {
    const { paths, entry } = await ingestedOne('Kept Paper');
    const pinned = entry.source.replace(/^mainTheme: .*$/m, 'mainTheme: robotics\npinned: [mainTheme]').concat('\nMy notes.\n');
    await writeFile(join(paths.contentDir, 'papers', entry.path), pinned);
    const moved = (await ingest(paths)).plan.writes[0];
    expect(moved?.movedFrom).toBe(entry.path);
    const movedText = await readFile(join(paths.contentDir, 'papers', moved!.path), 'utf8');
    // The state a run stopped between writing the new file and removing the old one leaves.
    await mkdir(dirname(join(paths.contentDir, 'papers', entry.path)), { recursive: true });
    await writeFile(join(paths.contentDir, 'papers', entry.path), pinned);
    await ingest(paths);
    expect(await entryPaths(paths)).toEqual([moved!.path]);
    expect(await readFile(join(paths.contentDir, 'papers', moved!.path), 'utf8')).toBe(movedText);
    expect((await ingest(paths)).plan.writes).toEqual([]);
  });

  it('keeps a paper\'s entry, slug and notes when a file read before its listing spells its title otherwise', async () => {
    const { paths, entry } = await ingestedOne('Self-Rewarding Language Models');
    const annotated = `${entry.source}\nMy notes.\n`;
    await writeFile(join(paths.contentDir, 'papers', entry.path), annotated);
    await writeFile(join(paths.seedsDir, '0.txt'), listing('Self-rewarding language models'));
    const report = await ingest(paths);
    expect(report.plan.orphans).toEqual([]);
    const [only, ...others] = await entriesOf(paths);
    expect(others).toEqual([]);
    expect(only?.path).toBe(entry.path);
    expect(only?.entry.data).toMatchObject({ title: 'Self-rewarding language models', slug: entry.entry.data['slug'] });
    expect(only?.entry.data['sources']).toEqual([{ listing: '0.txt', line: 1 }, { listing: 'a.txt', line: 1 }]);
    expect(only?.source.endsWith('\nMy notes.\n')).toBe(true);
    expect((await ingest(paths)).plan.writes).toEqual([]);
  });

  it('takes a hand-written entry that carries a DOI and an arXiv id, and another spelling of the title, for the listed paper\'s only entry', async () => {
    const paths = await workspace({ seeds: false });
    await writeFile(join(paths.seedsDir, 'a.txt'), listing('Deep Residual Learning'));
    await mkdir(join(paths.contentDir, 'papers/mine'), { recursive: true });
    const handWritten = '---\ntitle: "Deep residual learning."\ndoi: 10.1109/CVPR.2016.90\narxiv: "1512.03385"\nthemes: [agents]\n---\nMy summary.\n';
    await writeFile(join(paths.contentDir, 'papers/mine/resnet.mdx'), handWritten);
    const report = await ingest(paths);
    expect(report.warnings.map((warning) => warning.message)).toEqual([`"Deep Residual Learning" has the hand-written entry ${relative(process.cwd(), join(paths.contentDir, 'papers'))}/mine/resnet.mdx; no entry generated for it`]);
    expect(await entryPaths(paths)).toEqual(['mine/resnet.mdx']);
  });

  it('lets a new paper take the slug a person renamed an entry away from, in either listing order', async () => {
    const [renamed, newcomer] = ['Café Agents', 'Cafe Agents']; // Two papers, one slug: cafe-agents.
    for (const order of [[renamed, newcomer], [newcomer, renamed]]) {
      const { paths, entry } = await ingestedOne(renamed);
      expect(entry.entry.data['slug']).toBe('cafe-agents');
      await writeFile(join(paths.contentDir, 'papers', entry.path), `${entry.source.replace('slug: cafe-agents', 'slug: my-cafe-agents')}\nMy notes.\n`);
      await writeFile(join(paths.seedsDir, 'a.txt'), listing(...order));
      await ingest(paths);
      const entries = await entriesOf(paths);
      expect(entries.map(({ entry: e }) => [e.data['title'], e.data['slug']]).sort()).toEqual([[newcomer, 'cafe-agents'], [renamed, 'my-cafe-agents']]);
      expect(entries.find(({ entry: e }) => e.data['slug'] === 'my-cafe-agents')?.source.endsWith('\nMy notes.\n')).toBe(true);
      expect((await ingest(paths)).plan.writes).toEqual([]);
    }
  });

  it('never prunes the entry it has just written over a leftover of the same path', async () => {
    const { paths, entry } = await ingestedOne('Plain Paper');
    // An earlier version's .mdx copy beside the .md, as an interrupted conversion to Markdown leaves them.
    await writeFile(join(paths.contentDir, 'papers', entry.path.replace(/\.md$/, '.mdx')), entry.source);
    const report = await ingest(paths, { prune: true });
    expect(report.plan.orphans).toEqual([]);
    expect(await entryPaths(paths)).toEqual([entry.path]);
    expect((await ingest(paths, { prune: true })).plan.writes).toEqual([]);
  });

  it('stops, writing nothing, rather than write an entry it could not read back', async () => {
    const { paths, entry } = await ingestedOne('Kept Paper');
    const file = join(paths.contentDir, 'papers', entry.path);
    // An anchor on a field ingest writes, an alias to it in a field of the user's: the new title would drop the anchor.
    const edited = entry.source.replace('title: Kept Paper\n', 'title: &t Kept paper, my spelling\n').replace('\n---\n', '\nmyTitle: *t\n---\n');
    await writeFile(file, edited);
    await expect(ingest(paths)).rejects.toThrow(`${entry.path}: ingest cannot update this entry: the front matter it would write is not valid (front matter is not valid YAML (column 12): unidentified alias "t"`);
    expect(await readFile(file, 'utf8')).toBe(edited);
  });

  it('applies pinned themes and moves the entry to the pinned main theme', async () => {
    const { paths, entry: first } = await ingestedOne('Skill Discovery for Skill Libraries');
    expect(first.path.startsWith('skills/')).toBe(true);
    const pinned = first.source.replace(/^themes:\n(?:  - .*\n)+/m, 'themes: [robotics, agents]   # chosen by hand\n').replace('---\ntitle', '---\npinned: [themes]\ntitle');
    await writeFile(join(paths.contentDir, 'papers', first.path), pinned);
    await ingest(paths);
    const [moved] = await entriesOf(paths);
    expect(moved?.path).toBe(first.path.replace('skills/', 'robotics/'));
    expect(moved?.source).toContain('themes: [robotics, agents]   # chosen by hand\n');
    expect(moved?.entry.data['mainTheme']).toBe('robotics');
    // The summary counts the paper in the themes it was given.
    const counts = Object.fromEntries((await ingest(paths)).themes.map(({ theme, papers }) => [theme.id, papers]));
    expect(counts).toMatchObject({ robotics: 1, agents: 1, skills: 0 });
    // The folder it left, now empty, is gone.
    await expect(stat(join(paths.contentDir, 'papers/skills'))).rejects.toThrow();
  });

  it('warns about a pinned theme the themes file does not define, and keeps the computed ones', async () => {
    const { paths, entry: first } = await ingestedOne('Skill Discovery for Skill Libraries');
    const typo = first.source.replace(/^themes:\n(?:  - .*\n)+/m, 'themes: [robotcs, skills]\n').replace('---\ntitle', '---\npinned: [themes]\ntitle');
    await writeFile(join(paths.contentDir, 'papers', first.path), typo);
    const report = await ingest(paths);
    expect(report.warnings).toEqual([
      { file: `${relative(process.cwd(), join(paths.contentDir, 'papers'))}/${first.path}`, line: 5, message: 'pinned "themes" names "robotcs", not a theme of the themes file; using the computed themes' },
    ]);
    // It stays where the computed main theme puts it, and the build will name the pin (content.config.ts).
    expect(await entryPaths(paths)).toEqual([first.path]);
    expect(await readFile(join(paths.contentDir, 'papers', first.path), 'utf8')).toContain('\nthemes: [robotcs, skills]\n');
  });

  it('reports entries no listing produces, and prunes only those without user content', async () => {
    const paths = await workspace({ seeds: false });
    await writeFile(join(paths.seedsDir, 'a.txt'), listing('Kept Paper', 'Annotated Paper', 'Untouched Paper'));
    await ingest(paths);
    const annotated = (await entriesOf(paths)).find(({ entry }) => entry.data['title'] === 'Annotated Paper');
    if (!annotated) throw new Error('no annotated entry');
    await writeFile(join(paths.contentDir, 'papers', annotated.path), `${annotated.source}\nMy notes.\n`);
    await writeFile(join(paths.seedsDir, 'a.txt'), listing('Kept Paper'));

    const kept = await ingest(paths);
    expect(kept.plan.orphans.map(({ userContent }) => userContent).sort()).toEqual([false, true]);
    expect(await entriesOf(paths)).toHaveLength(3);

    const pruned = await ingest(paths, { prune: true });
    expect(pruned.plan.prunable).toHaveLength(1);
    const titles = (await entriesOf(paths)).map(({ entry }) => entry.data['title']).sort();
    expect(titles).toEqual(['Annotated Paper', 'Kept Paper']);
    expect(await cachedReadingPaths(paths)).toEqual(await entryPaths(paths));
  });

  it('gives an entry whose slug names a page of the papers table a new one, keeping the entry and its notes', async () => {
    const paths = await workspace({ seeds: false });
    // A paper titled like an order gets a suffixed slug from the start.
    await writeFile(join(paths.seedsDir, 'a.txt'), listing('Upvotes', 'Kept Paper'));
    await ingest(paths);
    const first = (await entriesOf(paths)).find(({ entry }) => entry.data['title'] === 'Upvotes');
    if (!first) throw new Error('no entry for "Upvotes"');
    expect(first.entry.data['slug']).toMatch(/^upvotes-[0-9a-f]{8}$/);
    // An entry that has such a slug anyway (an older ingest, or renamed by hand) gives it up.
    const renamed = first.source.replace(/^slug: .*$/m, 'slug: "2"');
    const oldPath = first.path.replace(/[^/]+\.mdx$/, '2.mdx');
    await rm(join(paths.contentDir, 'papers', first.path));
    await writeFile(join(paths.contentDir, 'papers', oldPath), `${renamed}\nMy notes.\n`);
    const report = await ingest(paths);
    expect(report.warnings.map((warning) => warning.message)).toContainEqual(expect.stringContaining('slug "2" is the address of a page of the papers table (/papers/2/)'));
    expect(report.plan.orphans).toEqual([]);
    const entries = await entriesOf(paths);
    expect(entries).toHaveLength(2);
    const moved = entries.find(({ entry }) => entry.data['title'] === 'Upvotes');
    expect(moved?.entry.data['slug']).toMatch(/^upvotes-[0-9a-f]{8}$/);
    expect(moved?.path).toBe(`${moved?.entry.data['mainTheme']}/${moved?.entry.data['slug']}.mdx`);
    expect(moved?.source.endsWith('\nMy notes.\n')).toBe(true);
    await expect(stat(join(paths.contentDir, 'papers', oldPath))).rejects.toThrow();
  });

  it('cleans up temporary files an interrupted run left, never half-written entries', async () => {
    const paths = await workspace({ seeds: false });
    await writeFile(join(paths.seedsDir, 'a.txt'), listing('A Paper'));
    await mkdir(join(paths.contentDir, 'papers/skills'), { recursive: true });
    await writeFile(join(paths.contentDir, 'papers/skills/a-paper.md.12345.tmp'), '---\ntitle: half');
    await ingest(paths);
    const files = await readdir(join(paths.contentDir, 'papers'), { recursive: true });
    expect(files.filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('ingest on bad input', () => {
  it.each([
    ['binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), 'this is a binary file'],
    ['utf16.txt', Buffer.from('\ufeffTitle\n', 'utf16le'), 'UTF-16 text; re-save it as UTF-8'],
    ['utf16le.txt', Buffer.from('Title\n\nAn abstract, Ünïcode too.\n', 'utf16le'), 'UTF-16 text; re-save it as UTF-8'],
    ['utf16be.bib', Buffer.from('@article{k, title = {A Paper}}\n', 'utf16le').swap16(), 'UTF-16 text; re-save it as UTF-8'],
    ['latin1.txt', Buffer.from([0x54, 0x69, 0x74, 0x6c, 0xe9, 0x0a]), 'not UTF-8 text'],
  ])('refuses %s, naming the file', async (name, bytes, message) => {
    const paths = await workspace({ seeds: false });
    await writeFile(join(paths.seedsDir, name), bytes);
    await expect(ingest(paths, { write: false })).rejects.toThrow(new RegExp(`${name.replace('.', '\\.')}: .*${message.replace(/[.;]/g, (c) => `\\${c}`)}`));
  });

  it('names each file and folder in seeds/ and each entry it leaves unread, and reads the rest', async () => {
    const paths = await workspace({ seeds: false });
    await writeFile(join(paths.seedsDir, 'a.txt'), listing('Listed Paper'));
    await writeFile(join(paths.seedsDir, 'June.TXT'), listing('Shouted Paper'));
    await writeFile(join(paths.seedsDir, 'README.md'), 'Where these listings come from.\n');
    await writeFile(join(paths.seedsDir, '.DS_Store'), Buffer.from([0, 0, 0, 1]));
    await writeFile(join(paths.seedsDir, 'lab.bib'), '@article{key, title = {A Paper}}\n');
    await writeFile(join(paths.seedsDir, 'zotero.json'), '[{"type": "article", "title": "A Paper"}]\n');
    await writeFile(join(paths.seedsDir, 'Lab.BIB'), '@article{key, title = {A Paper}}\n');
    await writeFile(join(paths.seedsDir, 'lab.enl'), 'an EndNote library\n');
    await mkdir(join(paths.seedsDir, 'older.txt'));
    await mkdir(join(paths.seedsDir, 'archive'));
    await writeFile(join(paths.seedsDir, 'archive', 'b.txt'), listing('Archived Paper'));
    await writeFile(join(paths.seedsDir, 'listings.yaml'), 'a.txt:\n  captured: 2025-12-11\nJune.TXT:\n  captured: 2025-06-30\n');
    const mine = join(paths.contentDir, 'papers/mine');
    await mkdir(mine, { recursive: true });
    const entry = (title: string) => `---\ntitle: ${title}\nthemes: [agents]\n---\nNotes.\n`;
    await writeFile(join(mine, 'kept.md'), entry('Kept'));
    for (const name of ['Notes.MD', 'draft.Mdx', 'old.markdown', 'figure.PNG', '.MD']) await writeFile(join(mine, name), entry(name));
    const report = await ingest(paths);
    expect(report.listings.map(({ listing }) => listing)).toEqual(['a.txt', 'lab.bib', 'zotero.json']);
    expect(report.handWritten).toBe(1);
    const shown = (path: string) => relative(process.cwd(), path);
    expect(report.warnings).toEqual([
      { file: shown(join(paths.seedsDir, 'listings.yaml')), line: 3, message: `settings for "June.TXT", which is not a listing in ${shown(paths.seedsDir)}` },
      { file: shown(join(paths.seedsDir, 'June.TXT')), line: 1, message: 'not read: listings and bibliographies end in .txt, .bib, .ris or .json, in lower case (rename it June.txt)' },
      { file: shown(join(paths.seedsDir, 'Lab.BIB')), line: 1, message: 'not read: listings and bibliographies end in .txt, .bib, .ris or .json, in lower case (rename it Lab.bib)' },
      { file: shown(join(paths.seedsDir, 'archive')), line: 1, message: 'not read: a folder; ingest reads the listings and bibliographies directly in seeds/, and listings.yaml' },
      { file: shown(join(paths.seedsDir, 'lab.enl')), line: 1, message: NOT_READ },
      { file: shown(join(paths.seedsDir, 'older.txt')), line: 1, message: 'not read: a folder; ingest reads the listings and bibliographies directly in seeds/, and listings.yaml' },
      { file: shown(join(mine, 'Notes.MD')), line: 1, message: 'not read: entries end in .md or .mdx, in lower case (rename it Notes.md)' },
      { file: shown(join(mine, 'draft.Mdx')), line: 1, message: 'not read: entries end in .md or .mdx, in lower case (rename it draft.mdx)' },
      { file: shown(join(mine, 'old.markdown')), line: 1, message: 'not read: entries end in .md or .mdx, in lower case (rename it old.md)' },
    ]);
  });

  it('reads a 50 MB listing', { timeout: 60_000 }, async () => {
    const paths = await workspace({ seeds: false });
    const block = (n: number) => `Paper Number ${n}\n${ABSTRACT} ${'Filler words for size. '.repeat(40)}\n  • 3 authors\n·\nMar 3, 2024 ${n}\n\n`;
    const count = Math.ceil((50 * 1024 * 1024) / block(1).length);
    await writeFile(join(paths.seedsDir, 'big.txt'), Array.from({ length: count }, (_, n) => block(n)).join(''));
    const report = await ingest(paths, { write: false });
    expect(report.listings).toEqual([{ listing: 'big.txt', papers: count }]);
    expect(report.warnings).toEqual([]);
  });
});

describe('npm run ingest (scripts/ingest.ts)', () => {
  const script = join(ROOT, 'scripts/ingest.ts');
  const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [script, ...args], { cwd, encoding: 'utf8' });

  it('exits 0 with a summary, 3 on warnings under --strict, 1 with the file and line on bad input', async () => {
    const paths = await workspace({ seeds: false });
    const cwd = join(paths.seedsDir, '..');
    await writeFile(join(paths.seedsDir, 'a.txt'), listing('A Paper'));
    const ok = run(cwd);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('Read 1 listing or bibliography: a.txt 1\n1 listed paper, 1 distinct (0 duplicates merged)');

    await writeFile(join(paths.seedsDir, 'b.txt'), 'Lonely Title\n');
    const lenient = run(cwd);
    expect(lenient.status).toBe(0);
    expect(lenient.stdout).toContain('warning: seeds/b.txt:1: paper "Lonely Title" has no abstract');
    const strict = run(cwd, '--strict');
    expect(strict.status).toBe(3);
    expect(strict.stderr.trim()).toBe('ingest: 1 warning and --strict');

    await writeFile(join(paths.seedsDir, 'a.txt'), listing('Another Paper'));
    expect(run(cwd, '--prune').stdout).toMatch(/^Pruned 1 entry no listing produces: /m);

    // A copied page's navigation: counted in the summary, and each named in a warning.
    await writeFile(join(paths.seedsDir, 'b.txt'), `Upvote\n\n1.2k\n\ngithub\n\nakhaliq\n\n${listing('B Paper')}`);
    const navigation = run(cwd);
    expect(navigation.stdout).toContain('Skipped 2 listed "papers" whose abstract is a number, a word or a few words (warnings below)');
    expect(navigation.stdout).toContain('warning: seeds/b.txt:5: "github" is not a paper');
    // A hidden entry is counted.
    const [entry] = (await entriesOf(paths)).filter(({ entry }) => entry.data['title'] === 'B Paper');
    await writeFile(join(paths.contentDir, 'papers', entry!.path), entry!.source.replace(/\n---\n/, '\nhidden: true\n---\n'));
    expect(run(cwd).stdout).toContain('hand-written left alone, 1 hidden');

    await writeFile(join(paths.contentDir, 'themes.yaml'), '- id: Bad Id\n  title: x\n  description: y\n');
    const bad = run(cwd);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toBe('ingest: content/themes.yaml:1: theme id "Bad Id" must be lowercase letters, digits and hyphens');

    const unknown = run(cwd, '--prnue');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('usage: npm run ingest');
  });

  it('stops at a mistyped key of a theme, writing nothing, and warns about a theme without terms', async () => {
    const paths = await workspace({ seeds: false });
    const cwd = join(paths.seedsDir, '..');
    const themesFile = join(paths.contentDir, 'themes.yaml');
    const shipped = await readFile(themesFile, 'utf8');
    // The line of the skills theme's terms in the shipped file, whatever its header holds.
    const termsLine = shipped.split('\n').findIndex((line) => line.startsWith('  terms: [skill*')) + 1;
    expect(termsLine).toBeGreaterThan(0);
    await writeFile(join(paths.seedsDir, 'a.txt'), listing('Skill Discovery'));
    await writeFile(themesFile, shipped.replace('  terms: [skill*', '  term: [skill*'));
    const typo = run(cwd);
    expect(typo.status).toBe(1);
    expect(typo.stderr.trim()).toBe(`ingest: content/themes.yaml:${termsLine}: unknown key "term" in theme "skills" (did you mean "terms"?); a theme takes id, title, description, terms, exclude`);
    await expect(stat(join(paths.contentDir, 'papers'))).rejects.toThrow();

    await writeFile(themesFile, shipped.replace(/ {2}terms: \[skill\*.*\]/, '  terms: []'));
    const empty = run(cwd);
    expect(empty.status).toBe(0);
    expect(empty.stdout).toContain(`warning: content/themes.yaml:${termsLine}: theme "skills" has no terms, so no paper is sorted into it`);
  });

  it('suggests the listing a mistyped name in listings.yaml means', async () => {
    const paths = await workspace({ seeds: false });
    await writeFile(join(paths.seedsDir, '003_59cb.txt'), listing('A Paper'));
    await writeFile(join(paths.seedsDir, 'listings.yaml'), '003_59bc.txt:\n  captured: 2025-12-11\n');
    const { warnings } = await ingest(paths, { write: false });
    expect(warnings.map(({ line, message }) => `${line}: ${message}`)).toContain(`1: settings for "003_59bc.txt", which is not a listing in ${relative(process.cwd(), paths.seedsDir)} (did you mean "003_59cb.txt"?)`);
  });

  it('warns about a file of another format dropped into seeds/, and exits 3 for it under --strict', async () => {
    const paths = await workspace({ seeds: false });
    const cwd = join(paths.seedsDir, '..');
    await writeFile(join(paths.seedsDir, 'a.txt'), listing('A Paper'));
    await writeFile(join(paths.seedsDir, 'listings.yaml'), 'a.txt:\n  captured: 2025-12-11\n');
    expect(run(cwd, '--strict').status).toBe(0);

    await writeFile(join(paths.seedsDir, 'lab.enl'), 'an EndNote library\n');
    const strict = run(cwd, '--strict');
    expect(strict.stdout).toContain(`warning: seeds/lab.enl:1: ${NOT_READ}`);
    expect(strict.status).toBe(3);
  });
});

describe('ingest on a file under content/papers/ that is not a valid entry', () => {
  /** A workspace with the entry of "Kept Paper", annotated; returns its file and text. */
  async function annotatedEntry(): Promise<{ paths: IngestPaths; file: string; shownFile: string; source: string }> {
    const paths = await workspace({ seeds: false });
    await writeFile(join(paths.seedsDir, 'a.txt'), listing('Kept Paper'));
    await ingest(paths);
    const [entry] = await entriesOf(paths);
    if (!entry) throw new Error('no entry');
    const file = join(paths.contentDir, 'papers', entry.path);
    await writeFile(file, `${entry.source}\nMy notes.\n`);
    return { paths, file, shownFile: relative(process.cwd(), file), source: `${entry.source}\nMy notes.\n` };
  }

  it.each([
    ['has lost its opening ---', (source: string) => source.replace(/^---\n/, ''), ':1: the front matter has lost its opening `---` (its fields end at line'],
    ['holds its front matter twice', (source: string) => source.replace(/^(---\n[^]*?\n---\n)/, '$1$1'), ':12: the body starts with front matter fields'],
    ['has no title', (source: string) => source.replace(/^title: .*\n/m, ''), ':1: the front matter has no `title:`'],
    ['holds a second front matter in its body', (source: string) => source.replace(/^---\n/, '---\nstatus: read\n---\n'), ':4: the body starts with front matter fields, ended by a `---` at line'],
    ['holds a bad curator value', (source: string) => source.replace(/^(---\n[^]*?\n)---\n/, '$1rating: 6\n---\n'), ':11: `rating`: a rating is a whole number from 1 to 5'],
  ])('stops, writing nothing, on an entry that %s, naming the file and line', async (_case, damage, message) => {
    const { paths, file, shownFile, source } = await annotatedEntry();
    await writeFile(file, damage(source));
    const before = await entryPaths(paths);
    await expect(ingest(paths)).rejects.toThrow(`${shownFile}${message}`);
    expect(await entryPaths(paths)).toEqual(before);
  });

  it('stops on a file without front matter, and reads hand-written entries as before', async () => {
    const { paths } = await annotatedEntry();
    await mkdir(join(paths.contentDir, 'papers/mine'), { recursive: true });
    await writeFile(join(paths.contentDir, 'papers/mine/own.md'), '---\ntitle: My own paper\nthemes: [agents]\n---\nResults: we show --- things.\n\n---\n\nMy notes.\n');
    expect((await ingest(paths)).handWritten).toBe(1);
    await writeFile(join(paths.contentDir, 'papers/mine/todo.md'), 'Papers to read next.\n');
    await expect(ingest(paths)).rejects.toThrow(/mine\/todo\.md:1: not an entry: it has no front matter/);
  });

  it("stops on a hand-written entry's bad curator value, naming the file and line", async () => {
    const { paths } = await annotatedEntry();
    await mkdir(join(paths.contentDir, 'papers/mine'), { recursive: true });
    await writeFile(join(paths.contentDir, 'papers/mine/own.md'), '---\ntitle: My own paper\nthemes: [agents]\ntags: [RL]\n---\n');
    await expect(ingest(paths)).rejects.toThrow(/mine\/own\.md:4: `tags` \("RL"\): a tag is lowercase/);
  });
});

describe('excluding a listed paper', () => {
  it('says once, when a deleted entry is written again, how to exclude its paper for good', async () => {
    const paths = await workspace({ seeds: false });
    await writeFile(join(paths.seedsDir, 'a.txt'), listing('Unwanted Paper'));
    await ingest(paths);
    const [entry] = await entriesOf(paths);
    if (!entry) throw new Error('no entry');
    await rm(join(paths.contentDir, 'papers', entry.path));
    const report = await ingest(paths);
    expect(report.warnings).toEqual([{
      file: relative(process.cwd(), join(paths.contentDir, 'papers', entry.path)),
      line: 1,
      message: 'this entry was deleted, and is written again: "Unwanted Paper" is still listed. To exclude the paper for good, add `hidden: true` to this entry\'s front matter: the site then shows it nowhere',
    }]);
    expect((await ingest(paths)).warnings).toEqual([]);
  });

  it('keeps an entry with `hidden: true`, the field and notes as written, and counts it', async () => {
    const paths = await workspace({ seeds: false });
    await writeFile(join(paths.seedsDir, 'a.txt'), listing('Unwanted Paper', 'Wanted Paper'));
    await ingest(paths);
    const [entry] = (await entriesOf(paths)).filter(({ entry }) => entry.data['title'] === 'Unwanted Paper');
    if (!entry) throw new Error('no entry');
    const hidden = entry.source.replace(/\n---\n/, '\nhidden: true   # navigation, not a paper\n---\n');
    await writeFile(join(paths.contentDir, 'papers', entry.path), hidden);
    const report = await ingest(paths);
    expect(report.hidden).toBe(1);
    expect(report.plan.writes).toEqual([]);
    expect(await readFile(join(paths.contentDir, 'papers', entry.path), 'utf8')).toBe(hidden);
  });
});

describe('an edit to a field ingest owns', () => {
  const withAuthors = (count: number) => `Kept Paper\n\n${ABSTRACT}\n\n• ${count} authors\n\n·\n\nAug 28, 2024\n`;
  /** A list of one paper from a.txt, ingested: its entry and the entry's file. */
  const oneEntry = async () => {
    const paths = await workspace({ seeds: false });
    await writeFile(join(paths.seedsDir, 'a.txt'), withAuthors(3));
    await ingest(paths);
    const [entry] = await entriesOf(paths);
    if (!entry) throw new Error('no entry');
    return { paths, entry, file: join(paths.contentDir, 'papers', entry.path) };
  };

  it('is replaced, and ingest names the field, your value, the source\'s and how to pin it; the source\'s own changes pass without a word', async () => {
    const { paths, entry, file } = await oneEntry();
    // A title typo fixed by hand, and a new author count in the listing.
    await writeFile(file, entry.source.replace(/^title: .*$/m, 'title: Kept Paper, Fixed'));
    await writeFile(join(paths.seedsDir, 'a.txt'), withAuthors(4));
    const report = await ingest(paths);
    expect(report.warnings).toEqual([{
      file: relative(process.cwd(), file),
      line: 2,
      message: 'your "title" "Kept Paper, Fixed" is replaced by a.txt\'s "Kept Paper": ingest owns this field. To keep your value, add `pinned: [title]` to its front matter',
    }]);
    const written = readEntry(await readFile(file, 'utf8'), file).data;
    expect(written).toMatchObject({ title: 'Kept Paper', authorsCount: 4 });
    // Said once: what ingest wrote back is its own value.
    expect((await ingest(paths)).warnings).toEqual([]);
  });

  it('is told for the abstract line too; a change of the listing\'s abstract alone, or a pinned abstract, passes without a word', async () => {
    const { paths, entry, file } = await oneEntry();
    const abstractAt = entry.source.split('\n').indexOf(ABSTRACT) + 1;
    await writeFile(file, entry.source.replace(ABSTRACT, 'My own summary of the paper, written over the abstract.'));
    expect((await ingest(paths)).warnings).toEqual([{
      file: relative(process.cwd(), file),
      line: abstractAt,
      message: 'your edit of the abstract line is replaced by a.txt\'s abstract: ingest owns it. To keep your text, add `pinned: [abstract]` to its front matter',
    }]);
    expect(await readFile(file, 'utf8')).toContain(`\n${ABSTRACT}\n`);
    await writeFile(join(paths.seedsDir, 'a.txt'), withAuthors(3).replace(ABSTRACT, `${ABSTRACT} Extended.`));
    expect((await ingest(paths)).warnings).toEqual([]);
    const pinned = (await readFile(file, 'utf8')).replace('\n---\n', '\npinned: [abstract]\n---\n').replace(`${ABSTRACT} Extended.`, 'Mine, pinned.');
    await writeFile(file, pinned);
    expect((await ingest(paths)).warnings).toEqual([]);
    expect(await readFile(file, 'utf8')).toContain('\nMine, pinned.\n');
  });

  it('is told when it removed a field, or added one no source gives', async () => {
    const { paths, entry, file } = await oneEntry();
    await writeFile(file, entry.source.replace(/^authorsCount: .*\n/m, '').replace(/^pinned: .*\n/m, '').replace(/\n---\n/, '\nupvotes: 7\npinned: []\n---\n'));
    const messages = (await ingest(paths)).warnings.map(({ line, message }) => `${line}: ${message}`);
    expect(messages).toEqual([
      '1: you removed "authorsCount", which ingest writes back from a.txt: 3: ingest owns this field. To keep your value, add authorsCount to its `pinned:` list',
      expect.stringMatching(/^\d+: your "upvotes" 7 is removed, as no source gives it: ingest owns this field\. To keep your value, add upvotes to its `pinned:` list$/),
    ]);
  });
});
