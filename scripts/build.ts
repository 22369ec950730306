/**
 * `npm run build` and `npm run build:offline`:
 *
 *   node scripts/build.ts [--outDir dist]                         ingest, astro build with the Pagefind index and sw.js
 *   node scripts/build.ts --offline --outDir dist-offline         ingest, astro build --mode offline, build-offline (and its zip)
 *   ... --skip-ingest                                             the same without ingest (the site tests ingest once for several builds)
 *
 * First checks SITE_URL and BASE_PATH (src/lib/build/deployment.ts), then takes the output
 * folder's lock and runs the steps, ingest included, so that a second build stops before
 * anything; they write into a staging folder, which takes the place of the output folder
 * (and its zip) only when every step succeeded (src/lib/build/staging.ts). A failed build
 * leaves the last good site as it was.
 */
import { spawnSync } from 'node:child_process';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { deploymentProblems, localSiteNotice } from '../src/lib/build/deployment.ts';
import { buildStaged } from '../src/lib/build/staging.ts';
import { LockError } from '../src/lib/lock.ts';

const { values } = parseArgs({ options: { outDir: { type: 'string' }, offline: { type: 'boolean' }, 'skip-ingest': { type: 'boolean' } } });
const outDir = resolve(values.outDir ?? 'dist');
const shown = `${relative(process.cwd(), outDir) || '.'}/`;

const problems = deploymentProblems(process.env);
if (problems.length > 0) {
  for (const problem of problems) console.error(`build: ${problem}`);
  process.exit(1);
}
// The offline build has no address of its own: SITE_URL does not apply to it.
const notice = values.offline ? undefined : localSiteNotice(process.env);
if (notice) console.log(`build: ${notice}`);

/** Runs `node scripts/<script> <args>`, its output shown as it comes; true when it succeeded. */
function step(script: string, args: string[]): boolean {
  const { status, error } = spawnSync(process.execPath, [resolve(import.meta.dirname, script), ...args], { stdio: 'inherit' });
  if (error) console.error(`build: could not run ${script}: ${error.message}`);
  return status === 0;
}

try {
  const succeeded = await buildStaged(
    outDir,
    async ({ outDir: staged }) =>
      (values['skip-ingest'] || step('ingest.ts', [])) &&
      (values.offline
        ? step('astro-build.ts', ['--mode', 'offline', '--base', '/', '--outDir', staged]) && step('build-offline.ts', [staged])
        : step('astro-build.ts', ['--outDir', staged, '--search-index'])),
  );
  if (succeeded) console.log(`build: the new site is in ${shown}${values.offline ? ` and ${relative(process.cwd(), `${outDir}.zip`)}` : ''}`);
  else {
    console.error(`build: failed, so ${shown} was left as it was (the last good site); the failed build was removed.`);
    process.exitCode = 1;
  }
} catch (error) {
  if (!(error instanceof LockError)) throw error;
  console.error(`build: ${error.message}`);
  process.exitCode = 1;
}
