import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { handOver, type HandedRelated } from '../lib/site/related-handoff.ts';

/**
 * Computes the related papers on a second thread from the start of `astro build`
 * (see src/lib/site/related-handoff.ts): a tenth of a 10,000-paper build that would
 * otherwise hold up the first paper page. A worker that fails hands over nothing.
 */
export function relatedPapersAhead(): AstroIntegration {
  return {
    name: 'reading-list:related-papers',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        if (command !== 'build') return;
        const worker = new Worker(new URL('src/lib/site/related-worker.ts', config.root), {
          workerData: { papersDir: fileURLToPath(new URL('content/papers', config.root)) },
          // A small young generation: collected more often, the worker adds a third of the
          // memory it would otherwise (250 MB rather than 400 MB at 10,000 papers), in the same time.
          resourceLimits: { maxYoungGenerationSizeMb: 8 },
        });
        handOver(
          new Promise<HandedRelated | undefined>((resolve) => {
            worker.once('message', resolve);
            worker.once('error', () => resolve(undefined));
            worker.once('exit', () => resolve(undefined));
          }),
        );
      },
    },
  };
}
