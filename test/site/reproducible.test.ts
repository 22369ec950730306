/**
 * Reproducible builds: two clean builds of the same listings, in two different
 * temporary folders (so an absolute path leaking into the output shows too) on two file
 * systems (the system's temporary folder and the tmpfs /dev/shm, which list a folder's
 * files in different orders), produce byte-identical dist/ trees, Pagefind bundle included.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { filesUnder } from '../../src/lib/files-under.ts';
import { buildFixtureSite, type FixtureSite } from '../setup/fixture-site.ts';
import { SEEDS_DIR } from '../setup/seeds.ts';

/** Every file under `dir`, relative, with `/`, sorted. */
const filesIn = (dir: string): string[] => filesUnder(dir).sort();

/** Where two files first differ, with a little of each side around it. */
function firstDifference(a: Buffer, b: Buffer): string {
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at++;
  const around = (bytes: Buffer) => JSON.stringify(bytes.subarray(Math.max(0, at - 40), at + 40).toString('latin1'));
  return `sizes ${a.length} and ${b.length}, first difference at byte ${at}: ${around(a)} vs ${around(b)}`;
}

let builds: FixtureSite[] = [];

beforeAll(async () => {
  // The real listings (and their listings.yaml, if any), as the repository has them.
  const listings: Record<string, string> = {};
  for (const name of await readdir(SEEDS_DIR)) listings[name] = await readFile(join(SEEDS_DIR, name), 'utf8');
  // One after the other: on a small machine two builds at once only take as long, less predictably.
  builds.push(await buildFixtureSite(listings, { name: 'reading-list-repro-a-' }));
  builds.push(await buildFixtureSite(listings, { name: 'reading-list-repro-b-', parent: '/dev/shm' }));
  console.log(`[reproducible] ${builds.map((build) => build.timings).join(' | ')}`);
}, 180_000);

afterAll(async () => {
  await Promise.all(builds.map((build) => build.remove()));
  builds = [];
});

test('two clean builds of the same listings produce byte-identical sites', async () => {
  const [first, second] = builds as [FixtureSite, FixtureSite];
  const [firstFiles, secondFiles] = [filesIn(first.dist), filesIn(second.dist)];
  expect(firstFiles.length).toBeGreaterThan(0);
  expect(secondFiles, 'the same files').toEqual(firstFiles);

  const differences: string[] = [];
  for (const file of firstFiles) {
    const [a, b] = await Promise.all([readFile(join(first.dist, file)), readFile(join(second.dist, file))]);
    if (!a.equals(b)) differences.push(`${file}: ${firstDifference(a, b)}`);
  }
  expect(differences).toEqual([]);
});

test('two clean ingests of the same listings write byte-identical entries', async () => {
  const [first, second] = builds as [FixtureSite, FixtureSite];
  const content = (build: FixtureSite) => join(build.dir, 'content');
  const [firstFiles, secondFiles] = [filesIn(content(first)), filesIn(content(second))];
  expect(firstFiles.filter((file) => file.endsWith('.mdx')).length).toBeGreaterThan(0);
  expect(secondFiles).toEqual(firstFiles);
  const differences: string[] = [];
  for (const file of firstFiles) {
    const [a, b] = await Promise.all([readFile(join(content(first), file)), readFile(join(content(second), file))]);
    if (!a.equals(b)) differences.push(`${file}: ${firstDifference(a, b)}`);
  }
  expect(differences).toEqual([]);
});
