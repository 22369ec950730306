/**
 * measure() runs a command under /usr/bin/time -v, with /usr/bin/python3 for its helper
 * (Debian's `time` and `python3` packages; `.ci/run` installs them when missing).
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { measure } from '../../scripts/bench/measure.ts';

describe('measure', () => {
  it('has what it runs with', () => {
    expect(existsSync('/usr/bin/time'), "/usr/bin/time: install Debian's time package").toBe(true);
    expect(existsSync('/usr/bin/python3'), "/usr/bin/python3: install Debian's python3 package").toBe(true);
  });

  it("counts the memory and CPU time of a child the command kills and never waits for (as Pagefind's Node API does)", async () => {
    // The child holds 300 MB and computes for about half a second of CPU, then says so; the
    // parent, which stays small, kills it then and exits without waiting for it.
    const child = `const b = Buffer.alloc(300e6, 1); let x = 0; for (let i = 0; i < 1.5e8; i++) x = (x + i) % 1000003; console.log(x); setInterval(() => {}, 1000);`;
    const parent = `
      const child = require('node:child_process').spawn(process.execPath, ['-e', ${JSON.stringify(child)}], { stdio: ['ignore', 'pipe', 'inherit'] });
      child.unref();
      child.stdout.once('data', () => { child.kill(); console.log('parent done'); process.exit(0); });`;
    const usage = await measure({ label: 'orphan', command: process.execPath, args: ['-e', parent] });
    expect(usage.maxRssKb * 1024).toBeGreaterThan(300e6);
    expect(usage.userSeconds + usage.systemSeconds).toBeGreaterThan(0.4);
    expect(usage.output).toBe('parent done\n');
    expect(usage.exitStatus).toBe(0);
  });

  it('sums the memory of processes running side by side, which the largest process alone does not show', async () => {
    // Two processes of about 100 MiB each (bytes written, so resident), alive together for a second.
    const holder = `python3 -c "b = bytes(range(256)) * 409600; import time; time.sleep(1)"`;
    const usage = await measure({ label: 'two processes', command: '/bin/sh', args: ['-c', `${holder} & ${holder}; wait`] }, { allProcesses: true });
    expect(usage.peakRssAllKb! * 1024).toBeGreaterThanOrEqual(200 * 1024 * 1024);
    expect(usage.maxRssKb * 1024).toBeLessThan(150 * 1024 * 1024);
  });

  it("fails with the command's output when it fails", async () => {
    await expect(measure({ label: 'failing step', command: process.execPath, args: ['-e', 'console.error("no listings"); process.exit(3)'] })).rejects.toThrow(
      /"failing step".*exited with 3[^]*no listings/,
    );
  });
});
