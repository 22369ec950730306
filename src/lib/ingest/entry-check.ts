/**
 * Whether a file under content/papers/ is an entry at all. A file that is not would be taken
 * for a hand-written entry (it names no listing), and its paper given a second entry beside
 * it: an annotated entry whose opening `---` was deleted, say. Ingest stops on it instead.
 */
import { CURATOR_FIELDS, CURATOR_SYNONYMS, curatorProblems } from '../curator.ts';
import { InputError } from './errors.ts';
import { fieldLine, type EntryFile } from './entry.ts';
import { GENERATED_FIELDS } from './fields.ts';
import { nearMiss } from './known-keys.ts';
import type { Warning } from './types.ts';

/** A line of YAML front matter: a top-level `key:`, or what is indented or listed under one. */
const FIELD_LINE = /^(?:[A-Za-z][\w-]*:(?:\s|$)|\s+\S|-\s)/;
/** A field an entry's front matter holds, which a note or an abstract line hardly starts with. */
const ENTRY_KEY = new RegExp(`^(?:${[...GENERATED_FIELDS, 'pinned'].join('|')}):(?:\\s|$)`);

/**
 * The line of the first `---` in `text` that closes lines of front matter fields, counted from
 * `firstLine`: what a front matter left in the body looks like. Undefined when there is none.
 */
function strayFrontmatterEnd(text: string, firstLine: number): number | undefined {
  const lines = text.split(/\r?\n/);
  const isRule = (line: string) => line.trimEnd() === '---';
  // A front matter pasted whole into the body starts with its own `---`.
  const start = isRule(lines[0] ?? '') ? 1 : 0;
  const end = lines.findIndex((line, index) => index >= start && isRule(line));
  if (end === -1) return undefined;
  const before = lines.slice(start, end).filter((line) => line.trim() !== '');
  return before.some((line) => ENTRY_KEY.test(line)) && before.every((line) => FIELD_LINE.test(line)) ? firstLine + end : undefined;
}

/** Stops on a file that is not a valid entry, naming its line and the fix; `source` is its text, `file` names it. */
export function checkEntry(source: string, entry: EntryFile, file: string): void {
  const text = source.replace(/^\uFEFF/, '');
  if (!/^---\s*\n/.test(text)) {
    const end = strayFrontmatterEnd(text, 1);
    if (end !== undefined) throw new InputError(file, 1, `the front matter has lost its opening \`---\` (its fields end at line ${end}): add a \`---\` line at the top of the file`);
    throw new InputError(file, 1, 'not an entry: it has no front matter. An entry starts with a `---` line, its fields (at least `title:` and `themes:`), and a `---` line (docs/entries.md); move other files out of content/papers/');
  }
  const bodyLine = 3 + (entry.frontmatter.match(/\n/g)?.length ?? 0);
  const stray = strayFrontmatterEnd(entry.body, bodyLine);
  if (stray !== undefined) {
    throw new InputError(file, bodyLine, `the body starts with front matter fields, ended by a \`---\` at line ${stray}: a second or damaged front matter. Move its fields into the front matter above, or remove them`);
  }
  const title = entry.data['title'];
  if (title === undefined || title === null) throw new InputError(file, 1, 'the front matter has no `title:`: add the paper\'s title (`title: …`)');
  if (typeof title !== 'string' || title.trim() === '') throw new InputError(file, fieldLine(entry, 'title'), '`title:` must be text: write the title, in quotes if it is a number or a date');
}

/**
 * Every bad value of the entry's curator fields, each naming its line and the fix. Ingest
 * gathers them over all entries before it stops: a curator who upgrades may have many to fix.
 * The site's schema would stop `astro build` on them too, but after ingest and without the line.
 */
export function curatorErrors(entry: EntryFile, file: string): InputError[] {
  return curatorProblems(entry.data).map(
    (problem) => new InputError(file, fieldLine(entry, problem.field), `${problem.message} (docs/entries.md, "The curator's fields")`),
  );
}

/** Fields the site reads from an entry; any other is the user's own, kept and ignored. */
const SITE_FIELDS: ReadonlySet<string> = new Set([...GENERATED_FIELDS, 'pinned', 'hidden', ...CURATOR_FIELDS]);

/**
 * A warning for each field of the entry that looks like a mistyped curator field (`tag:`,
 * `Rating:`, `picked:`, `stars:`), which the site would otherwise ignore without a word.
 * Fields far from the four curator fields are the user's own and are not mentioned.
 */
export function curatorKeyWarnings(entry: EntryFile, file: string): Warning[] {
  return Object.keys(entry.data).flatMap((key) => {
    if (SITE_FIELDS.has(key)) return [];
    const meant = CURATOR_SYNONYMS[key.toLowerCase()] ?? nearMiss(key, CURATOR_FIELDS);
    if (meant === undefined) return [];
    return [{ file, line: fieldLine(entry, key), message: `\`${key}\` is not a field the site reads, so it is ignored (did you mean \`${meant}\`?); the curator's fields are ${CURATOR_FIELDS.join(', ')} (docs/entries.md)` }];
  });
}
