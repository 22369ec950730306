/**
 * `npm run build` (its commands, read from package.json) in a copy of the project whose
 * dist/ holds a site: wrong deployment settings stop it before anything is built, ingest
 * included, with one message per variable, and a build that fails while Astro writes pages
 * leaves dist/ as it was.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyProject } from '../setup/fixture-site.ts';
import { removeTempDirs, tempDir } from '../setup/temp-dirs.ts';

afterAll(removeTempDirs);

let project: string;
beforeAll(async () => {
  project = await copyProject('reading-list-build-failure-', await tempDir('reading-list-build-failure-'));
  await mkdir(join(project, 'dist'));
  await writeFile(join(project, 'dist', 'index.html'), 'last good site');
});

/** The `node` commands `npm run <script>` runs, `npm run` in it expanded, read from the copy's package.json. */
async function commandsOf(script: string): Promise<string[][]> {
  const { scripts } = JSON.parse(await readFile(join(project, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const expand = (name: string): string[][] =>
    scripts[name]!.split(' && ').flatMap((command) => {
      const words = command.split(' ');
      if (words[0] === 'npm' && words[1] === 'run') return expand(words[2]!);
      expect(words[0], command).toBe('node');
      return [words.slice(1)];
    });
  return expand(script);
}

/** Runs `npm run build`'s commands in the copy, as npm would (no Vitest variables), with `env` on top; stops at the first that fails. */
async function build(env: Record<string, string>) {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(VITEST|NODE_ENV$|TEST$|MODE$|DEV$|PROD$|SSR$|BASE_URL$|SITE_URL$|BASE_PATH$)/.test(name)));
  let output = '';
  for (const args of await commandsOf('build')) {
    const run = spawnSync(process.execPath, args, { cwd: project, env: { ...inherited, NO_COLOR: '1', ...env }, encoding: 'utf8' });
    output += `${run.stdout}${run.stderr}`;
    if (run.status !== 0) return { status: run.status, output };
  }
  return { status: 0, output };
}

async function expectLastGoodSite() {
  expect(await readdir(join(project, 'dist'))).toEqual(['index.html']);
  expect(await readFile(join(project, 'dist', 'index.html'), 'utf8')).toBe('last good site');
  expect((await readdir(project)).filter((name) => name.startsWith('.dist'))).toEqual([]);
}

describe('npm run build', () => {
  test('with SITE_URL and BASE_PATH wrong, names each with an example, no stack trace, before building anything', async () => {
    const { status, output } = await build({ SITE_URL: 'lab.example.org', BASE_PATH: 'https://x.org/lab' });
    expect(status).toBe(1);
    expect(output.trim().split('\n')).toEqual([
      'build: SITE_URL=lab.example.org is not an http(s) address: write it with its scheme, e.g. SITE_URL=https://lab.example.org',
      'build: BASE_PATH=https://x.org/lab is an address, not a path: BASE_PATH is the sub-path alone and the origin goes in SITE_URL, e.g. SITE_URL=https://x.org BASE_PATH=/lab',
    ]);
    await expectLastGoodSite();
  });

  test('while another build writes dist/, stops before anything with a message naming it', async () => {
    // This test's own process stands for the running build.
    await writeFile(join(project, '.dist.lock'), `${process.pid}\n`);
    try {
      const { status, output } = await build({ SITE_URL: 'https://lab.example.org' });
      expect(status).toBe(1);
      expect(output.trim()).toBe(
        `build: .dist.lock: another build (process ${process.pid}) is writing dist/; wait for it to finish, or delete this file if no build is running`,
      );
    } finally {
      await rm(join(project, '.dist.lock'));
    }
    await expectLastGoodSite();
  });

  test('when a page fails while Astro writes the site, leaves dist/ as it was and says so', { timeout: 120_000 }, async () => {
    // A note whose expression throws fails its page's rendering, after Astro has begun writing.
    await mkdir(join(project, 'content', 'papers', 'mine'), { recursive: true });
    await writeFile(join(project, 'content', 'papers', 'mine', 'note.mdx'), '---\ntitle: Broken Note\nthemes: [agents]\n---\nText {(() => { throw new Error("a broken note") })()}.\n');
    const { status, output } = await build({ SITE_URL: 'https://lab.example.org' });
    expect(status).toBe(1);
    expect(output).toContain('astro build failed: a broken note');
    expect(output).toContain('build: failed, so dist/ was left as it was (the last good site); the failed build was removed.');
    await expectLastGoodSite();
  });
});
