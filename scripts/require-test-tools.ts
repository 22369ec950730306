/**
 * `npm test` runs this first: it stops, naming what to install, when a program the tests run
 * is missing. `--missing-packages` prints only the Debian packages to install (for .ci/run).
 */
import { missingToolsMessage, TEST_TOOLS } from '../test/setup/test-tools.ts';

const missing = TEST_TOOLS.filter((tool) => !tool.isPresent());
if (process.argv.includes('--missing-packages')) {
  console.log(missing.map((tool) => tool.debianPackage).join(' '));
} else {
  const message = missingToolsMessage(missing, process.getuid?.() === 0);
  if (message) {
    console.error(message);
    process.exit(1);
  }
}
