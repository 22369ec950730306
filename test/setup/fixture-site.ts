/**
 * Builds a throwaway copy of the project from listings a test gives it, with the
 * real pipeline (ingest, astro build, Pagefind), in a temporary folder:
 *
 *   <tmp>/  src/ scripts/ public/ astro.config.mjs package.json tsconfig.json   (copied)
 *           content/themes.yaml                                                (copied; no papers)
 *           node_modules/<package> -> the repository's                         (symlinks)
 *           seeds/<the given listings>
 *   node scripts/ingest.ts && node scripts/astro-build.ts --search-index   (as npm run build)
 *
 * The repository's own content/papers and seeds are never read or touched.
 */
import { cp, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runStep, type Step } from './build-site.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** What a fixture copy is made of, besides its listings. */
const COPIED = ['src', 'scripts', 'public', 'astro.config.mjs', 'package.json', '.nvmrc', 'tsconfig.json', 'content/themes.yaml'];

export interface FixtureSite {
  /** The temporary project folder. */
  dir: string;
  /** Its built site (`<dir>/dist`), indexed by Pagefind. */
  dist: string;
  /** Seconds each step took, e.g. `ingest 0.4s, astro build 4.1s`. */
  timings: string;
  /** Output of ingest (its summary and warnings). */
  ingestOutput: string;
  /** Output of `astro build` (scripts/astro-build.ts). */
  astroOutput: string;
  /** Removes the folder. */
  remove(): Promise<void>;
}

export interface FixtureOptions {
  /** Prefix of the temporary folder's name. */
  name?: string;
  /** Folder to make the copy in (the system's temporary folder when omitted). */
  parent?: string;
  /** Environment for every step (`undefined` removes an inherited variable). BASE_PATH and SITE_URL are unset unless given. */
  env?: Record<string, string | undefined>;
  /** Entries present before ingest runs (path under content/papers -> text), e.g. hand-written ones. */
  entries?: Record<string, string>;
  /** Other files of the project (path under its folder -> text), e.g. a component of the user's. */
  files?: Record<string, string>;
}

/** A fresh copy of the project without entries or listings (content/themes.yaml and an empty seeds/). */
export async function copyProject(name = 'reading-list-fixture-', parent = tmpdir()): Promise<string> {
  const dir = await mkdtemp(join(parent, name));
  try {
    for (const path of COPIED) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await cp(join(repoRoot, path), join(dir, path), { recursive: true });
    }
    // A link to each package, not to node_modules itself: Astro's and Vite's caches
    // (node_modules/.astro, which holds the content data store, and .vite) stay the copy's
    // own, so a copy built while the repository (or another copy) builds reads no entry of theirs.
    await mkdir(join(dir, 'node_modules'));
    for (const name of await readdir(join(repoRoot, 'node_modules'))) {
      if (!name.startsWith('.')) await symlink(join(repoRoot, 'node_modules', name), join(dir, 'node_modules', name), 'dir');
    }
    await mkdir(join(dir, 'seeds'));
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return dir;
}

/**
 * Copies the project, writes `listings` (file name -> text) into its seeds/ and
 * runs the pipeline there. Throws with the failing step's output; the folder is
 * removed on failure, and by `remove()` otherwise.
 */
export async function buildFixtureSite(listings: Record<string, string>, options: FixtureOptions = {}): Promise<FixtureSite> {
  const dir = await copyProject(options.name, options.parent);
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    for (const [file, text] of Object.entries(listings)) await writeFile(join(dir, 'seeds', file), text);
    const files = { ...Object.fromEntries(Object.entries(options.entries ?? {}).map(([path, text]) => [`content/papers/${path}`, text])), ...options.files };
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    const env = { BASE_PATH: undefined, SITE_URL: undefined, ...options.env };
    const steps: Step[] = [
      { label: 'ingest (fixture)', command: process.execPath, args: ['scripts/ingest.ts'], cwd: dir, env },
      { label: 'astro build (fixture)', command: process.execPath, args: ['scripts/astro-build.ts', '--search-index'], cwd: dir, env },
    ];
    const timings: string[] = [];
    const outputs: string[] = [];
    for (const step of steps) {
      const { seconds, output } = await runStep(step);
      outputs.push(output);
      timings.push(`${step.label.replace(' (fixture)', '')} ${seconds.toFixed(1)}s`);
    }
    const [ingestOutput = '', astroOutput = ''] = outputs;
    return { dir, dist: join(dir, 'dist'), timings: timings.join(', '), ingestOutput, astroOutput, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
