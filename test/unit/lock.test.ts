import { spawn, spawnSync } from 'node:child_process';
import { readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireLock, LOCK_FILE } from '../../src/lib/ingest/lock.ts';
import { removeTempDirs, tempDir } from '../setup/temp-dirs.ts';

afterAll(removeTempDirs);

/** A process that no longer runs. */
const finishedPid = () => spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;

/** Node running `acquireLock` on `dir`: holding it, it writes `+pid` then `-pid` to `log` 50 ms apart. */
function contender(dir: string, log: string): Promise<void> {
  const script = `
    import { appendFileSync } from 'node:fs';
    import { acquireLock } from ${JSON.stringify(join(import.meta.dirname, '../../src/lib/ingest/lock.ts'))};
    try {
      const release = await acquireLock(${JSON.stringify(dir)});
      appendFileSync(${JSON.stringify(log)}, '+' + process.pid + '\\n');
      await new Promise((resolve) => setTimeout(resolve, 50));
      appendFileSync(${JSON.stringify(log)}, '-' + process.pid + '\\n');
      await release();
    } catch (error) {
      if (!/another ingest/.test(error.message)) throw error;
    }`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`contender exited ${code}`))));
  });
}

describe('acquireLock', () => {
  it('lets one ingest at a time write, with a clear message for the second', async () => {
    const dir = await tempDir('reading-list-lock-');
    const release = await acquireLock(dir, 'content');
    await expect(acquireLock(dir, 'content')).rejects.toThrow(`content/${LOCK_FILE}: another ingest (process ${process.pid}) is writing content`);
    await release();
    const again = await acquireLock(dir, 'content');
    await again();
    expect(await readdir(dir)).toEqual([]);
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const dir = await tempDir('reading-list-lock-');
    await writeFile(join(dir, LOCK_FILE), `${finishedPid()}\n`);
    const release = await acquireLock(dir);
    expect(await readFile(join(dir, LOCK_FILE), 'utf8')).toBe(`${process.pid}\n`);
    await release();
    expect(await readdir(dir)).toEqual([]);
  });

  it('takes over a lock naming no process (0) or this one from an earlier run, past an old takeover, and clears left drafts', async () => {
    for (const left of ['0\n', `${process.pid}\n`]) {
      const dir = await tempDir('reading-list-lock-');
      await writeFile(join(dir, LOCK_FILE), left);
      await writeFile(join(dir, `${LOCK_FILE}.takeover`), `${finishedPid()}\n`);
      await writeFile(join(dir, `${LOCK_FILE}.${finishedPid()}`), 'x');
      const release = await acquireLock(dir);
      expect(await readdir(dir)).toEqual([LOCK_FILE]);
      await release();
      expect(await readdir(dir)).toEqual([]);
    }
  });

  it('takes a takeover file held longer than a takeover takes for one left behind, even by a running process', { timeout: 30_000 }, async () => {
    const dir = await tempDir('reading-list-lock-');
    await writeFile(join(dir, LOCK_FILE), `${finishedPid()}\n`);
    await writeFile(join(dir, `${LOCK_FILE}.takeover`), `${process.ppid}\n`);
    const started = Date.now();
    const release = await acquireLock(dir);
    expect(Date.now() - started).toBeGreaterThan(9_000);
    await release();
    expect(await readdir(dir)).toEqual([]);
  });

  it('releases only its own lock', async () => {
    const dir = await tempDir('reading-list-lock-');
    const release = await acquireLock(dir);
    const other = `${process.ppid}\n`;
    await writeFile(join(dir, LOCK_FILE), other);
    await release();
    expect(await readFile(join(dir, LOCK_FILE), 'utf8')).toBe(other);
  });

  it('waits for a lock being written (no pid yet), and takes over one left empty long ago', async () => {
    const dir = await tempDir('reading-list-lock-');
    const lock = join(dir, LOCK_FILE);
    await writeFile(lock, '');
    const removed = new Promise((resolve) => setTimeout(resolve, 200)).then(() => rm(lock));
    const release = await acquireLock(dir);
    await removed;
    expect(await readFile(lock, 'utf8')).toBe(`${process.pid}\n`);
    await release();
    await writeFile(lock, '');
    await utimes(lock, new Date(2020, 0, 1), new Date(2020, 0, 1));
    await (await acquireLock(dir))();
    expect(await readdir(dir)).toEqual([]);
  });

  it.each([['no lock'], ['a stale lock']])('gives the lock to one of several ingests started at once, from %s', { timeout: 120_000 }, async (start) => {
    for (let round = 0; round < 4; round++) {
      const dir = await tempDir('reading-list-lock-');
      const log = join(await tempDir('reading-list-lock-log-'), 'log');
      await writeFile(log, '');
      if (start === 'a stale lock') await writeFile(join(dir, LOCK_FILE), `${finishedPid()}\n`);
      await Promise.all(Array.from({ length: 8 }, () => contender(dir, log)));
      const events = (await readFile(log, 'utf8')).split('\n').filter(Boolean);
      expect(events.length).toBeGreaterThan(0);
      // Each holder's release comes before the next one takes it.
      for (let i = 0; i < events.length; i += 2) expect([events[i]?.[0], events[i + 1]]).toEqual(['+', `-${events[i]!.slice(1)}`]);
      expect(await readdir(dir)).toEqual([]);
    }
  });
});
