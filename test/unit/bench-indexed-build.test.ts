/**
 * How npm run bench builds our site with its search index (scripts/bench/indexed-build.ts):
 * with `astro-build.ts --search-index` once astro-build.ts takes the flag, until then astro
 * build then index-search.ts, as `npm run build` does today.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { indexedBuild } from '../../scripts/bench/indexed-build.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function projectWithAstroBuild(source: string): string {
  dir = mkdtempSync(join(tmpdir(), 'reading-list-indexed-build-'));
  mkdirSync(join(dir, 'scripts'));
  writeFileSync(join(dir, 'scripts', 'astro-build.ts'), source);
  return dir;
}

describe('indexedBuild', () => {
  it('runs astro-build.ts --search-index when astro-build.ts takes that flag', () => {
    const project = projectWithAstroBuild(`parseArgs({ options: { outDir: { type: 'string' }, 'search-index': { type: 'boolean' } } });`);
    expect(indexedBuild(project, 'dist')).toEqual({ by: '`astro-build.ts --search-index`', steps: [['scripts/astro-build.ts', '--outDir', 'dist', '--search-index']] });
  });

  it('runs astro build, then index-search.ts over its output, while astro-build.ts does not take it', () => {
    const project = projectWithAstroBuild(`parseArgs({ options: { outDir: { type: 'string' }, mode: { type: 'string' } } }); // see search-index.md`);
    expect(indexedBuild(project, 'dist').steps).toEqual([
      ['scripts/astro-build.ts', '--outDir', 'dist'],
      ['scripts/index-search.ts', 'dist'],
    ]);
  });
});
