/**
 * `npm test` first checks the programs its browser, server and BibTeX tests run
 * (test/setup/test-tools.ts, through scripts/require-test-tools.ts): one message naming what is
 * missing and the command that installs it, before any test; nothing when all are there.
 */
import { spawnSync } from 'node:child_process';
import { chmod, cp, mkdir, symlink, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { missingToolsMessage, TEST_TOOLS } from '../setup/test-tools.ts';
import { tempDir } from '../setup/temp-dirs.ts';

const ROOT = join(import.meta.dirname, '../..');

describe('missingToolsMessage', () => {
  const chromium = TEST_TOOLS.find((tool) => tool.debianPackage === 'chromium')!;
  const biber = TEST_TOOLS.find((tool) => tool.debianPackage === 'biber')!;

  it('says nothing when nothing is missing', () => {
    expect(missingToolsMessage([], false)).toBeUndefined();
  });

  it('names each missing program, what needs it, and one command that installs them all', () => {
    expect(missingToolsMessage([chromium, biber], false)).toBe(
      [
        'npm test needs programs that are not on this machine:',
        `  - ${chromium.what} (${chromium.usedBy})`,
        `  - biber (${biber.usedBy})`,
        'Install on Debian or Ubuntu with:',
        '  sudo apt-get install chromium biber',
        'then run npm test again. (The tests run on Linux: on macOS, run them in a Debian container.)',
      ].join('\n'),
    );
  });

  it('leaves sudo out for root', () => {
    expect(missingToolsMessage([biber], true)).toContain('\n  apt-get install biber\n');
  });
});

describe('scripts/require-test-tools.ts', () => {
  /** Executables standing in for chromium, nginx, biber and hugo; hugo's alone in `hugoStand`. */
  let stand: string;
  let hugoStand: string;

  beforeAll(async () => {
    stand = await tempDir('reading-list-test-tools-');
    hugoStand = await tempDir('reading-list-test-tools-hugo-');
    for (const [dir, name] of [[stand, 'chromium'], [stand, 'nginx'], [stand, 'biber'], [stand, 'hugo'], [hugoStand, 'hugo']] as const) {
      await writeFile(join(dir, name), '#!/bin/sh\nexit 0\n');
      await chmod(join(dir, name), 0o755);
    }
  });

  const check = (env: Record<string, string>, ...args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, 'scripts/require-test-tools.ts'), ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  const present = () => ({ CHROMIUM_PATH: join(stand, 'chromium'), NGINX_PATH: join(stand, 'nginx'), PATH: `${stand}${delimiter}${process.env['PATH']}` });
  /** PATH without any folder holding biber. */
  const pathWithoutBiber = () => (process.env['PATH'] ?? '').split(delimiter).filter((dir) => spawnSync('test', ['-x', join(dir, 'biber')]).status !== 0).join(delimiter);

  it('prints nothing and exits 0 when every program is there', () => {
    const run = check(present());
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('names the missing ones and exits 1', () => {
    const run = check({ ...present(), CHROMIUM_PATH: join(stand, 'no-chromium'), PATH: `${hugoStand}${delimiter}${pathWithoutBiber()}` });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`  - Chromium at ${join(stand, 'no-chromium')} (`);
    expect(run.stderr).toContain('  - biber (');
    expect(run.stderr).toMatch(/^ {2}(sudo )?apt-get install chromium biber$/m);
    expect(run.stderr).not.toContain('nginx');
  });

  it('--missing-packages lists the Debian packages only, for .ci/run', () => {
    expect(check({ ...present(), NGINX_PATH: join(stand, 'no-nginx') }, '--missing-packages').stdout).toBe('nginx\n');
    expect(check(present(), '--missing-packages').stdout).toBe('\n');
  });
});

describe('npm test with a program missing', () => {
  it('prints the message before any test runs, and fails', async () => {
    // A copy holding the scripts and test setup but no test: were the check to let it through,
    // vitest would start (its banner) and find nothing to run, instead of running this suite again.
    const project = await tempDir('reading-list-npm-test-');
    for (const path of ['package.json', '.nvmrc', 'scripts', 'test/setup']) await cp(join(ROOT, path), join(project, path), { recursive: true });
    await mkdir(join(project, 'test/unit'));
    await symlink(join(ROOT, 'node_modules'), join(project, 'node_modules'));
    const run = spawnSync('npm', ['test'], { cwd: project, encoding: 'utf8', env: { ...process.env, CHROMIUM_PATH: join(project, 'no-chromium'), FORCE_COLOR: '0' } });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(`npm test needs a program that is not on this machine:\n  - Chromium at ${join(project, 'no-chromium')}`);
    expect(run.stdout + run.stderr).not.toMatch(/RUN\s+v\d|No test files/);
  });
});
