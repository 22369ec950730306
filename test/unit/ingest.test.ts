import { cp, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readEntry } from '../../src/lib/ingest/entry.ts';
import { scanEntries } from '../../src/lib/ingest/entry-store.ts';
import { ingest, type IngestPaths } from '../../src/lib/ingest/ingest.ts';
import { SEEDS_DIR } from '../setup/seeds.ts';

const ROOT = join(import.meta.dirname, '../..');

async function workspace(): Promise<IngestPaths> {
  const dir = await mkdtemp(join(tmpdir(), 'reading-list-ingest-'));
  await cp(SEEDS_DIR, join(dir, 'seeds'), { recursive: true });
  await cp(join(ROOT, 'content/themes.yaml'), join(dir, 'content/themes.yaml'));
  return { seedsDir: join(dir, 'seeds'), contentDir: join(dir, 'content') };
}

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

  it('changes no file when run again on the same input', async () => {
    const entries = await scanEntries(join(paths.contentDir, 'papers'));
    const before = await Promise.all(entries.map(({ path }) => stat(join(paths.contentDir, 'papers', path))));
    const report = await ingest(paths);
    expect(report.plan.writes).toEqual([]);
    expect(report.plan.unchanged).toBe(entries.length);
    const after = await Promise.all(entries.map(({ path }) => stat(join(paths.contentDir, 'papers', path))));
    expect(after.map((file) => file.mtimeMs)).toEqual(before.map((file) => file.mtimeMs));
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
  });

  it('refuses a listing that is not UTF-8 text, naming the file', async () => {
    const broken = await workspace();
    await writeFile(join(broken.seedsDir, 'latin1.txt'), Buffer.from([0x54, 0x69, 0x74, 0x6c, 0xe9, 0x0a]));
    await expect(ingest(broken, { write: false })).rejects.toThrow(/latin1\.txt: this file is not UTF-8/);
  });
});
