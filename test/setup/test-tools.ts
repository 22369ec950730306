/**
 * The programs the tests run besides Node, and the one message `npm test` prints before
 * any test when some are missing (scripts/require-test-tools.ts): without it, each test
 * that needs one fails on its own, a page of failures for one missing package.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { GNU_TIME, PYTHON3 } from '../../scripts/bench/measure.ts';
import { CHROMIUM_PATH } from './chromium.ts';
import { NGINX_PATH } from './nginx.ts';

export interface TestTool {
  /** What is missing, as the message names it. */
  what: string;
  /** The tests that need it. */
  usedBy: string;
  /** Debian's (and Ubuntu's) package. */
  debianPackage: string;
  isPresent(): boolean;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function isOnPath(command: string, path = process.env['PATH'] ?? ''): boolean {
  return path.split(delimiter).some((dir) => dir !== '' && isExecutable(join(dir, command)));
}

export const TEST_TOOLS: readonly TestTool[] = [
  {
    what: `Chromium at ${CHROMIUM_PATH}`,
    usedBy: 'the browser tests; CHROMIUM_PATH names another',
    debianPackage: 'chromium',
    isPresent: () => isExecutable(CHROMIUM_PATH),
  },
  { what: 'biber', usedBy: 'checks the BibTeX files', debianPackage: 'biber', isPresent: () => isOnPath('biber') },
  {
    what: `nginx at ${NGINX_PATH}`,
    usedBy: 'serves the site under a sub-path; NGINX_PATH names another',
    debianPackage: 'nginx',
    isPresent: () => isExecutable(NGINX_PATH),
  },
  {
    what: `GNU time at ${GNU_TIME}`,
    usedBy: 'the benchmark measures with it',
    debianPackage: 'time',
    // macOS has a BSD time there, without the -v report the benchmark reads.
    isPresent: () => isExecutable(GNU_TIME) && /GNU/.test(spawnSync(GNU_TIME, ['--version'], { encoding: 'utf8' }).stdout ?? ''),
  },
  { what: `python3 at ${PYTHON3}`, usedBy: "the benchmark's helper", debianPackage: 'python3', isPresent: () => isExecutable(PYTHON3) },
  { what: 'hugo', usedBy: "the benchmark's Hugo anchor (npm run bench measures it when hugo is there)", debianPackage: 'hugo', isPresent: () => isOnPath('hugo') },
];

/** What to tell a user missing `missing`, or undefined when nothing is. */
export function missingToolsMessage(missing: readonly TestTool[], isRoot: boolean): string | undefined {
  if (missing.length === 0) return undefined;
  const packages = missing.map((tool) => tool.debianPackage).join(' ');
  return [
    `npm test needs ${missing.length === 1 ? 'a program that is' : 'programs that are'} not on this machine:`,
    ...missing.map((tool) => `  - ${tool.what} (${tool.usedBy})`),
    'Install on Debian or Ubuntu with:',
    `  ${isRoot ? '' : 'sudo '}apt-get install ${packages}`,
    'then run npm test again. (The tests run on Linux: on macOS, run them in a Debian container.)',
  ].join('\n');
}
