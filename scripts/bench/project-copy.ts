/**
 * Throwaway projects for the benchmark: a copy of this one (test/setup/fixture-site.ts's
 * copyProject) with synthetic listings, and the folder a bare baseline site is written in.
 */
import { mkdir, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { copyProject } from '../../test/setup/fixture-site.ts';

const repoNodeModules = resolve(import.meta.dirname, '../../node_modules');

/**
 * Gives `dir` a node_modules folder of its own whose packages link to the repository's.
 * Astro and Vite keep their caches in node_modules/.astro and node_modules/.vite: through
 * a symlinked node_modules every copy would share (and overwrite) the repository's
 * caches, and a "cold" build would start from another build's content store.
 */
export async function linkNodeModules(dir: string): Promise<void> {
  const target = join(dir, 'node_modules');
  await rm(target, { recursive: true, force: true });
  await mkdir(target);
  for (const name of await readdir(repoNodeModules)) {
    // Dot entries are caches and npm's bookkeeping, but for the bin links.
    if (name.startsWith('.') && name !== '.bin') continue;
    await symlink(join(repoNodeModules, name), join(target, name), 'dir');
  }
}

/** A copy of the project with `listings` (file name -> text) as its seeds/ and no entries yet. */
export async function benchProject(listings: Record<string, string>): Promise<string> {
  const dir = await copyProject('reading-list-bench-');
  try {
    await linkNodeModules(dir);
    for (const [name, text] of Object.entries(listings)) await writeFile(join(dir, 'seeds', name), text);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return dir;
}
