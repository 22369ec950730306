/**
 * Search as a reader meets it: headless Chromium opens /search/ on the built site,
 * served over HTTP, and types queries into its search box (pagefind.js under the site's
 * form, src/components/PagefindSearch.astro). Records every
 * response and the time from the last keystroke to the results on screen.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { collectPageErrors, launchChromium } from '../../test/setup/chromium.ts';
import { serveStatic } from '../../test/setup/static-server.ts';
import { summariseSearchBytes, type SearchBytes, type SearchPhase, type ServedResponse } from './search-bytes.ts';

export interface SearchCost {
  /** The query words, in the order typed. */
  words: string[];
  bytes: SearchBytes;
  responses: ServedResponse[];
  /** Last keystroke to results on screen, in ms, for each word; the first includes loading Pagefind. */
  latenciesMs: number[];
  /** Median over the queries after the first (Pagefind loaded). */
  medianLatencyMs: number;
  /** The input's debounce (part of every latency): the UI waits this long after a keystroke before searching. */
  debounceMs: number;
  /** Time between two keystrokes while typing a word. */
  keystrokeMs: number;
}

/** Typing speed of a quick typist; each keystroke restarts the UI's debounce. */
const KEYSTROKE_MS = 40;
const QUIET_MS = 500;

/**
 * Installs the in-page clock: the time of the last `input` event, and the next frame
 * after the results show the awaited word (their links carry it in `pagefind-highlight`).
 */
function installClock(page: Page): Promise<void> {
  return page.evaluate(() => {
    const state = { inputAt: 0, word: '', shownAt: 0 };
    (window as unknown as { benchClock: typeof state }).benchClock = state;
    document.querySelector('#search-q')!.addEventListener('input', () => (state.inputAt = performance.now()), true);
    const results = document.querySelector('[data-search-results]')!;
    new MutationObserver(() => {
      if (!state.word || state.shownAt) return;
      const link = results.querySelector<HTMLAnchorElement>('.paper-item__title a[href]');
      if (link && new URL(link.href).searchParams.get('pagefind-highlight') === state.word) {
        requestAnimationFrame(() => (state.shownAt ||= performance.now()));
      }
    }).observe(results, { childList: true, subtree: true, attributes: true, characterData: true });
  });
}

async function timedQuery(page: Page, word: string): Promise<number> {
  const input = page.locator('#search-q');
  await input.fill('');
  await page.evaluate((awaited) => Object.assign((window as unknown as { benchClock: object }).benchClock, { word: awaited, shownAt: 0 }), word);
  await input.pressSequentially(word, { delay: KEYSTROKE_MS });
  await page.waitForFunction(() => (window as unknown as { benchClock: { shownAt: number } }).benchClock.shownAt > 0);
  return page.evaluate(() => {
    const { shownAt, inputAt } = (window as unknown as { benchClock: { shownAt: number; inputAt: number } }).benchClock;
    return shownAt - inputAt;
  });
}

/** Opens `<dist>/search/` and types `words`: the first two are measured for bytes, all for latency. */
export async function measureSearch(dist: string, words: string[]): Promise<SearchCost> {
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  try {
    // The service worker would precache the whole site in the background, which is not search's cost.
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const errors = collectPageErrors(page);

    let phase: SearchPhase | 'later queries' = 'page load';
    let inFlight = 0;
    let lastActivity = performance.now();
    const recorded: Promise<ServedResponse | undefined>[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(server.url)) return;
      inFlight++;
      lastActivity = performance.now();
      const requestPhase = phase;
      const settled = () => {
        inFlight--;
        lastActivity = performance.now();
      };
      recorded.push(
        request.response().then(async (response) => {
          await response?.finished();
          settled();
          if (!response || requestPhase === 'later queries') return undefined;
          const pathname = decodeURIComponent(new URL(request.url()).pathname).slice(1);
          const path = pathname === '' || pathname.endsWith('/') ? `${pathname}index.html` : pathname;
          const bytes = Number(response.headers()['content-length'] ?? 0);
          const gzipBytes = Math.min(bytes, gzipSync(await readFile(join(dist, path))).length);
          return { path, phase: requestPhase, bytes, gzipBytes };
        }, (error: unknown) => {
          settled();
          throw error;
        }),
      );
    });
    // Each phase ends when nothing has been loading for QUIET_MS: late fragments count too.
    const quiet = async () => {
      do await page.waitForTimeout(100);
      while (inFlight > 0 || performance.now() - lastActivity < QUIET_MS);
    };

    const response = await page.goto(new URL('search/', server.url).href);
    if (response?.status() !== 200) throw new Error(`/search/ answered ${response?.status()}`);
    await page.locator('#search-q').waitFor();
    await installClock(page);
    await quiet();
    const debounceMs = Number((await page.locator('[data-pagefind-search]').getAttribute('data-debounce')) ?? 0);

    const latenciesMs: number[] = [];
    for (const [index, word] of words.entries()) {
      phase = index === 0 ? 'first query' : index === 1 ? 'second query' : 'later queries';
      latenciesMs.push(await timedQuery(page, word));
      await quiet();
    }
    const responses = (await Promise.all(recorded)).filter((served) => served !== undefined);
    if (errors.length > 0) throw new Error(`the search page reported:\n${errors.join('\n')}`);

    const after = latenciesMs.slice(1).sort((a, b) => a - b);
    return {
      words,
      bytes: summariseSearchBytes(responses),
      responses,
      latenciesMs,
      medianLatencyMs: after[Math.floor(after.length / 2)] ?? Number.NaN,
      debounceMs,
      keystrokeMs: KEYSTROKE_MS,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
