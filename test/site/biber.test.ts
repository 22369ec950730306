/**
 * The BibTeX files checked by biber itself (Debian's `biber`, which `.ci/run`
 * installs): it reads them with btparse, BibTeX's own grammar, and checks each
 * entry against biblatex's data model.
 */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, expect, inject, test } from 'vitest';
import { readPaperEntries, readThemes } from '../setup/content.ts';
import { parseBibtex } from '../setup/bibtex.ts';
import { removeTempDirs, tempDir } from '../setup/temp-dirs.ts';

const dist = inject('siteDirs')['root'] as string;
const papers = await readPaperEntries(inject('repoRoot'));
const themes = await readThemes(inject('repoRoot'));

afterAll(removeTempDirs);

/** biber's report on one file: its warnings and errors, one per line. */
async function biber(file: string): Promise<string[]> {
  const dir = await tempDir('reading-list-biber-');
  const run = spawnSync('biber', ['--tool', '--validate-datamodel', '--nolog', '--output-file', join(dir, 'out.bib'), file], { encoding: 'utf8' });
  if (run.error) throw new Error(`biber did not run (${run.error.message}): install it with apt-get install biber`);
  expect(run.status, run.stdout + run.stderr).toBe(0);
  return `${run.stdout}${run.stderr}`.split('\n').filter((line) => /^(WARN|ERROR)/.test(line));
}

/** biblatex wants a date on every entry; a paper whose listings give no year has none, and no year is invented. */
const missingYear = (key: string) => new RegExp(`^WARN - Datamodel: Entry '${key}' \\(.*\\): Missing mandatory field - one of 'date, year' must be defined$`);

test.each(['papers.bib', ...themes.map((theme) => `themes/${theme.id}.bib`)])('biber reads %s with no error, warning only about unknown years', async (file) => {
  const path = join(dist, file);
  const entries = parseBibtex(await readFile(path, 'utf8'));
  const report = await biber(path);
  const undated = entries.filter((entry) => !entry.fields.has('year')).map((entry) => entry.key);
  const unexpected = report.filter((line) => !undated.some((key) => missingYear(key).test(line)));
  expect(unexpected).toEqual([]);
  expect(report).toHaveLength(undated.length);
});

test('papers.bib gives a year to exactly the papers whose year is known', async () => {
  const entries = parseBibtex(await readFile(join(dist, 'papers.bib'), 'utf8'));
  expect(entries).toHaveLength(papers.length);
  expect(entries.filter((entry) => entry.fields.has('year'))).toHaveLength(papers.filter((paper) => paper.date).length);
});
