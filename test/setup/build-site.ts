/**
 * Vitest globalSetup of the `site` project: runs the real pipeline once for the
 * whole suite, fresh every time, into test/.output/ (so a user's dist/ stays as
 * it is), and hands the output folders to the tests through `provide`.
 *
 *   npm run ingest
 *   node scripts/astro-build.ts --outDir test/.output/dist --search-index       (as npm run build runs it)
 *   BASE_PATH=/reading-list node scripts/astro-build.ts --outDir test/.output/dist-base --search-index
 *   npm run build:offline, but for its ingest (--skip-ingest), with test/.output/dist-offline for dist-offline
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { BUILDS, type SiteBuild } from './site-builds.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const outputRoot = join(repoRoot, 'test', '.output');

export interface Step {
  label: string;
  /** Folder to run in; the repository root when omitted. */
  cwd?: string;
  command: string;
  args: string[];
  /** Variables to set; `undefined` removes one inherited from the caller. */
  env?: Record<string, string | undefined>;
}

const VITEST_VARIABLES = new Set(['NODE_ENV', 'TEST', 'VITEST', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL']);

function envFor(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  // Vitest puts Vite's own variables in its workers' environment (NODE_ENV=test,
  // DEV=1, MODE, BASE_URL...); inherited, they make Astro build in dev mode (no
  // caches, every page recomputing the whole list). Build as `npm run build` does.
  const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' };
  for (const name of Object.keys(env)) {
    if (VITEST_VARIABLES.has(name) || name.startsWith('VITEST_')) delete env[name];
  }
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

export interface StepResult {
  /** How long the step took. */
  seconds: number;
  /** Its stdout and stderr, interleaved. */
  output: string;
}

/** Runs one step; on failure throws with the command's own (interleaved) output. */
export function runStep(step: Step): Promise<StepResult> {
  const started = performance.now();
  return new Promise((resolveRun, rejectRun) => {
    const child = spawn(step.command, step.args, {
      cwd: step.cwd ?? repoRoot,
      env: envFor(step.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.once('error', rejectRun);
    child.once('close', (code, signal) => {
      if (code === 0) {
        resolveRun({ seconds: (performance.now() - started) / 1000, output });
        return;
      }
      const envText = Object.entries(step.env ?? {})
        .map(([name, value]) => (value === undefined ? `(${name} unset) ` : `${name}=${value} `))
        .join('');
      rejectRun(
        new Error(
          `site build failed at "${step.label}": ${envText}${step.command} ${step.args.join(' ')} ` +
            `exited with ${signal ?? code}. Its output:\n\n${output}`,
        ),
      );
    });
  });
}

function stepsFor(build: SiteBuild, outDir: string): Step[] {
  const env = { BASE_PATH: build.basePath === '/' ? undefined : build.basePath.replace(/\/$/, '') };
  const shownDir = relative(repoRoot, outDir);
  return [
    { label: `astro build (${build.name})`, command: process.execPath, args: ['scripts/astro-build.ts', '--outDir', shownDir, '--search-index'], env },
  ];
}

/**
 * The commands of `npm run build:offline` but its ingest (the project is ingested already:
 * `--skip-ingest`) and its Node check, run in the project at `projectDir` and writing to
 * `outDir`: what a user runs, read from package.json.
 */
export async function offlineSteps(outDir: string, projectDir = repoRoot): Promise<Step[]> {
  const { scripts } = JSON.parse(await readFile(join(projectDir, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const shownDir = relative(projectDir, outDir);
  return scripts['build:offline']!
    .split(' && ')
    .filter((command) => command !== 'node scripts/require-node.cjs')
    .map((command) => {
      const words = command.split(' ').map((word) => (word === 'dist-offline' ? shownDir : word));
      const [program, ...args] = words[1] === 'scripts/build.ts' ? [...words, '--skip-ingest'] : words;
      const label = `${command.split(' ').slice(0, 2).join(' ')} (offline)`;
      if (program === 'node') return { label, cwd: projectDir, command: process.execPath, args };
      throw new Error(`build:offline runs "${command}", which build-site.ts does not know how to run`);
    });
}

export default async function buildSite(project: TestProject) {
  await mkdir(outputRoot, { recursive: true });
  const timings: string[] = [];
  const { seconds: ingestSeconds } = await runStep({ label: 'ingest', command: 'npm', args: ['run', '--silent', 'ingest'], env: { BASE_PATH: undefined } });
  timings.push(`ingest ${ingestSeconds.toFixed(1)}s`);

  const dirs: Record<string, string> = {};
  const logs: Record<string, string> = {};
  for (const build of BUILDS) {
    const outDir = join(outputRoot, build.folder);
    await rm(outDir, { recursive: true, force: true });
    for (const step of stepsFor(build, outDir)) {
      const { seconds, output } = await runStep(step);
      timings.push(`${step.label} ${seconds.toFixed(1)}s`);
      logs[step.label] = output;
    }
    dirs[build.name] = outDir;
  }
  const offlineDir = join(outputRoot, 'dist-offline');
  await rm(offlineDir, { recursive: true, force: true });
  for (const step of await offlineSteps(offlineDir)) {
    const { seconds, output } = await runStep(step);
    timings.push(`${step.label} ${seconds.toFixed(1)}s`);
    logs[step.label] = output;
  }
  console.log(`[build-site] ${timings.join(', ')}`);

  project.provide('repoRoot', repoRoot);
  project.provide('siteDirs', dirs);
  project.provide('offlineDir', offlineDir);
  project.provide('buildLogs', logs);
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute path of the repository the site was built from. */
    repoRoot: string;
    /** Build name (see BUILDS) -> absolute path of its output folder. */
    siteDirs: Record<string, string>;
    /** Step label (`astro build (root)`, `index search (base)`...) -> what the step printed. */
    buildLogs: Record<string, string>;
    /** Absolute path of the offline build (`npm run build:offline`); its zip is `<offlineDir>.zip`. */
    offlineDir: string;
  }
}
