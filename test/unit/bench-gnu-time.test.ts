import { describe, expect, it } from 'vitest';
import { parseGnuTime } from '../../scripts/bench/gnu-time.ts';

/** Captured from `/usr/bin/time -v -o report node scripts/ingest.ts` (GNU time 1.9). */
const REPORT = `	Command being timed: "node scripts/ingest.ts"
	User time (seconds): 1.41
	System time (seconds): 0.36
	Percent of CPU this job got: 98%
	Elapsed (wall clock) time (h:mm:ss or m:ss): 0:01.80
	Average shared text size (kbytes): 0
	Average unshared data size (kbytes): 0
	Average stack size (kbytes): 0
	Average total size (kbytes): 0
	Maximum resident set size (kbytes): 187352
	Average resident set size (kbytes): 0
	Major (requiring I/O) page faults: 0
	Minor (reclaiming a frame) page faults: 51234
	Voluntary context switches: 4123
	Involuntary context switches: 312
	Swaps: 0
	File system inputs: 0
	File system outputs: 80312
	Socket messages sent: 0
	Socket messages received: 0
	Signals delivered: 0
	Page size (bytes): 4096
	Exit status: 0
`;

describe('parseGnuTime', () => {
  it('reads wall clock, user and system time, peak RSS and exit status', () => {
    expect(parseGnuTime(REPORT)).toEqual({ wallSeconds: 1.8, userSeconds: 1.41, systemSeconds: 0.36, maxRssKb: 187352, exitStatus: 0 });
  });

  it('reads m:ss and h:mm:ss wall clocks', () => {
    const withClock = (clock: string) => REPORT.replace('0:01.80', clock);
    expect(parseGnuTime(withClock('2:03.45')).wallSeconds).toBeCloseTo(123.45);
    expect(parseGnuTime(withClock('1:02:03')).wallSeconds).toBe(3723);
  });

  it('reads the report of a command that failed', () => {
    const failed = `Command exited with non-zero status 3\n${REPORT.replace('Exit status: 0', 'Exit status: 3')}`;
    expect(parseGnuTime(failed).exitStatus).toBe(3);
  });

  it('names a missing or unreadable figure', () => {
    expect(() => parseGnuTime(REPORT.replace(/.*Maximum resident.*\n/, ''))).toThrow(/"Maximum resident set size \(kbytes\)"/);
    expect(() => parseGnuTime(REPORT.replace('User time (seconds): 1.41', 'User time (seconds): ?'))).toThrow(/"User time \(seconds\)" is not a number/);
  });
});
