/**
 * The search page in a real browser (Debian chromium through playwright-core),
 * against the built site served over HTTP the way a static host serves it.
 */
import { afterAll, beforeAll, describe, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../setup/chromium.ts';
import { pickSearchTarget, readPaperEntries } from '../setup/content.ts';
import { searchAndOpen } from '../setup/search-flow.ts';
import { BUILDS } from '../setup/site-builds.ts';
import { serveStatic, type StaticServer } from '../setup/static-server.ts';

const repoRoot = inject('repoRoot');
const siteDirs = inject('siteDirs');
const { paper, word } = pickSearchTarget(await readPaperEntries(repoRoot));

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(BUILDS)('search on the site built with base $basePath', (build) => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(siteDirs[build.name], build.basePath);
  });
  afterAll(async () => {
    await server?.close();
  });

  test(`finds "${paper.title}" by the title word "${word}" and opens its page`, async () => {
    const context = await browser.newContext();
    try {
      await searchAndOpen(context, server.url, build.basePath, paper, word);
    } finally {
      await context.close();
    }
  });
});
