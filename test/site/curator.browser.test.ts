/**
 * The curator's word beside the reader's own, in a real browser (Debian chromium through
 * playwright-core), hosted (a static server) and offline (file:// pages of build:offline):
 * a reader marks a paper the curator rated; the paper page and My list show "Curator: …"
 * apart from "You: …", and the tag links lead to the tag's page.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'node-html-parser';
import type { Browser, Page } from 'playwright-core';
import { normaliseText } from '../setup/content.ts';
import { collectPageErrors, launchChromium, reportingPageErrors } from '../setup/chromium.ts';
import { offlineSteps, runStep } from '../setup/build-site.ts';
import { buildFixtureSite, type FixtureSite } from '../setup/fixture-site.ts';
import { serveStatic, type StaticServer } from '../setup/static-server.ts';

const LISTING = 'Uncurated Agents Paper\n\nAgents that nobody rated, studied at length so that this line reads as an abstract.\n';
const RATED = "---\ntitle: Two Star Agents <b>bold</b>\nthemes: [agents]\nstatus: to-read\nrating: 2\ntags: [rl, self-play]\n---\nAbout agents.\n";

let site: FixtureSite;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  site = await buildFixtureSite({ 'a.txt': LISTING }, { name: 'reading-list-curator-browser-', entries: { 'mine/two-stars.md': RATED } });
  for (const step of await offlineSteps(join(site.dir, 'dist-offline'), site.dir)) await runStep(step);
  server = await serveStatic(site.dist, '/');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
});

const BUILDS = [
  { name: 'hosted', url: (path: string) => new URL(path, server.url).href },
  { name: 'offline, from disk', url: (path: string) => pathToFileURL(join(site.dir, 'dist-offline', path, 'index.html')).href },
];

const shown = async (page: Page, selector: string) => normaliseText((await page.locator(selector).first().innerText()).replace(/\n/g, ' '));

describe.each(BUILDS)("the curator's word beside the reader's own ($name)", ({ url }) => {
  test("a paper page and My list say the curator's status, rating and tags apart from the reader's status", async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const errors = collectPageErrors(page);
      await reportingPageErrors(errors, async () => {
        await page.goto(url('papers/two-stars/'));
        expect(await shown(page, '.paper-curator')).toBe('Curator: To read · ★★☆☆☆ · Tags: rl, self-play');
        await expect(page.getByRole('img', { name: 'Rated 2 of 5' }).count()).resolves.toBe(1);
        const read = page.locator('[data-track-controls] button[data-status="read"]');
        await read.click();
        await expect.poll(() => read.getAttribute('aria-pressed')).toBe('true');
        // The curator's block is unchanged by the reader's choice.
        expect(await shown(page, '.paper-curator')).toBe('Curator: To read · ★★☆☆☆ · Tags: rl, self-play');

        await page.goto(url('my-list/'));
        const item = page.locator('[data-my-list-groups] [data-paper="two-stars"]');
        // Chromium hands a file:// page's storage to the next page asynchronously: reload until the list has it.
        await expect
          .poll(
            async () => {
              const count = await item.count();
              if (count === 0) await page.reload();
              return count;
            },
            { timeout: 10_000, interval: 250 },
          )
          .toBe(1);
        expect(normaliseText((await item.locator('h3 a').innerText()))).toBe('Two Star Agents <b>bold</b>');
        await expect.poll(() => item.locator('.track-badges').innerText().then((text) => normaliseText(text.replace(/\n/g, ' ')))).toBe('You: Read');
        expect(await shown(page, '[data-paper="two-stars"] .paper-item__curator')).toBe('Curator: To read · ★★☆☆☆ · Tags: rl, self-play');
        await expect(item.getByRole('img', { name: 'Rated 2 of 5' }).count()).resolves.toBe(1);
        await item.getByRole('link', { name: 'self-play' }).click();
        await expect.poll(() => page.locator('h1').innerText()).toBe('Tag: self-play');
        await expect(page.locator('main [data-paper="two-stars"]').count()).resolves.toBe(1);
      });
      expect(errors, 'page errors').toEqual([]);
    } finally {
      await context.close();
    }
  });
});

test("a site whose curator picked nothing has no \"Curator's picks\" on its home page", async () => {
  const home = parse(await readFile(join(site.dist, 'index.html'), 'utf8'));
  expect(home.querySelector('#picks')).toBeNull();
  expect(home.text).not.toContain("Curator's picks");
  // Its tags are still linked.
  expect(home.querySelector('.curator-tags-link a')?.getAttribute('href')).toBe('/tags/');
});
