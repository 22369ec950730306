/**
 * A build that replaces its output only when it succeeded: the steps write into
 * `.<name>.staging/<name>/` next to the output folder `<name>/`, and the staged
 * folder (with `<name>.zip`, when a step wrote one) takes the place of the old one
 * only once every step has finished. A failed or interrupted build leaves the last
 * good site as it was. One build at a time per output folder: `.<name>.lock` (../lock.ts).
 */
import { access, mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { acquireLock } from '../lock.ts';

/** The old output, moved into the staging folder while the new one takes its place. */
const REPLACED = 'replaced';

const exists = (path: string) => access(path).then(() => true, () => false);

export interface StagedBuild {
  /** Where the steps write the output (`.dist.staging/dist`); a zip goes next to it (`.dist.staging/dist.zip`). */
  outDir: string;
}

/** Paths a build of `outDir` uses next to it. */
export function stagingPaths(outDir: string) {
  const name = basename(outDir);
  const staging = join(dirname(outDir), `.${name}.staging`);
  return { name, staging, staged: join(staging, name), lockName: `.${name}.lock`, zip: `${outDir}.zip` };
}

/**
 * Puts back an output left in the staging folder by a build stopped while it replaced it
 * (between its two renames), then clears what a failed or stopped build left there.
 */
async function clearStaging(outDir: string): Promise<void> {
  const { staging } = stagingPaths(outDir);
  const replaced = join(staging, REPLACED);
  if (!(await exists(outDir)) && (await exists(replaced))) await rename(replaced, outDir);
  await rm(staging, { recursive: true, force: true });
}

/** The staged output (and its zip) in place of the old one. */
async function publish(outDir: string): Promise<void> {
  const { staging, staged, name } = stagingPaths(outDir);
  if (await exists(outDir)) await rename(outDir, join(staging, REPLACED));
  await rename(staged, outDir);
  const zip = join(staging, `${name}.zip`);
  if (await exists(zip)) await rename(zip, `${outDir}.zip`);
  await rm(staging, { recursive: true, force: true });
}

/**
 * Runs `build` into a staging folder under the output folder's lock, and puts its output in
 * place of `outDir` when it returns true. Returns what `build` returned. Throws a LockError
 * (naming the lock file and the process holding it) when another build is writing `outDir`.
 */
export async function buildStaged(outDir: string, build: (staged: StagedBuild) => Promise<boolean>, shownFrom = process.cwd()): Promise<boolean> {
  const { staging, staged, lockName } = stagingPaths(outDir);
  const parent = dirname(outDir);
  const shown = (path: string) => relative(shownFrom, path) || '.';
  await mkdir(parent, { recursive: true });
  const release = await acquireLock({ dir: parent, name: lockName, shownDir: shown(parent), activity: 'build', target: `${shown(outDir)}/` });
  try {
    await clearStaging(outDir);
    await mkdir(staging);
    const discard = () => rm(staging, { recursive: true, force: true });
    const succeeded = await build({ outDir: staged }).catch(async (error: unknown) => {
      await discard();
      throw error;
    });
    await (succeeded ? publish(outDir) : discard());
    return succeeded;
  } finally {
    await release();
  }
}
