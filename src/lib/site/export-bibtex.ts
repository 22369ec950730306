/**
 * BibTeX entries of the papers, written by Citation.js from their CSL items (entry types,
 * names, dates, venues), valid for both BibTeX and biber.
 *
 * Entry text is plain text, never TeX: the site escapes it before Citation.js sees it
 * (which would otherwise pass `{`, `&` or `<i>` through as markup, or drop characters it
 * has no TeX command for). The LaTeX specials # $ % & _ become `{\#}` ..., and \ { } ~ ^ < >
 * become text commands (`\textbackslash{}`...), which keeps every value's braces balanced;
 * other characters, non-ASCII included, stay as they are (the files are UTF-8). In titles
 * each word holding a capital is wrapped in braces so styles do not lower-case it.
 */
import { formatCsl } from './citation-js.ts';
import { cslItem, type CitablePaper, type CslItem, type CslName } from './csl.ts';

const SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  // In braces: Citation.js's reader (the round trip, and other tools built on it) eats the space
  // after `\&`, so that `Smith, A \& and Doe, B` would be one name.
  '#': '{\\#}',
  $: '{\\$}',
  '%': '{\\%}',
  '&': '{\\&}',
  _: '{\\_}',
};

/**
 * Characters TeX tools choke on and that carry no text: C0/C1 controls (tab and line
 * ends become spaces), lone surrogates and noncharacters.
 */
const UNPRINTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Runs of whitespace to one space, unprintable characters dropped, trimmed. */
function clean(text: string): string {
  return text.replace(UNPRINTABLE, '').replace(/[\t\n\r ]+/g, ' ').trim();
}

/**
 * TeX's ligatures of plain characters: `--` and `---` are dashes, `''` and ``` `` ``` curly
 * quotes, `!`` and `?`` inverted marks, `,,` a low quote (T1). An empty group between the
 * two characters keeps them as typed.
 */
