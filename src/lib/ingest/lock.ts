import { open, readFile, rm } from 'node:fs/promises';
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

/**
 * Takes `<contentDir>/.ingest.lock` so that two ingests never write the same
 * entries at once. A lock left by a process that no longer runs is taken over.
 * Returns the function that releases it.
 */
export async function acquireLock(contentDir: string, shownDir = contentDir): Promise<() => Promise<void>> {
  const path = join(contentDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(owner) && isRunning(owner)) {
        throw new InputError(`${shownDir}/${LOCK_FILE}`, undefined, `another ingest (process ${owner}) is writing ${shownDir}; wait for it to finish, or delete this file if no ingest is running`);
      }
      await rm(path, { force: true });
    }
  }
  throw new InputError(`${shownDir}/${LOCK_FILE}`, undefined, 'could not take the ingest lock; delete this file if no ingest is running');
}
