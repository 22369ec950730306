/**
 * Runs one step of the pipeline under `/usr/bin/time -v` and returns what it cost.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStep, type Step } from '../../test/setup/build-site.ts';
import { parseGnuTime, type ResourceUsage } from './gnu-time.ts';

export interface Measurement extends ResourceUsage {
  /** The command's own stdout and stderr. */
  output: string;
  /** With `allProcesses`: the peak resident memory, in kB, of all the command's processes together (see subreaper.py). */
  peakRssAllKb?: number;
}

/**
 * Every step runs under subreaper.py, which waits for orphaned descendants: without it,
 * the Pagefind binary (killed, never waited for, by Pagefind's Node API) would be
 * missing from the Pagefind step's CPU time and memory. Debian's python3 is there
 * wherever /usr/bin/time is; it adds about 25 ms and a 10 MB process (the peak RSS is
 * that of the largest single process, so it does not add up). Asked for the memory of all
 * processes together, it reads /proc every 50 ms, about 3% of a core on this machine: so
 * only the steps that report it ask for it.
 */
const SUBREAPER = join(import.meta.dirname, 'subreaper.py');

/** GNU time (Debian's `time`): `-v` reports peak memory, which BSD's and the shell's `time` do not. */
export const GNU_TIME = '/usr/bin/time';
export const PYTHON3 = '/usr/bin/python3';

/**
 * Throws with the command's output when it fails (runStep's error). `allProcesses` also
 * measures the peak memory of all the step's processes together (`peakRssAllKb`).
 */
export async function measure(step: Step, { allProcesses = false } = {}): Promise<Measurement> {
  const dir = await mkdtemp(join(tmpdir(), 'reading-list-bench-time-'));
  const report = join(dir, 'time.txt');
  const peakFile = join(dir, 'peak-rss-all.txt');
  try {
    // -o keeps time's report out of the command's own output.
    const args = ['-v', '-o', report, PYTHON3, SUBREAPER, ...(allProcesses ? ['--peak-rss-to', peakFile] : []), step.command, ...step.args];
    const { output } = await runStep({ ...step, command: GNU_TIME, args });
    const usage = { ...parseGnuTime(await readFile(report, 'utf8')), output };
    return allProcesses ? { ...usage, peakRssAllKb: Number(await readFile(peakFile, 'utf8')) } : usage;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
