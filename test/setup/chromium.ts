import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium; `.ci/run` installs it when missing. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Without the background-networking switches chromium keeps dialling hosts this closed network refuses. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`no browser at ${CHROMIUM_PATH}: install Debian's chromium (apt-get install -y chromium)`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
}

/**
 * Records what would show as a red line in the console: uncaught exceptions,
 * console.error() calls (including failed resource loads) and HTTP errors.
 * Returns the live list; a test asserts it is empty at its end.
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`uncaught ${error.name}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error at ${message.location().url}: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'unknown';
    // Leaving a page cancels what it was still loading: not an error of the site.
    if (reason !== 'net::ERR_ABORTED') errors.push(`request failed: ${request.url()} (${reason})`);
  });
  return errors;
}

/**
 * Runs `check`; when it fails, adds what the page reported (collectPageErrors) to the
 * failure, since that is usually its reason (a missing script, a failed fetch).
 */
export async function reportingPageErrors(errors: string[], check: () => Promise<void>): Promise<void> {
  try {
    await check();
  } catch (error) {
    if (errors.length > 0 && error instanceof Error) error.message += `\nThe page reported:\n${errors.join('\n')}`;
    throw error;
  }
}
