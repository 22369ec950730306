import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Two projects:
 *  - unit: everything under test/ but test/site/; fast, needs no build
 *    (`npx vitest run --project unit`).
 *  - site: test/site/; its globalSetup builds the site once, fresh, into
 *    test/.output/ before any of its tests run (`npx vitest run --project site`).
 * `npm test` runs both.
 */
export default defineConfig({
  test: {
    reporters: ['default', './test/setup/plain-summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/site/**', 'test/.output/**'],
        },
      },
      {
        test: {
          name: 'site',
          include: ['test/site/**/*.test.ts'],
          globalSetup: ['test/setup/build-site.ts'],
          // Each check walks every built page (two builds of a few hundred pages);
          // the browser tests start chromium and wait for the search index.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
