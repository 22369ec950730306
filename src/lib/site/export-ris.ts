/**
 * RIS records of the papers: Citation.js maps each CSL item to RIS tags, the site writes
 * them out. Citation.js's own writer wraps values every 70 characters (RIS has no
 * continuation lines: importers join them with a space or a newline, so a word cut in two
 * stays cut) and cuts `ID` to 20 characters (so two keys could clash); here each value is
 * one line and each ID is the paper's unique RIS ID (`risIds` in citation-keys.ts).
 */
import { formatCsl } from './citation-js.ts';
import type { CslItem } from './csl.ts';

/** One record as Citation.js's RIS writer returns it with `format: 'object'`: tag -> value(s). */
type RisRecord = Record<string, string | number | (string | number)[]>;

/** A value on one line: a line break (or another control character) would end it early in a reader. */
function oneLine(value: string | number): string {
  return String(value)
    .replace(/[\u0000-\u001F\u007F-\u009F]+/g, ' ')
    .trim();
}

/** The RIS record of each item (`ids`: citation key -> RIS ID), in the order given, each ending with a newline. */
export function risRecords(items: readonly CslItem[], ids: ReadonlyMap<string, string>): string[] {
  const records = formatCsl('ris', items, { format: 'object' }) as RisRecord[];
  return records.map((record, i) => {
    const item = items[i];
    const id = ids.get(item.id);
    if (!id) throw new Error(`no RIS ID for ${item.id}`);
    // Citation.js splits the keyword list on commas and keeps the spaces after them: one KW per keyword.
    const { TY, ID: _truncated, KW: _split, ...tags } = record;
    const lines = [`TY  - ${oneLine(String(TY))}`, `ID  - ${id}`];
    for (const keyword of item.keyword?.split(',') ?? []) lines.push(`KW  - ${oneLine(keyword)}`);
    for (const [tag, value] of Object.entries(tags)) {
      for (const one of [value].flat()) lines.push(`${tag}  - ${oneLine(one)}`);
    }
    lines.push('ER  - ');
    return `${lines.join('\n')}\n`;
  });
}

/** A whole .ris file: the records, a blank line between two. */
export function risFile(records: readonly string[]): string {
  return records.join('\n');
}
