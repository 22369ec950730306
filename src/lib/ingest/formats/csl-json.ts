/**
 * CSL-JSON `.json` files (Zotero's "CSL JSON" export, Manubot, Pandoc): a list of CSL items,
 * each corrected by Citation.js' CSL cleaner (names given as strings, numbers as strings...).
 * A `.json` that is not such a list fails: it is some other file dropped in seeds/.
 */
import { clean } from '@citation-js/core/lib/plugins/input/csl.js';
import { InputError } from '../errors.ts';
import type { ListedPaper, ParsedListing, Warning } from '../types.ts';
import { cslToPaper } from './csl-paper.ts';

/** The 1-based line of each element of the top-level array, found without a second parser: strings skipped, brackets counted. */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let expectValue = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === '\n') line++;
    else if (char === '"') {
      if (depth === 1 && expectValue) lines.push(line);
      expectValue = false;
      for (index++; index < text.length && text[index] !== '"'; index++) if (text[index] === '\\') index++;
    } else if (char === '[' || char === '{') {
      if (depth === 1 && expectValue) lines.push(line);
      expectValue = false;
      depth++;
      if (depth === 1) expectValue = char === '[';
    } else if (char === ']' || char === '}') depth--;
    else if (char === ',' && depth === 1) expectValue = true;
    else if (depth === 1 && expectValue && !/\s/.test(char)) {
      lines.push(line);
      expectValue = false;
    }
  }
  return lines;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `text`, a CSL-JSON file named `file`, to its papers; anything else fails with an InputError naming `shownFile`. */
export function parseCslJson(text: string, file: string, shownFile: string = file): ParsedListing {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(shownFile, undefined, `this is not JSON, so not CSL-JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(data)) throw new InputError(shownFile, 1, 'this JSON is not CSL-JSON: CSL-JSON is a list of items ([{ "id": …, "type": …, "title": … }, …])');
  const lines = elementLines(text);
  const warnings: Warning[] = data.length === 0 ? [{ file, line: 1, message: 'an empty list of CSL items: it lists no paper' }] : [];
  const papers: ListedPaper[] = [];
  data.forEach((item: unknown, index) => {
    const line = lines[index] ?? 1;
    if (!isObject(item) || (item['id'] === undefined && item['type'] === undefined)) {
      throw new InputError(shownFile, line, `item ${index + 1} is not a CSL item (an object with an "id" and a "type"), so this is not CSL-JSON`);
    }
    const key = typeof item['id'] === 'string' || typeof item['id'] === 'number' ? String(item['id']) : undefined;
    // The date as written, for the year checks of cslToPaper: the cleaner reads "2014a" as 2014 unsaid.
    const [cleaned] = clean([item]);
    const result = cslToPaper({ ...cleaned, ...(item['issued'] !== undefined && { issued: item['issued'] }) }, { source: { listing: file, line, ...(key !== undefined && { key }) } });
    warnings.push(...result.warnings);
    if (result.paper) papers.push(result.paper);
  });
  return { listing: file, papers, warnings };
}
