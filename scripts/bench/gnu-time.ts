/**
 * Reads what `/usr/bin/time -v` (GNU time) reports about a command it ran.
 */

export interface ResourceUsage {
  wallSeconds: number;
  userSeconds: number;
  systemSeconds: number;
  /**
   * Peak resident memory, in kB, of the command or of its largest descendant
   * (the kernel reports the largest single process, not the sum of a process tree).
   */
  maxRssKb: number;
  exitStatus: number;
}

/** `1:02:03.5` (h:mm:ss), `2:03.45` (m:ss) or `0:00.10` -> seconds. */
function clockSeconds(text: string): number {
  return text.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

function field(report: string, label: string): string {
  const line = report.split('\n').find((candidate) => candidate.trim().startsWith(`${label}:`));
  if (line === undefined) throw new Error(`no "${label}" in the /usr/bin/time -v report:\n${report}`);
  // The label itself may hold colons ("(h:mm:ss or m:ss)"): the value follows the last ": ".
  return line.slice(line.lastIndexOf(': ') + 2).trim();
}

export function parseGnuTime(report: string): ResourceUsage {
  const number = (label: string) => {
    const value = Number(field(report, label));
    if (!Number.isFinite(value)) throw new Error(`"${label}" is not a number in the /usr/bin/time -v report:\n${report}`);
    return value;
  };
  return {
    wallSeconds: clockSeconds(field(report, 'Elapsed (wall clock) time (h:mm:ss or m:ss)')),
    userSeconds: number('User time (seconds)'),
    systemSeconds: number('System time (seconds)'),
    maxRssKb: number('Maximum resident set size (kbytes)'),
    exitStatus: number('Exit status'),
  };
}
