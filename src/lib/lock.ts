import { link, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A lock file that one process at a time holds, so that two runs never write the same
 * folder at once: the ingest's content/.ingest.lock, a build's .dist.lock.
 */
export interface LockSpec {
  /** Folder the lock file lives in. */
  dir: string;
  /** Its name (`.ingest.lock`); drafts are `<name>.<pid>`, a takeover `<name>.takeover`. */
  name: string;
  /** `dir` as shown in messages. */
  shownDir: string;
  /** What takes it, in messages: `ingest`, `build`. */
  activity: string;
  /** What it guards, in messages: `content`, `dist/`. */
  target: string;
}

/** The lock is held by another run, or could not be taken; `file` is the lock file as shown, `reason` the fix. */
export class LockError extends Error {
  readonly file: string;
  readonly reason: string;

  constructor(file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'LockError';
    this.file = file;
    this.reason = reason;
  }
}

/** A lock file without a pid this recent is being written, not left behind; a takeover lasts milliseconds. */
const STARTING_MS = 10_000;
/** How long a run waits for others that take the lock at the same moment (longer than STARTING_MS). */
const PATIENCE_MS = 15_000;

/** Locks this process holds: a lock naming our pid that we do not hold was left by an earlier run with our pid. */
const held = new Set<string>();

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
    if (Number.isInteger(pid)) return pid > 0 && isRunning(pid) && (pid !== process.pid || held.has(path)) ? { pid } : 'stale';
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

/** Removes `path` if it is still the file `ino` (renamed aside and looked at: another file goes back). */
async function removeIfSame(path: string, ino: bigint): Promise<void> {
  const aside = `${path}.${process.pid}.aside`;
  try {
    await rename(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if ((await stat(aside, { bigint: true })).ino !== ino) await link(aside, path).catch(() => {});
  await rm(aside, { force: true });
}

const inodeOf = async (path: string) => (await stat(path, { bigint: true }).catch(() => undefined))?.ino;

/** Drafts (`<name>.<pid>`) of runs that no longer run, left by an interrupted one. */
async function removeLeftDrafts(dir: string, lockName: string): Promise<void> {
  for (const name of await readdir(dir)) {
    const pid = name.startsWith(`${lockName}.`) ? /^(\d+)$/.exec(name.slice(lockName.length + 1))?.[1] : undefined;
    if (pid && !isRunning(Number(pid))) await rm(join(dir, name), { force: true });
  }
}

/**
 * Takes `<dir>/<name>` so that two runs never write the same folder at once. A lock
 * left by a process that no longer runs is taken over, by one run at a time (under
 * `<name>.takeover`): it looks again, under that lock, before removing it. Returns the
 * function that releases it; throws a LockError naming the holder.
 */
export async function acquireLock({ dir, name, shownDir, activity, target }: LockSpec): Promise<() => Promise<void>> {
  const path = join(dir, name);
  const takeover = `${path}.takeover`;
  const mine = `${process.pid}\n`;
  const draft = `${path}.${process.pid}`;
  await writeFile(draft, mine);
  const deadline = Date.now() + PATIENCE_MS;
  let blocker = path;
  try {
    for (;;) {
      if (await create(path, draft, mine)) {
        held.add(path);
        await removeLeftDrafts(dir, name);
        return async () => {
          held.delete(path);
          // Only our own: the file there may be another run's after all.
          if ((await readFile(path, 'utf8').catch(() => '')) === mine) await rm(path, { force: true });
        };
      }
      if (Date.now() >= deadline) break;
      const holder = await holderOf(path);
      if (typeof holder === 'object') {
        throw new LockError(join(shownDir, name), `another ${activity} (process ${holder.pid}) is writing ${target}; wait for it to finish, or delete this file if no ${activity} is running`);
      }
      if (holder === 'stale' && (await create(takeover, draft, mine))) {
        const ours = await inodeOf(takeover);
        try {
          const stale = await inodeOf(path);
          if (stale !== undefined && (await holderOf(path)) === 'stale') await removeIfSame(path, stale);
        } finally {
          if (ours !== undefined && (await inodeOf(takeover)) === ours) await rm(takeover, { force: true });
        }
        continue;
      }
      // Starting, being taken over by another run, or gone meanwhile: look again shortly. A takeover
      // file whose process is gone, or older than a takeover takes, was left by a run that stopped
      // inside one (its age is its ctime: a link made now to an older draft keeps the draft's mtime).
      blocker = holder === 'stale' ? takeover : path;
      const left = await stat(takeover, { bigint: true }).catch(() => undefined);
      if (left && ((await holderOf(takeover)) === 'stale' || Date.now() - Number(left.ctimeMs) > STARTING_MS)) await removeIfSame(takeover, left.ino);
      await sleep(10 + Math.random() * 20);
    }
  } finally {
    await rm(draft, { force: true });
  }
  const shown = join(shownDir, blocker === path ? name : `${name}.takeover`);
  throw new LockError(shown, `could not take the ${activity} lock; delete this file if no ${activity} is running`);
}
