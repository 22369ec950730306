/**
 * BibTeX and BibLaTeX `.bib` files, read with Citation.js' own BibLaTeX reader (`@biblatex/text`'s
 * grammar and entry mapping: BibTeX's `@bibtex/text` drops abstracts and `date`).
 *
 * The files of seeds/ are read together, since they depend on each other:
 * - a file of only `@string`/`@preamble` is a string file: its macros are available to every
 *   other `.bib`, and it lists no paper;
 * - `crossref` is resolved across all of them; an entry others point to with `crossref` is a
 *   volume they are in (proceedings, a book), not a paper of the list (BibTeX's own rule lists
 *   it only when cited itself).
 *
 * Each entry is parsed alone, so that one broken entry (a missing comma, an unbalanced brace)
 * loses only itself; finding where entries start and end is one cheap pass over the text.
 */
import { bibtexGrammar, parse as parseBibtexText, type RawBibtexEntry } from '@citation-js/plugin-bibtex/lib/input/file.js';
import { parse as parseBibtexEntries } from '@citation-js/plugin-bibtex/lib/input/entries.js';
import { parse as parseBibtexValue } from '@citation-js/plugin-bibtex/lib/input/value.js';
import * as citationTex from '@citation-js/plugin-bibtex/lib/input/constants.js';
import { counted } from '../counted.ts';
import type { ListedPaper, ParsedListing, Warning } from '../types.ts';
import { cslToPaper, type CslItem } from './csl-paper.ts';
import { convertTex } from './tex.ts';

export interface BibliographyText {
  /** The file's name in seeds/. */
  name: string;
  text: string;
}

type ItemKind = 'entry' | 'string' | 'preamble' | 'comment';

/** One `@…` of a file: where it starts, and its text from `@` to its closing delimiter. */
interface Item {
  kind: ItemKind;
  line: number;
  /** The key as written after the opening delimiter, for messages (entries only). */
  key?: string;
  /** An entry written without a key (EndNote's `@article{` then its fields): read under a stand-in one. */
  keyless?: boolean;
  text: string;
  /** Why the item cannot be read as it stands. */
  fault?: string;
}

