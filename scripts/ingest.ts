/**
 * `npm run ingest [-- --prune] [-- --strict]`: reads every listing in seeds/,
 * writes one Markdown entry per distinct paper under content/papers/<main theme>/,
 * and prints a summary. Exit codes are listed in USAGE.
 */
import module from 'node:module';
import { parseArgs } from 'node:util';
import type { IngestReport } from '../src/lib/ingest/ingest.ts';

// As the astro CLI does: Node keeps the modules it compiles (TypeScript stripped) for the
// next run (about 0.05 s of each run here); not on CI, where no run comes next.
// The modules are imported after, to be compiled through the cache.
if (!process.env.CI) module.enableCompileCache?.();
const { InputError } = await import('../src/lib/ingest/errors.ts');
const { counted } = await import('../src/lib/ingest/counted.ts');
const { ingest } = await import('../src/lib/ingest/ingest.ts');

const USAGE = `usage: npm run ingest [-- --prune] [-- --strict]
  --prune   delete generated entries that no listing produces any more,
            unless you added fields or notes to them
  --strict  exit with 3 when there is any warning
exit codes: 0 done, 1 input to fix (the message names the file and line),
            2 unexpected failure, 3 warnings under --strict`;

function summary(report: IngestReport, prune: boolean): string {
  const { plan } = report;
  const moved = plan.writes.filter((write) => write.movedFrom).length;
  const lines = [
    `Read ${counted(report.listings.length, 'listing or bibliography', 'listings and bibliographies')}: ${report.listings.map(({ listing, papers }) => `${listing} ${papers}`).join(', ')}`,
    `${counted(report.listedPapers, 'listed paper', 'listed papers')}, ${report.distinctPapers} distinct (${counted(report.listedPapers - report.distinctPapers, 'duplicate', 'duplicates')} merged)`,
    `Listed papers per theme: ${report.themes.map(({ theme, papers }) => `${theme.id} ${papers}`).join(', ')}`,
    ...(report.commonTerms.length > 0 ? [`Terms in so many of the papers that they count less: ${report.commonTerms.map(({ term, weight }) => `${term} ×${weight}`).join(', ')}`] : []),
    `Entries: ${plan.writes.length - moved} written, ${moved} moved, ${plan.unchanged} unchanged, ${report.handWritten} hand-written left alone${report.hidden > 0 ? `, ${report.hidden} hidden` : ''}`,
  ];
  if (report.notPapers > 0) lines.push(`Skipped ${counted(report.notPapers, 'listed "paper" whose', 'listed "papers" whose')} abstract is a number, a word or a few words (warnings below)`);
  if (plan.leftovers.length > 0) lines.push(`Removed ${counted(plan.leftovers.length, 'second copy', 'second copies')} an interrupted run left (the same entry as the one kept): ${plan.leftovers.join(', ')}`);
  const kept = plan.orphans.filter((orphan) => !prune || orphan.userContent);
  if (prune && plan.prunable.length > 0) lines.push(`Pruned ${counted(plan.prunable.length, 'entry', 'entries')} no listing produces: ${plan.prunable.join(', ')}`);
  if (kept.length > 0) {
    const why = prune ? 'holding your fields or notes' : 'run with --prune to delete any without your fields or notes';
    lines.push(`Kept ${counted(kept.length, 'entry', 'entries')} no listing produces (${why}): ${kept.map((orphan) => orphan.path).join(', ')}`);
  }
  for (const note of plan.keptMarkdown) lines.push(`note: ${note.file}:${note.line}: ${note.message}`);
  for (const warning of report.warnings) lines.push(`warning: ${warning.file}:${warning.line}: ${warning.message}`);
  return lines.join('\n');
}

let options: { prune: boolean; strict: boolean };
try {
  const { values } = parseArgs({ options: { prune: { type: 'boolean', default: false }, strict: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } } });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  options = { prune: values.prune, strict: values.strict };
} catch (error) {
  console.error(`ingest: ${(error as Error).message}\n${USAGE}`);
  process.exit(1);
}

try {
  const report = await ingest({ seedsDir: 'seeds', contentDir: 'content' }, { prune: options.prune });
  console.log(summary(report, options.prune));
  if (options.strict && report.warnings.length > 0) {
    console.error(`ingest: ${counted(report.warnings.length, 'warning', 'warnings')} and --strict`);
    process.exitCode = 3;
  }
} catch (error) {
  if (error instanceof InputError) {
    console.error(`ingest: ${error.message}`);
    process.exitCode = 1;
  } else {
    console.error('ingest failed unexpectedly:', error);
    process.exitCode = 2;
  }
}
