import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { changedFiles, snapshotTree } from '../../scripts/bench/tree-snapshot.ts';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('changedFiles between two snapshots of a folder', () => {
  it('is empty when nothing was written', async () => {
    dir = await mkdtemp(join(tmpdir(), 'bench-snapshot-'));
    await mkdir(join(dir, 'papers/agents'), { recursive: true });
    await writeFile(join(dir, 'papers/agents/a.mdx'), 'a');
    await writeFile(join(dir, 'themes.yaml'), 't');
    expect(changedFiles(await snapshotTree(dir), await snapshotTree(dir))).toEqual([]);
  });

  it('names files added, removed, edited, and rewritten with the same bytes', async () => {
    dir = await mkdtemp(join(tmpdir(), 'bench-snapshot-'));
    await mkdir(join(dir, 'papers'));
    for (const name of ['same.mdx', 'edited.mdx', 'rewritten.mdx', 'removed.mdx']) await writeFile(join(dir, 'papers', name), name);
    // An old modification time, so that a rewrite within the same clock tick still shows.
    for (const name of ['same.mdx', 'rewritten.mdx']) await utimes(join(dir, 'papers', name), 1_000_000, 1_000_000);
    const before = await snapshotTree(dir);

    await writeFile(join(dir, 'papers/edited.mdx'), 'edited, differently');
    await writeFile(join(dir, 'papers/rewritten.mdx'), 'rewritten.mdx');
    await rm(join(dir, 'papers/removed.mdx'));
    await writeFile(join(dir, 'papers/added.mdx'), 'added');

    expect(changedFiles(before, await snapshotTree(dir))).toEqual(['papers/added.mdx', 'papers/edited.mdx', 'papers/removed.mdx', 'papers/rewritten.mdx']);
  });
});
