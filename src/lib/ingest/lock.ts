import { link, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from './errors.ts';

export const LOCK_FILE = '.ingest.lock';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The process a lock file names; undefined when there is no file, NaN when it names none. */
async function ownerOf(path: string): Promise<number | undefined> {
  try {
    return Number.parseInt(await readFile(path, 'utf8'), 10);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Removes a lock left by `stale`, a process that no longer runs. Renamed aside first, and
 * looked at there: when another ingest took the stale lock over in the meantime, the file
 * moved is that ingest's lock, and it goes back.
 */
async function removeStaleLock(path: string, stale: number): Promise<void> {
  const aside = `${path}.${process.pid}.stale`;
  try {
    await rename(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = await ownerOf(aside);
  if (moved !== stale && !Number.isNaN(moved)) await link(aside, path).catch(() => {});
  await rm(aside, { force: true });
}

/**
 * Takes `<contentDir>/.ingest.lock` so that two ingests never write the same
 * entries at once. A lock left by a process that no longer runs is taken over.
 * Returns the function that releases it.
 */
export async function acquireLock(contentDir: string, shownDir = contentDir): Promise<() => Promise<void>> {
  const path = join(contentDir, LOCK_FILE);
  const mine = `${process.pid}\n`;
  // Written whole, then linked into place: the lock file never exists without its owner's
  // pid in it, so another ingest never reads an empty one and takes it for stale.
  const draft = `${path}.${process.pid}`;
  await writeFile(draft, mine);
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await link(draft, path);
        return async () => {
          // Only our own: after a takeover by mistake, the file there may be another ingest's.
          if ((await ownerOf(path)) === process.pid) await rm(path, { force: true });
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = await ownerOf(path);
      if (owner === undefined) continue;
      if (isRunning(owner)) {
        throw new InputError(`${shownDir}/${LOCK_FILE}`, undefined, `another ingest (process ${owner}) is writing ${shownDir}; wait for it to finish, or delete this file if no ingest is running`);
      }
      await removeStaleLock(path, owner);
    }
  } finally {
    await rm(draft, { force: true });
  }
  throw new InputError(`${shownDir}/${LOCK_FILE}`, undefined, 'could not take the ingest lock; delete this file if no ingest is running');
}