/** An entry's start: `@type{` or `@type(` at the start of a line, as every exporter writes it. */
const ITEM_START = /^[ \t\uFEFF]*@[ \t]*([A-Za-z]+)[ \t]*([{(])/gm;
const KEY_AFTER_DELIMITER = /^[ \t\r\n]*([^,\s{}()=]+)/;
/** A field where the key should be: the entry has none. */
const FIELD_AFTER_DELIMITER = /^[ \t\r\n]*[A-Za-z][\w-]*[ \t]*=/;
/** The key an entry without one is read under; the paper gets none. */
const STAND_IN_KEY = 'entry-without-key';

const kindOf = (type: string): ItemKind => {
  const lower = type.toLowerCase();
  return lower === 'string' || lower === 'preamble' || lower === 'comment' ? lower : 'entry';
};

/**
 * Where the item starting with `open` at `from` closes, counting braces as Citation.js' lexer
 * does (`\{` and `\}` are escaped); -1 when it does not close before `end`.
 */
function closingAt(text: string, from: number, end: number, open: string): number {
  let depth = 0;
  for (let index = from + 1; index < end; index++) {
    const char = text[index];
    if (char === '\\') index++;
    else if (char === '{') depth++;
    else if (char === '}') {
      if (depth === 0) return open === '{' ? index : -1;
      depth--;
    } else if (char === ')' && open === '(' && depth === 0) return index;
  }
  return -1;
}

/** The file's items in order; text outside them is what BibTeX ignores too (comments, notes). */
function splitItems(text: string, file: string, warnings: Warning[]): Item[] {
  const starts = [...text.matchAll(ITEM_START)];
  const items: Item[] = [];
  let line = 1;
  let counted = 0;
  const lineAt = (offset: number) => {
    for (let index = text.indexOf('\n', counted); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
    counted = Math.max(counted, offset);
    return line;
  };
  starts.forEach((start, index) => {
    const at = start.index + start[0].indexOf('@');
    const open = start.index + start[0].length - 1;
    const end = starts[index + 1]?.index ?? text.length;
    const kind = kindOf(start[1]!);
    const itemLine = lineAt(at);
    if (kind === 'comment') return;
    const head = text.slice(open + 1, Math.min(end, open + 300));
    const keyless = kind === 'entry' && FIELD_AFTER_DELIMITER.test(head);
    const key = kind === 'entry' && !keyless ? KEY_AFTER_DELIMITER.exec(head)?.[1] : undefined;
    const close = closingAt(text, open, end, start[2]!);
    if (close === -1) {
      const next = index + 1 < starts.length ? `the next entry (line ${lineAt(end)})` : 'the end of the file';
      items.push({ kind, line: itemLine, ...(key !== undefined && { key }), text: '', fault: `its braces do not balance: it does not end before ${next}` });
      return;
    }
    const itemText = keyless ? `${text.slice(at, open + 1)}${STAND_IN_KEY},${text.slice(open + 1, close + 1)}` : text.slice(at, close + 1);
    items.push({ kind, line: itemLine, ...(key !== undefined && { key }), ...(keyless && { keyless }), text: itemText });
    // A field after the closing brace is one an extra `}` cut off: BibTeX would drop it unsaid.
    const after = text.slice(close + 1, end).replace(/^[ \t]*%.*$/gm, '');
    if (/=/.test(after)) {
      warnings.push({ file, line: lineAt(close + 1 + text.slice(close + 1, end).search(/\S/)), message: `text after the end of ${key === undefined ? `the @${start[1]}` : `entry "${key}"`} is ignored: an extra "}" in it?` });
    }
  });
  return items;
}

/**
 * A table of `@string` macros that records the names asked for and not defined:
 * Citation.js reads an undefined macro as empty, without a word.
 */
class Macros {
  /** What Citation.js' grammar reads and writes (a `@string` defines into `defined`). */
  readonly table: Record<string, string>;
  private readonly defined: Record<string, string>;
  /** Undefined names asked for since the last `take()`. */
  private readonly missing = new Set<string>();

  constructor(defined: Record<string, string>) {
    this.defined = defined;
    const missing = this.missing;
    // The grammar deep-copies its state for each parse, unless the object's `constructor` is not
    // a plain Object's: reading none keeps this one table, and its definitions, across entries.
    this.table = new Proxy(defined, {
      get(target, name) {
        if (typeof name !== 'string' || name === 'constructor') return undefined;
        if (!(name in target)) missing.add(name);
        return target[name];
      },
    });
  }

  /** BibTeX's predefined macros (month names, journal abbreviations). */
  static predefined(): Macros {
    return new Macros(Object.assign(Object.create(null) as Record<string, string>, citationTex.defaultStrings));
  }

  /** A table for one file: these macros, with the file's own defined on top of them, not into them. */
  forFile(): Macros {
    return new Macros(Object.create(this.defined) as Record<string, string>);
  }

  /** The undefined names asked for since the last call. */
  take(): string[] {
    const names = [...this.missing];
    this.missing.clear();
    return names;
  }

  /** Reads `text` (one item) with these macros as the ones it starts from. */
  read(text: string): RawBibtexEntry[] {
    const previous = bibtexGrammar.defaultState;
    bibtexGrammar.defaultState = { strings: this.table };
    try {
      return parseBibtexText(text);
    } finally {
      bibtexGrammar.defaultState = previous;
    }
  }
}

/** An entry read from a file, its macros expanded. */
interface RawEntry {
  raw: RawBibtexEntry;
  file: string;
  line: number;
  /** The citation key, unless the entry has none. */
  key?: string;
}

const describe = (item: Pick<Item, 'kind' | 'key'>) => (item.kind === 'entry' ? (item.key === undefined ? 'an entry' : `entry "${item.key}"`) : `a @${item.kind}`);

/** The grammar's complaint, its line made the file's: `expected "comma", got "label" at line 2 col 9`. */
function syntaxFault(error: unknown, itemLine: number): { line: number; reason: string } {
  const first = String((error as Error).message ?? error).split('\n')[0]!;
  const at = / at line (\d+) col \d+:?$/.exec(first);
  const line = at ? itemLine + Number(at[1]) - 1 : itemLine;
  const reason = at ? first.slice(0, at.index) : first;
  const hint = /expected "comma"/.test(reason) ? ': is a comma missing?' : /expected "(rbrace|equals)"/.test(reason) ? ': is a brace, a quote or an = missing?' : '';
  return { line, reason: `${reason}${hint}` };
}

/**
 * The items of one file read with `macros`: entries, and into `macros` the `@string` definitions.
 * An item that cannot be read is named in a warning and left out; undefined macros are counted per file.
 */
function readItems(items: readonly Item[], file: string, macros: Macros, warnings: Warning[]): RawEntry[] {
  const entries: RawEntry[] = [];
  const undefinedNames = new Set<string>();
  let affected = 0;
  let firstAffected: number | undefined;
  for (const item of items) {
    if (item.fault !== undefined) {
      warnings.push({ file, line: item.line, message: `${describe(item)} is left out: ${item.fault}; the file's other entries are read` });
      continue;
    }
    let read: RawBibtexEntry[];
    try {
      read = macros.read(item.text);
    } catch (error) {
      macros.take();
      const fault = syntaxFault(error, item.line);
      warnings.push({ file, line: fault.line, message: `${describe(item)} (line ${item.line}) is left out: it is not valid BibTeX (${fault.reason}); the file's other entries are read` });
      continue;
    }
    const missing = macros.take();
    if (missing.length > 0) {
      affected++;
      firstAffected ??= item.line;
      for (const name of missing) undefinedNames.add(name);
    }
    const [entry] = read;
    if (item.kind === 'entry' && entry) entries.push({ raw: entry, file, line: item.line, ...(!item.keyless && { key: entry.label }) });
  }
  if (firstAffected !== undefined) {
    const shown = listed([...undefinedNames]);
    warnings.push({
      file,
      line: firstAffected,
      message: `${counted(affected, 'entry uses', 'entries use')} @string macros that no .bib in seeds/ defines, read as empty text (an author, a journal lost): ${shown}. Put the file that defines them in seeds/ (a .bib of only @string is read as macros, not papers)`,
    });
  }
  return entries;
}

/** Fields whose text is not TeX: left as written. */
const VERBATIM = new Set(['url', 'doi', 'eprint', 'crossref']);
/**
 * The fields a paper is made of, and those Citation.js' mapping reads to make them (a venue from
 * `booktitle`, a type from `entrysubtype`): only these are converted, most of the time of a
 * large file going to values no paper shows (pages, publisher, editor, notes).
 */
const READ_FIELDS = new Set([
  ...VERBATIM, 'title', 'subtitle', 'titleaddon', 'author', 'journal', 'journaltitle', 'journalsubtitle', 'booktitle', 'booksubtitle', 'maintitle', 'issuetitle',
  'year', 'date', 'month', 'abstract', 'number', 'entrysubtype', 'language', 'eprinttype', 'archiveprefix',
]);
/**
 * Stands in for `<` while Citation.js converts TeX, which marks italics and the like with
 * `<i>`…: what is left between `<` and `>` afterwards is its markup, dropped; titles are text.
 */
const LESS_THAN = '\uFDD0';
/** Commands Citation.js converts itself (accents, `\emph`, Greek letters, environments...). */
const citationKnows = (name: string) =>
  name === 'begin' ||
  name === 'end' ||
  [citationTex.commands, citationTex.mathCommands, citationTex.diacritics, citationTex.formattingCommands, citationTex.formattingEnvs, citationTex.argumentCommands].some((table) => Object.hasOwn(table, name));

interface Prepared {
  entry: RawBibtexEntry;
  /** Commands neither Citation.js nor the TeX table knows, per field. */
  unknown: Record<string, string[]>;
  /** The abstract, when it holds nothing TeX would change: kept out of Citation.js (below). */
  plainAbstract?: string;
}

/**
 * Text in which Citation.js' TeX reader changes nothing but runs of white space: no command,
 * group, math, tie or ligature (`--`, `''`, ``` `` ```). Its reader goes word by word, about
 * 0.3 ms for a 1,200-character abstract: 1.6 s of a 5,000-entry Zotero export with abstracts.
 */
const isPlain = (text: string) => !/[\\{}$~]|--|''|``/.test(text);

/**
 * `^x` and `_x` in math with their one-character argument braced, as TeX reads them:
 * Citation.js takes the whole word after the script for it (`$O(n^2)$` -> `O(n²⁾`).
 */
const bracedScripts = (text: string) => (text.includes('$') ? text.replace(/\$[^$]*\$/g, (math) => math.replace(/([\^_])([^{\\\s])/g, '$1{$2}')) : text);

/**
 * An accent written with a doubled backslash (`S{\\\\'e}bastien`, as some scripts escape `\\` once
 * more): `\\\\` is a line break, which has no place before an accent's sign; the accent is meant.
 */
const mendedAccents = (text: string) => (text.includes('\\\\') ? text.replace(/\\\\(?=['`^"~=.])/g, '\\') : text);

/** The entry with TeX Citation.js does not know converted first (it would drop the backslash and braces: `\hspace0pt`). */
function prepared(entry: RawBibtexEntry, crossref: string | undefined): Prepared {
  const properties: Record<string, string | number> = {};
  const unknown: Record<string, string[]> = {};
  for (const [field, value] of Object.entries(entry.properties)) {
    if (!READ_FIELDS.has(field)) continue;
    if (typeof value !== 'string' || VERBATIM.has(field)) {
      properties[field] = value;
      continue;
    }
    if (field === 'abstract' && isPlain(value)) continue;
    const converted = convertTex(bracedScripts(lessThanKept(mendedAccents(value))), citationKnows);
    properties[field] = converted.text;
    if (converted.unknown.length > 0) unknown[field] = converted.unknown;
  }
  if (crossref !== undefined) properties['crossref'] = crossref;
  const abstract = entry.properties['abstract'];
  const plainAbstract = typeof abstract === 'string' && !('abstract' in properties) ? abstract : undefined;
  return { entry: { ...entry, properties }, unknown, ...(plainAbstract !== undefined && { plainAbstract }) };
}

/**
 * Every `<` of a text, typed or as `\textless` (what BibTeX writers, ours included, write for it), as
 * LESS_THAN: Citation.js turns `\textless` into `<`, which `untagged` would take for the start of its markup.
 */
const lessThanKept = (text: string) => text.replace(/\\textless(?![A-Za-z])(?:\s*\{\})?/g, LESS_THAN).replaceAll('<', LESS_THAN);

/** Names in a warning: the first 20, and how many more. */
const listed = (names: readonly string[]) => (names.length > 20 ? `${names.slice(0, 20).join(', ')} and ${names.length - 20} more` : names.join(', '));

/** Citation.js' markup out of every text of an item, `<` back. */
function untagged<T>(value: T): T {
  if (typeof value === 'string') return (value.includes('<') || value.includes(LESS_THAN) ? value.replace(/<[^<>]*>/g, '').replaceAll(LESS_THAN, '<') : value) as T;
  if (Array.isArray(value)) return value.map(untagged) as T;
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, untagged(inner)])) as T;
  return value;
}

const stringField = (entry: RawBibtexEntry, field: string): string | undefined => {
  const value = entry.properties[field];
  return value === undefined ? undefined : String(value);
};

/** arXiv ids CSL has no field for: `eprint` with `archiveprefix = {arXiv}` or `eprinttype = {arxiv}`, `arxivId`. */
function arxivCandidates(entry: RawBibtexEntry): (string | undefined)[] {
  const archive = stringField(entry, 'archiveprefix') ?? stringField(entry, 'eprinttype') ?? '';
  return [/^arxiv$/i.test(archive.trim()) ? stringField(entry, 'eprint') : undefined, stringField(entry, 'arxivid'), stringField(entry, 'arxiv'), stringField(entry, 'journal'), stringField(entry, 'journaltitle')];
}

/** CSL items for `list`, in order; an entry whose field values Citation.js cannot read is undefined, and named. */
function toCsl(list: readonly RawBibtexEntry[], owners: readonly RawEntry[], warnings: Warning[]): (CslItem | undefined)[] {
  try {
    return parseBibtexEntries([...list]);
  } catch {
    // Read alone, each with the volumes it points to (they follow the file's own entries in `list`).
    const volumes = list.slice(owners.length);
    return owners.map((owner, index) => {
      try {
        return parseBibtexEntries([list[index]!, ...volumes])[0];
      } catch (error) {
        const reason = String((error as Error).message).split('\n')[0]!.replace(/ at line \d+ col \d+:?$/, '');
        warnings.push({ file: owner.file, line: owner.line, message: `${entryName(owner)} is left out: a field's TeX cannot be read (${reason}: a $ or a \\begin not closed?)` });
        return undefined;
      }
    });
  }
}

const entryName = (entry: RawEntry) => (entry.key === undefined ? `the entry at line ${entry.line}` : `entry "${entry.key}"`);

/**
 * The keywords as the entry lists them: BibLaTeX separates them with `,`, Qiqqa with `;`, and a
 * braced one holds its own (`{Kuhn, Thomas}`), which Citation.js' list, joined with `,`, loses.
 */
function keywordsOf(entry: RawBibtexEntry): string[] | undefined {
  const written = stringField(entry, 'keywords');
  if (written === undefined) return undefined;
  const pieces: string[] = [];
  let depth = 0;
  let from = 0;
  for (let index = 0; index < written.length; index++) {
    const char = written[index];
    if (char === '\\') index++;
    else if (char === '{') depth++;
    else if (char === '}') depth--;
    else if (depth === 0 && (char === ',' || char === ';')) {
      pieces.push(written.slice(from, index));
      from = index + 1;
    }
  }
  pieces.push(written.slice(from));
  return pieces.map((piece) => piece.trim()).filter(Boolean).map(keywordText);
}

/** One keyword's TeX as text; one Citation.js cannot read (a `$` split off by a separator in math) is kept as written. */
function keywordText(keyword: string): string {
  if (isPlain(keyword)) return keyword;
  try {
    return untagged(parseBibtexValue(convertTex(lessThanKept(keyword), citationKnows).text, 'keywords').join(', '));
  } catch {
    return keyword;
  }
}

/** Whether a file is a string file: `@string`/`@preamble` only, no entry. */
const isStringFile = (items: readonly Item[]) => items.length > 0 && items.every((item) => item.kind === 'string' || item.kind === 'preamble');

/**
 * Every `.bib` of seeds/, read together (see the module's comment), each to the papers it lists
 * and its warnings, in the order given.
 */
export function parseBibliographies(files: readonly BibliographyText[]): ParsedListing[] {
  const warningsOf = new Map(files.map(({ name }) => [name, [] as Warning[]]));
  const itemsOf = new Map(files.map(({ name, text }) => [name, splitItems(text, name, warningsOf.get(name)!)]));
  const stringFiles = new Set(files.filter(({ name }) => isStringFile(itemsOf.get(name)!)).map(({ name }) => name));

  const shared = Macros.predefined();
  for (const name of stringFiles) readItems(itemsOf.get(name)!, name, shared, warningsOf.get(name)!);
  const entriesOf = new Map(
    files.filter(({ name }) => !stringFiles.has(name)).map(({ name }) => [name, readItems(itemsOf.get(name)!, name, shared.forFile(), warningsOf.get(name)!)]),
  );

  // BibTeX's keys are case-insensitive in `crossref`; the first definition of a key wins, as in BibTeX.
  const byKey = new Map<string, RawEntry>();
  for (const entries of entriesOf.values()) for (const entry of entries) if (!byKey.has(entry.raw.label.toLowerCase())) byKey.set(entry.raw.label.toLowerCase(), entry);
  const parentOf = (entry: RawEntry) => {
    const crossref = stringField(entry.raw, 'crossref')?.trim().toLowerCase();
    return crossref === undefined || crossref === '' ? undefined : byKey.get(crossref);
  };
  const volumes = new Set<RawEntry>();
  for (const entries of entriesOf.values()) {
    for (const entry of entries) {
      const parent = parentOf(entry);
      if (parent && parent !== entry) volumes.add(parent);
    }
  }

  return files.map(({ name }) => {
    const warnings = warningsOf.get(name)!;
    const entries = entriesOf.get(name) ?? [];
    const external: RawEntry[] = [];
    const missingTargets = new Set<string>();
    for (const entry of entries) {
      const crossref = stringField(entry.raw, 'crossref')?.trim();
      if (crossref && !parentOf(entry)) missingTargets.add(crossref);
      for (let parent = parentOf(entry), depth = 0; parent && depth < 8; parent = parentOf(parent), depth++) {
        if (parent.file !== name && !external.includes(parent)) external.push(parent);
      }
    }
    const canonical = (entry: RawEntry) => parentOf(entry)?.raw.label;
    const ready = [...entries, ...external].map((entry) => prepared(entry.raw, canonical(entry)));
    const csl = toCsl(ready.map(({ entry }) => entry), entries, warnings);

    const papers: ListedPaper[] = [];
    const volumeKeys: string[] = [];
    // Where each key was first used in this file (BibTeX compares keys without case).
    const keyLines = new Map<string, number>();
    entries.forEach((entry, index) => {
      if (volumes.has(entry)) {
        volumeKeys.push(entry.key ?? `line ${entry.line}`);
        return;
      }
      const item = csl[index];
      if (!item) return;
      // The date as written when it is not plain numbers (BibLaTeX's `date`, a year such as `2023a`).
      const year = stringField(entry.raw, 'year');
      const date = stringField(entry.raw, 'date') ?? (year !== undefined && !/^\d+$/.test(year.trim()) ? year : undefined);
      const { unknown, plainAbstract } = ready[index]!;
      // The address and DOI as written: Citation.js reads `~` in them as a space. DBLP escapes
      // `_` and `%` in addresses as TeX (`paper\_files`); a backslash has no place in one.
      const url = stringField(entry.raw, 'url')?.replace(/\\([_%&#$])/g, '$1');
      const doi = stringField(entry.raw, 'doi');
      const keywords = keywordsOf(entry.raw);
      const fields = { ...(plainAbstract !== undefined && { abstract: plainAbstract }), ...(url !== undefined && { URL: url }), ...(doi !== undefined && { DOI: doi }), keyword: keywords };
      const firstUse = entry.key === undefined ? undefined : keyLines.get(entry.key.toLowerCase());
      if (entry.key === undefined) {
        warnings.push({ file: name, line: entry.line, message: 'the entry at this line has no citation key (a field follows "{"): it is read as a paper without one' });
      } else if (firstUse !== undefined) {
        warnings.push({ file: name, line: entry.line, message: `entry "${entry.key}": the key of the entry at line ${firstUse} is used again here; both are papers of the list, this one without the key (a \\cite of it finds the first)` });
      } else keyLines.set(entry.key.toLowerCase(), entry.line);
      const result = cslToPaper({ ...untagged(item), ...fields }, {
        source: { listing: name, line: entry.line, ...(entry.key !== undefined && { key: entry.key }) },
        ...(date !== undefined && { dateText: date }),
        arxivCandidates: arxivCandidates(entry.raw),
        unknownTex: { ...(unknown['title'] && { title: unknown['title'] }), ...(unknown['abstract'] && { abstract: unknown['abstract'] }) },
      });
      warnings.push(...result.warnings);
      if (!result.paper) return;
      if (firstUse === undefined) papers.push(result.paper);
      else {
        const { citationKey: _used, ...paper } = result.paper;
        papers.push(paper);
      }
    });
    const firstLine = entries[0]?.line ?? 1;
    if (itemsOf.get(name)!.length === 0) warnings.push({ file: name, line: 1, message: 'no BibTeX entry (@type{key, …}) in this file: it lists no paper' });
    if (volumeKeys.length > 0) {
      warnings.push({ file: name, line: firstLine, message: `${counted(volumeKeys.length, 'entry is a volume', 'entries are volumes')} other entries point to with crossref (proceedings, books), for their venue and year; left out of the papers of the list: ${listed(volumeKeys)}` });
    }
    if (missingTargets.size > 0) {
      const targets = [...missingTargets];
      warnings.push({ file: name, line: firstLine, message: `crossref points to keys no .bib in seeds/ defines, so those entries lack the venue and year they would take from them: ${listed(targets)}` });
    }
    return { listing: name, papers, warnings: warnings.sort((a, b) => a.line - b.line) };
  });
}
