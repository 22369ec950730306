/**
 * RIS `.ris` files (Zotero, Mendeley, EndNote, publishers' "export citation"), read record by
 * record with Citation.js' RIS reader: a record it cannot read is named and left out.
 */
import { parse as parseRisText, parseMixed } from '@citation-js/plugin-ris/lib/ris.js';
import { InputError } from '../errors.ts';
import type { ListedPaper, ParsedListing, Warning } from '../types.ts';
import { cslToPaper } from './csl-paper.ts';

/** A record's first line; Citation.js' own test for a tag line, less strict on the spaces around `-`. */
const RECORD_START = /^\s*TY {2}-/;
const TAG_LINE = /^\s*[A-Z][A-Z0-9] {2}-( |$)/;

/** `text`, a RIS file named `file`, to its papers; not RIS at all fails with an InputError naming `shownFile`. */
export function parseRis(text: string, file: string, shownFile: string = file): ParsedListing {
  const lines = text.split(/\r\n|\r|\n/);
  const starts = lines.flatMap((line, index) => (RECORD_START.test(line) ? [index] : []));
  if (starts.length === 0) throw new InputError(shownFile, undefined, 'this is not a RIS file: no record starts with "TY  - "');
  const strays = lines.slice(0, starts[0]).findIndex((line) => TAG_LINE.test(line));
  const warnings: Warning[] = [];
  if (strays !== -1) warnings.push({ file, line: strays + 1, message: 'RIS tags before the first "TY  - " belong to no record and are ignored' });
  const papers: ListedPaper[] = [];
  starts.forEach((start, index) => {
    const line = start + 1;
    const record = lines.slice(start, starts[index + 1] ?? lines.length).join('\n');
    let item: Record<string, unknown>;
    try {
      const [fields] = parseRisText(record);
      item = parseMixed(fields!);
      // The DOI as written: Citation.js drops one it finds malformed unsaid, cslToPaper says so.
      const doi = [fields!['DO'] ?? []].flat()[0];
      if (doi !== undefined) item['DOI'] = doi;
      // Citation.js reads `PY` for some record types only (not `CONF`): the date as written otherwise.
      const date = [fields!['PY'] ?? fields!['Y1'] ?? fields!['DA'] ?? []].flat()[0];
      if (item['issued'] === undefined && date !== undefined) item['issued'] = { raw: date.replace(/\/+$/, '') };
    } catch (error) {
      warnings.push({ file, line, message: `the record starting here is left out: Citation.js cannot read it (${String((error as Error).message).split('\n')[0]})` });
      return;
    }
    const key = typeof item['id'] === 'string' && item['id'] !== '' ? item['id'] : undefined;
    const result = cslToPaper(item, { source: { listing: file, line, ...(key !== undefined && { key }) } });
    warnings.push(...result.warnings);
    if (result.paper) papers.push(result.paper);
  });
  return { listing: file, papers, warnings };
}
