/**
 * `npm run ingest`: reads every listing in seeds/, writes one MDX entry per
 * distinct paper under content/papers/<main theme>/, and prints a summary.
 * Exit codes: 0 done, 1 input to fix (message names file and line), 2 unexpected failure.
 */
import { InputError } from '../src/lib/ingest/errors.ts';
import { ingest, type IngestReport } from '../src/lib/ingest/ingest.ts';

function summary(report: IngestReport): string {
  const { plan } = report;
  const moved = plan.writes.filter((write) => write.movedFrom).length;
  const lines = [
    `Read ${report.listings.length} listings: ${report.listings.map(({ listing, papers }) => `${listing} ${papers}`).join(', ')}`,
    `${report.listedPapers} listed papers, ${report.papers.length} distinct (${report.listedPapers - report.papers.length} duplicates merged)`,
    `Themes: ${report.themes.map(({ theme, papers }) => `${theme.id} ${papers}`).join(', ')}`,
    `Entries: ${plan.writes.length - moved} written, ${moved} moved, ${plan.unchanged} unchanged`,
  ];
  if (plan.orphans.length > 0) {
    lines.push(`${plan.orphans.length} entries match no listed paper and were left in place: ${plan.orphans.map((orphan) => orphan.path).join(', ')}`);
  }
  for (const warning of report.warnings) lines.push(`warning: seeds/${warning.listing}:${warning.line}: ${warning.message}`);
  return lines.join('\n');
}

try {
  console.log(summary(await ingest({ seedsDir: 'seeds', contentDir: 'content' })));
} catch (error) {
  if (error instanceof InputError) {
    console.error(`ingest: ${error.message}`);
    process.exitCode = 1;
  } else {
    console.error('ingest failed unexpectedly:', error);
    process.exitCode = 2;
  }
}