const LIGATURES = /([-'`,])(?=\1)|([!?])(?=`)/g;

/** `text` escaped for a brace-delimited BibTeX field value. */
export function escapeBibtex(text: string): string {
  return clean(text)
    .replace(/[\\{}~^<>#$%&_]/g, (char) => SPECIALS[char])
    .replace(LIGATURES, '$1$2{}');
}

/** A word: letters, combining marks and digits. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * A title for a BibTeX `title` field: escaped, and every word that holds a capital
 * letter wrapped in braces (`{LLM}`, `{Self}-{Play}`) so that it keeps its case.
 */
export function bibtexTitle(title: string): string {
  // Escapes never put word characters next to text except their command names, which
  // have no capitals and so are never wrapped.
  return escapeBibtex(title).replace(WORD, (word, offset: number, whole: string) => {
    if (!/\p{Lu}|\p{Lt}/u.test(word)) return word;
    if (offset > 0 && whole[offset - 1] === '\\') return word;
    return `{${word}}`;
  });
}

/** URLs and DOIs are verbatim for biblatex and url.sty: only what would unbalance the value or end it is encoded. */
function verbatim(text: string): string {
  return clean(text).replace(/[{}\\\s]/g, encodeURIComponent);
}

/** A part of a name as people have them: words of letters (`Jean-Paul`, `van der Berg`, `O'Brien`, `J.`). */
const PLAIN_NAME_PART = /^[\p{L}\p{M}'’.]+(?:[ -][\p{L}\p{M}'’.]+)*$/u;

/**
 * A part of a name (family or given), escaped; in braces whole unless it is plain words,
 * so that BibTeX's name grammar (commas, `and`, lower-case `von` words, hyphens) cannot
 * split or change it. biber counts even a comma braced alone (`{,}`): the whole part is.
 */
function escapeNamePart(part: string): string {
  const escaped = escapeBibtex(part);
  return PLAIN_NAME_PART.test(part) ? escaped : `{${escaped}}`;
}

function escapeName(name: CslName): CslName {
  // A literal name is written whole in braces (one name, never split).
  if ('literal' in name) return { literal: escapeBibtex(name.literal) };
  return { family: escapeNamePart(name.family), ...(name.given ? { given: escapeNamePart(name.given) } : {}) };
}

/** The item with its text already BibTeX, for Citation.js's writer to place without reading it. */
function escapedItem(item: CslItem): CslItem {
  return {
    ...item,
    ...(item.author ? { author: item.author.map(escapeName) } : {}),
    ...(item['container-title'] ? { 'container-title': escapeBibtex(item['container-title']) } : {}),
    ...(item.publisher ? { publisher: escapeBibtex(item.publisher) } : {}),
    ...(item.keyword ? { keyword: item.keyword.split(',').map(escapeBibtex).join(',') } : {}),
    ...(item.note ? { note: escapeBibtex(item.note) } : {}),
    ...(item.DOI ? { DOI: verbatim(item.DOI) } : {}),
    ...(item.URL ? { URL: verbatim(item.URL) } : {}),
  };
}

/** An entry as Citation.js's BibTeX writer returns it with `format: 'object'`. */
interface BibtexRecord {
  type: string;
  label: string;
  properties: Record<string, string>;
}

/** One entry per paper, keyed by slug, each ending with a newline. */
export function bibtexEntries(papers: readonly CitablePaper[], keys: ReadonlyMap<string, string>): Map<string, string> {
  const items = papers.map((paper) => cslItem(paper, keyOf(paper, keys)));
  const records = formatCsl('bibtex', items.map(escapedItem), { format: 'object' }) as BibtexRecord[];
  return new Map(papers.map((paper, i) => [paper.slug, entryText(paper, items[i], records[i])]));
}

function entryText(paper: CitablePaper, item: CslItem, record: BibtexRecord): string {
  const { journal, number, publisher, howpublished, month: _withDay, ...fields } = record.properties;
  // Citation.js writes a day into month (`dec 23`), which biber rejects: the month's number alone.
  const month = item.issued?.['date-parts'][0][1];
  // A preprint is @misc with its arXiv id in eprint, as arXiv's own BibTeX gives it; not an @article without a journal.
  const preprint = item.type === 'article';
  const properties: Record<string, string> = {
    ...fields,
    ...(month ? { month: String(month) } : {}),
    ...(journal !== undefined ? { journal } : {}),
    ...(number !== undefined && !preprint ? { number } : {}),
    // biblatex knows howpublished only in @misc (and @booklet...): Citation.js gives it to every type.
    ...(howpublished !== undefined && (preprint || record.type === 'misc') ? { howpublished } : {}),
    ...(publisher !== undefined && !preprint ? { publisher } : {}),
    title: bibtexTitle(paper.title),
    ...(paper.arxiv ? { eprint: verbatim(paper.arxiv), archiveprefix: 'arXiv' } : {}),
  };
  const width = Math.max(...Object.keys(properties).map((name) => name.length));
  const body = Object.entries(properties)
    .sort(([a], [b]) => fieldRank(a) - fieldRank(b))
    .map(([name, value]) => `  ${name.padEnd(width)} = {${value}}`)
    .join(',\n');
  return `@${preprint ? 'misc' : record.type}{${item.id},\n${body}\n}\n`;
}

/** Fields in the order people write them; others after, as Citation.js gave them (the sort is stable). */
const FIELD_ORDER = ['author', 'title', 'journal', 'booktitle', 'publisher', 'number', 'year', 'month', 'doi', 'eprint', 'archiveprefix', 'url', 'howpublished'];
const fieldRank = (name: string) => (FIELD_ORDER.includes(name) ? FIELD_ORDER.indexOf(name) : FIELD_ORDER.length);

function keyOf(paper: CitablePaper, keys: ReadonlyMap<string, string>): string {
  const key = keys.get(paper.slug);
  if (!key) throw new Error(`no citation key for ${paper.slug}`);
  return key;
}

/** A whole .bib file: a comment, then the entries in the order given. */
export function bibtexFile(entries: readonly string[], heading: string): string {
  // Text outside entries is ignored by BibTeX but reported as junk by biber: say it in @comment.
  return `@comment{${escapeBibtex(heading)}}\n\n${entries.join('\n')}`;
}
