/**
 * The Pagefind CLI, which indexes the anchors' sites and, as a yardstick for our own index
 * step, our built dist/: the binary our Pagefind Node API runs (the `pagefind` package's
 * platform package), as its own resolveBinary finds it.
 */
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { SEARCH_LANGUAGE } from '../../src/lib/build/search-index.ts';

export const pagefindBin = createRequire(import.meta.url).resolve(`@pagefind/${platform() === 'win32' ? 'windows' : platform()}-${arch()}/bin/pagefind_extended`);


/** The CLI's arguments to index `site`, writing the bundle to `outputPath` (default: `site`/pagefind). */
export const pagefindArgs = (site: string, outputPath?: string): string[] => [
  '--site',
  site,
  '--force-language',
  SEARCH_LANGUAGE,
  ...(outputPath ? ['--output-path', outputPath] : []),
];
