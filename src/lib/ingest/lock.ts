import { link, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { InputError } from './errors.ts';

export const LOCK_FILE = '.ingest.lock';

/** A lock file without a pid this recent is being written, not left behind. */
const STARTING_MS = 10_000;
/** How long an ingest waits for others that take the lock at the same moment. */
const PATIENCE_MS = 10_000;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

type Holder = { pid: number } | 'starting' | 'stale' | undefined;

/** Who holds the lock at `path`: a running process, one still writing its pid, nobody any more (stale), or no lock. */
async function holderOf(path: string): Promise<Holder> {
  try {
    const [text, stats] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    const pid = Number.parseInt(text, 10);
    if (Number.isInteger(pid)) return isRunning(pid) ? { pid } : 'stale';
    return Date.now() - stats.mtimeMs < STARTING_MS ? 'starting' : 'stale';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Creates `path` holding `draft`'s text, unless it exists. Linked, so that the file never
 * exists without its pid; where the file system has no hard links (FAT, some network
 * shares), created and then written, which `holderOf` reads as starting meanwhile.
 */
async function create(path: string, draft: string, text: string): Promise<boolean> {
  try {
    await link(draft, path);
    return true;
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw error;
  }
  try {
    const handle = await open(path, 'wx');
    await handle.writeFile(text);
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Takes `<contentDir>/.ingest.lock` so that two ingests never write the same
 * entries at once. A lock left by a process that no longer runs is taken over, by one
 * ingest at a time (under `.ingest.lock.takeover`): it looks again, under that lock,
 * before removing it. Returns the function that releases it.
 */
export async function acquireLock(contentDir: string, shownDir = contentDir): Promise<() => Promise<void>> {
  const path = join(contentDir, LOCK_FILE);
  const takeover = `${path}.takeover`;
  const mine = `${process.pid}\n`;
  const draft = `${path}.${process.pid}`;
  await writeFile(draft, mine);
  const deadline = Date.now() + PATIENCE_MS;
  try {
    while (Date.now() < deadline) {
      if (await create(path, draft, mine)) {
        return async () => {
          // Only our own: the file there may be another ingest's after all.
          if ((await readFile(path, 'utf8').catch(() => '')) === mine) await rm(path, { force: true });
        };
      }
      const holder = await holderOf(path);
      if (typeof holder === 'object') {
        throw new InputError(`${shownDir}/${LOCK_FILE}`, undefined, `another ingest (process ${holder.pid}) is writing ${shownDir}; wait for it to finish, or delete this file if no ingest is running`);
      }
      if (holder === 'stale' && (await create(takeover, draft, mine))) {
        try {
          if ((await holderOf(path)) === 'stale') await rm(path, { force: true });
        } finally {
          await rm(takeover, { force: true });
        }
        continue;
      }
      // Starting, being taken over by another ingest, or gone meanwhile: look again shortly.
      if (holder !== undefined && (await holderOf(takeover)) === 'stale') await rm(takeover, { force: true });
      await sleep(10 + Math.random() * 20);
    }
  } finally {
    await rm(draft, { force: true });
  }
  throw new InputError(`${shownDir}/${LOCK_FILE}`, undefined, 'could not take the ingest lock; delete this file if no ingest is running');
}
