import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { SEARCH_HANDOVER, type SearchHandover } from '../lib/build/search-handover.ts';
import { addBuiltSite, closeSearchIndex, createSearchIndex, OrderedHandover, type PagefindIndex, type SearchBundle, writeSearchBundle } from '../lib/build/search-index.ts';
import { writeServiceWorker } from '../lib/build/service-worker.ts';

/**
 * Builds the Pagefind index while Astro renders the site (`scripts/astro-build.ts
 * --search-index`, which `npm run build` runs): a middleware hands each paper page, as
 * rendered, to Pagefind's service, a process of its own, which indexes it while Astro
 * renders the next ones. Once the pages are written, the bundle goes to <outDir>/pagefind/,
 * then sw.js, last. The same bundle as `scripts/index-search.ts` on the built site
 * (src/lib/build/search-index.ts). A failure on either side fails the build.
 */
export function searchIndexAlongside({ report }: { report: (summary: string) => void }): AstroIntegration {
  let index: Promise<PagefindIndex> | undefined;
  let handover: OrderedHandover | undefined;
  let outDir: string | undefined;
  /**
   * The bundle, written as soon as the last paper page is indexed: while Astro renders the
   * other pages (lists, tags: a tenth of the build's pages), and into the output folder,
   * which Astro emptied when it started.
   */
  let bundle: Promise<SearchBundle> | undefined;
  return {
    name: 'reading-list:search-index',
    hooks: {
      'astro:config:setup': ({ command, addMiddleware }) => {
        if (command !== 'build') return;
        addMiddleware({ entrypoint: new URL('./search-index-middleware.ts', import.meta.url), order: 'post' });
        index = createSearchIndex();
        // A failure to start shows where it is awaited: the first page, or the end of the build.
        index.catch(() => undefined);
        const ends: SearchHandover = {
          expect: async (paths) => {
            const pagefind = await index!;
            const expected = new OrderedHandover(pagefind, paths);
            handover = expected;
            if (expected.expected === 0) return;
            bundle = expected.handedAll.then(async () => {
              await expected.settle();
              return writeSearchBundle(pagefind, outDir!);
            });
            // A failure shows where it is awaited, at the end of the build.
            bundle.catch(() => undefined);
          },
          offer: (path, html) => handover!.offer(path, html),
        };
        (globalThis as Record<symbol, unknown>)[SEARCH_HANDOVER] = ends;
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:done': async () => {
        if (!index) return;
        const started = performance.now();
        try {
          const pagefind = await index;
          // A bundle is on its way once any paper page is expected.
          const unexpected = bundle ? await handover!.finish() : [];
          let written: SearchBundle;
          let how = 'the paper pages as they were rendered';
          if (bundle && unexpected.length === 0) written = await bundle;
          else {
            // No paper page (a list with no paper yet: every page is indexed), or pages of the
            // user's marked for search besides the paper pages: the site is indexed from its files.
            if (bundle) {
              await bundle.catch(() => undefined);
              await pagefind.deleteIndex();
            }
            rmSync(join(outDir!, 'pagefind'), { recursive: true, force: true });
            const fromFiles = bundle ? await createSearchIndex() : pagefind;
            await addBuiltSite(fromFiles, outDir!);
            written = await writeSearchBundle(fromFiles, outDir!);
            how = unexpected.length > 0 ? `the built pages, as ${unexpected.length} besides the paper pages are marked for search (${unexpected[0]})` : 'the built pages';
          }
          const sw = writeServiceWorker(outDir!, written.wasmLanguages);
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          report(`Pagefind indexed ${written.indexed} pages from ${how}; the bundle and sw.js were done ${seconds} s after Astro's last page; ${sw}`);
        } finally {
          delete (globalThis as Record<symbol, unknown>)[SEARCH_HANDOVER];
          await closeSearchIndex();
        }
      },
    },
  };
}
