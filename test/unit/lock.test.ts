import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireLock, LOCK_FILE } from '../../src/lib/ingest/lock.ts';
import { removeTempDirs, tempDir } from '../setup/temp-dirs.ts';

afterAll(removeTempDirs);

describe('acquireLock', () => {
  it('lets one ingest at a time write, with a clear message for the second', async () => {
    const dir = await tempDir('reading-list-lock-');
    const release = await acquireLock(dir, 'content');
    await expect(acquireLock(dir, 'content')).rejects.toThrow(`content/${LOCK_FILE}: another ingest (process ${process.pid}) is writing content`);
    await release();
    const again = await acquireLock(dir, 'content');
    await again();
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const dir = await tempDir('reading-list-lock-');
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    await writeFile(join(dir, LOCK_FILE), `${gone}\n`);
    const release = await acquireLock(dir);
    expect(await readFile(join(dir, LOCK_FILE), 'utf8')).toBe(`${process.pid}\n`);
    await release();
  });
});
