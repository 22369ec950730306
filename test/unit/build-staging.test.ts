/**
 * A build replaces its output folder only when every step succeeded, and one build at a
 * time writes a given folder (src/lib/build/staging.ts), with small folders and
 * simulated steps.
 */
import { access, mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildStaged, stagingPaths } from '../../src/lib/build/staging.ts';
import { LockError } from '../../src/lib/lock.ts';
import { removeTempDirs, tempDir } from '../setup/temp-dirs.ts';

afterAll(removeTempDirs);

/** A project folder whose `dist/` holds the last good site. */
async function withGoodSite(): Promise<{ root: string; dist: string }> {
  const root = await tempDir('reading-list-staging-');
  const dist = join(root, 'dist');
  await mkdir(join(dist, 'papers'), { recursive: true });
  await writeFile(join(dist, 'index.html'), 'last good site');
  await writeFile(join(dist, 'papers', 'a.html'), 'paper a');
  return { root, dist };
}

/** A step that writes a new site (and, if asked, its zip) into the staged folder. */
const writesSite = (zip = false) => async ({ outDir }: { outDir: string }) => {
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, 'index.html'), 'new site');
  if (zip) await writeFile(`${outDir}.zip`, 'new zip');
  return true;
};

const exists = (path: string) => access(path).then(() => true, () => false);

describe('buildStaged', () => {
  test('puts the new site in place of the old one once the steps succeed, leaving nothing beside it', async () => {
    const { root, dist } = await withGoodSite();
    expect(await buildStaged(dist, writesSite())).toBe(true);
    expect(await readdir(dist)).toEqual(['index.html']);
    expect(await readFile(join(dist, 'index.html'), 'utf8')).toBe('new site');
    expect(await readdir(root)).toEqual(['dist']);
  });

  test('builds a first site where there was none, and replaces the zip with the folder', async () => {
    const root = await tempDir('reading-list-staging-');
    const out = join(root, 'dist-offline');
    await writeFile(`${out}.zip`, 'old zip');
    expect(await buildStaged(out, writesSite(true))).toBe(true);
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe('new site');
    expect(await readFile(`${out}.zip`, 'utf8')).toBe('new zip');
    expect((await readdir(root)).sort()).toEqual(['dist-offline', 'dist-offline.zip']);
  });

  test.each([
    ['a step that fails', async ({ outDir }: { outDir: string }) => (await writesSite(true)({ outDir }), false)],
    ['a step that throws', async ({ outDir }: { outDir: string }) => {
      await mkdir(join(outDir, '_astro'), { recursive: true });
      throw new Error('Missing parameter: slug');
    }],
  ])('after %s, the last good site is left as it was', async (_case, step) => {
    const { root, dist } = await withGoodSite();
    await writeFile(`${dist}.zip`, 'old zip');
    await buildStaged(dist, step).catch(() => false);
    expect((await readdir(dist)).sort()).toEqual(['index.html', 'papers']);
    expect(await readFile(join(dist, 'index.html'), 'utf8')).toBe('last good site');
    expect(await readFile(join(dist, 'papers', 'a.html'), 'utf8')).toBe('paper a');
    expect(await readFile(`${dist}.zip`, 'utf8')).toBe('old zip');
    expect((await readdir(root)).sort()).toEqual(['dist', 'dist.zip']);
  });

  test('puts back a site left aside by a build stopped while it replaced it, and clears what it left', async () => {
    const { root, dist } = await withGoodSite();
    const { staging } = stagingPaths(dist);
    await mkdir(join(staging, 'dist'), { recursive: true });
    await writeFile(join(staging, 'dist', 'half.html'), 'half a site');
    await rename(dist, join(staging, 'replaced'));
    expect(await buildStaged(dist, async () => false)).toBe(false);
    expect(await readFile(join(dist, 'index.html'), 'utf8')).toBe('last good site');
    expect(await readdir(root)).toEqual(['dist']);
  });

  test('lets one build at a time write a folder: a second stops with a message naming the first; other folders are free', async () => {
    const { root, dist } = await withGoodSite();
    let finish!: () => void;
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const first = buildStaged(dist, async (staged) => {
      started();
      await new Promise<void>((resolve) => (finish = resolve));
      return writesSite()(staged);
    }, root);
    await running;
    const second = await buildStaged(dist, writesSite(), root).catch((error: unknown) => error);
    expect(second).toBeInstanceOf(LockError);
    expect((second as Error).message).toBe(
      `.dist.lock: another build (process ${process.pid}) is writing dist/; wait for it to finish, or delete this file if no build is running`,
    );
    expect(await exists(join(root, '.dist.staging'))).toBe(true);
    expect(await buildStaged(join(root, 'dist-offline'), writesSite(), root)).toBe(true);
    finish();
    expect(await first).toBe(true);
    expect(await readFile(join(dist, 'index.html'), 'utf8')).toBe('new site');
    expect((await readdir(root)).sort()).toEqual(['dist', 'dist-offline']);
  });
});
