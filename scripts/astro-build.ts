/**
 * `astro build` without a line per page: Astro logs every generated route at the
 * `info` level (10,000 papers, 10,000 lines) and has no setting to drop only those, so
 * this runs its build API at the `warn` level (warnings and errors still show) and prints
 * one summary line instead.
 *
 *   node scripts/astro-build.ts [--outDir dist] [--mode offline] [--base /] [--search-index]
 *
 * The first three flags mean what they mean for `astro build`; everything else comes from
 * astro.config.mjs and the environment (SITE_URL, BASE_PATH). `--search-index` (what
 * `npm run build` runs) also builds the Pagefind index and sw.js while the site is
 * rendered (src/integrations/search-index.ts), as `scripts/index-search.ts` would after it.
 */
import module from 'node:module';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { filesUnder } from '../src/lib/files-under.ts';

// As `astro build` does (and so the bare baseline of npm run bench): Node keeps the modules
// it compiles (Astro, Vite, Rolldown...) for the next build; not on CI, where no build comes
// next. Astro is imported after, to be compiled through the cache.
if (!process.env.CI) module.enableCompileCache?.();
const { build } = await import('astro');

const { values } = parseArgs({ options: { outDir: { type: 'string' }, mode: { type: 'string' }, base: { type: 'string' }, 'search-index': { type: 'boolean' } } });
const outDir = resolve(values.outDir ?? 'dist');
const started = performance.now();

let indexed = '';
// An integration of the inline config comes after astro.config.mjs's: its build:done (sw.js) runs last.
const integrations = values['search-index'] ? [(await import('../src/integrations/search-index.ts')).searchIndexAlongside({ report: (summary) => (indexed = summary) })] : [];

try {
  await build({ logLevel: 'warn', outDir, integrations, ...(values.mode && { mode: values.mode }), ...(values.base && { base: values.base }) });
} catch (error) {
  console.error(describeFailure(error));
  process.exit(1);
}

const pages = filesUnder(outDir).filter((file) => file.endsWith('.html')).length;
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`astro build: ${pages} pages in ${relative(process.cwd(), outDir) || '.'}/ in ${seconds} s${values.mode ? ` (mode ${values.mode})` : ''}`);
if (indexed) console.log(indexed);

/** Astro's error as its CLI would show it: the file first, the message without Markdown bold, the hint. */
function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return `astro build failed: ${String(error)}`;
  const { loc, hint } = error as Error & { loc?: { file?: string; line?: number }; hint?: string };
  const where = loc?.file ? `${relative(process.cwd(), loc.file)}${loc.line ? `:${loc.line}` : ''}: ` : '';
  return `astro build failed: ${where}${error.message.replaceAll('**', '')}${hint ? `\nHint: ${hint}` : ''}`;
}
