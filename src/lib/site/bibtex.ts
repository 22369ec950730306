/**
 * BibTeX entries for the papers, valid for both BibTeX and biber. Pure: the pages
 * (`/papers.bib`, `/themes/<id>.bib`, the "Cite" box) only format what this returns.
 *
 * Field values are brace-delimited. Scraped text is escaped so that nothing in it is
 * read as markup: the LaTeX specials # $ % & _ become `\#` ..., and \ { } ~ ^ become
 * text commands (`\textbackslash{}`, `\textbraceleft{}`, ...), which keeps every
 * field's braces balanced (BibTeX counts `\{` as a brace). Other characters,
 * non-ASCII included, stay as they are (the files are UTF-8). In titles each word
 * holding a capital is wrapped in braces so styles do not lower-case it.
 * No author is ever invented: the listings only give an author count.
 */

export interface BibtexPaper {
  /** The paper slug (unique). */
  slug: string;
  title: string;
  published?: { text: string; date?: string; precision?: 'day' | 'month' | 'year'; yearSource?: 'listing' | 'capture-date' };
  /** Titles of the paper's themes, main theme first. */
  themeTitles: string[];
  /** Absolute URL of the paper's page. */
  url: string;
}

export interface BibtexOptions {
  /** Name of the reading list, for `howpublished`. */
  siteTitle: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '#': '\\#',
  $: '\\$',
  '%': '\\%',
  '&': '\\&',
  _: '\\_',
};

/**
 * Characters XML/TeX tools choke on and that carry no text: C0/C1 controls (tab and
 * line ends become spaces), lone surrogates and noncharacters.
 */
const UNPRINTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Runs of whitespace to one space, unprintable characters dropped, trimmed. */
function clean(text: string): string {
  return text.replace(UNPRINTABLE, '').replace(/[\t\n\r ]+/g, ' ').trim();
}

/** `text` escaped for a brace-delimited BibTeX field value. */
export function escapeBibtex(text: string): string {
  return clean(text).replace(/[\\{}~^#$%&_]/g, (char) => SPECIALS[char]);
}

/** A word: letters, combining marks and digits. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * A title for a BibTeX `title` field: escaped, and every word that holds a capital
 * letter wrapped in braces (`{LLM}`, `{Self}-{Play}`) so that it keeps its case.
 */
export function bibtexTitle(title: string): string {
  // Escape first, then protect words: escapes never contain word characters next to
  // text (each ends in `{}` or is a `\` + punctuation), except the command names,
  // which have no capitals and so are never wrapped.
  return escapeBibtex(title).replace(WORD, (word, offset: number, whole: string) => {
    if (!/\p{Lu}|\p{Lt}/u.test(word)) return word;
    // Part of a command name (`\textbackslash`): leave it.
    if (offset > 0 && whole[offset - 1] === '\\') return word;
    return `{${word}}`;
  });
}

/**
 * Citation keys for every slug: the slug cut to at most `maxLength` characters at a
 * hyphen, made unique by `-2`, `-3`... in slug order. The same slug always gets the
 * same key within one list, so a paper cites the same in every file of one build.
 */
export function citationKeys(slugs: readonly string[], maxLength = 48): Map<string, string> {
  const keys = new Map<string, string>();
  const taken = new Set<string>();
  for (const slug of [...new Set(slugs)].sort()) {
    let base = slug.replace(/[^A-Za-z0-9\-_:.]/g, '-') || 'paper';
    if (base.length > maxLength) {
      const cut = base.slice(0, maxLength);
      const hyphen = cut.lastIndexOf('-');
      base = hyphen >= maxLength / 2 ? cut.slice(0, hyphen) : cut;
      base = base.replace(/-+$/, '');
    }
    let key = base;
    for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
    taken.add(key);
    keys.set(slug, key);
  }
  return keys;
}

/** Year and month (a BibTeX month macro) of a known ISO date. */
export function bibtexDate(published: BibtexPaper['published']): { year?: string; month?: string } {
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(published?.date ?? '');
  if (!m) return {};
  const month = m[2] ? MONTHS[Number(m[2]) - 1] : undefined;
  return { year: m[1], month };
}

/** One `@misc` entry, fields in a fixed order, ending with a newline. */
export function bibtexEntry(paper: BibtexPaper, key: string, options: BibtexOptions): string {
  const { year, month } = bibtexDate(paper.published);
  const notes: string[] = [];
  if (paper.themeTitles.length > 0) notes.push(`Themes: ${paper.themeTitles.join(', ')}`);
  if (!year && paper.published?.text) notes.push(`Listed date: ${paper.published.text}`);
  if (year && paper.published?.yearSource === 'capture-date') notes.push('year inferred from the listing capture date');
  const fields: [string, string][] = [
    ['title', `{${bibtexTitle(paper.title)}}`],
    ...(year ? [['year', `{${year}}`] as [string, string]] : []),
    ...(month ? [['month', month] as [string, string]] : []),
    ['howpublished', `{${escapeBibtex(`Listed in ${options.siteTitle}`)}}`],
    ...(notes.length > 0 ? [['note', `{${escapeBibtex(notes.join('; '))}}`] as [string, string]] : []),
    // URLs are verbatim for biblatex and url.sty; ours are built from a slug ([a-z0-9-]).
    ['url', `{${clean(paper.url).replace(/[{}\\\s]/g, encodeURIComponent)}}`],
  ];
  const width = Math.max(...fields.map(([name]) => name.length));
  const body = fields.map(([name, value]) => `  ${name.padEnd(width)} = ${value}`).join(',\n');
  return `@misc{${key},\n${body}\n}\n`;
}

/** A whole .bib file: a comment line, then one entry per paper (in the given order). */
export function bibtexFile(papers: readonly BibtexPaper[], keys: ReadonlyMap<string, string>, options: BibtexOptions, heading: string): string {
  const entries = papers.map((paper) => {
    const key = keys.get(paper.slug);
    if (!key) throw new Error(`bibtexFile: no citation key for ${paper.slug}`);
    return bibtexEntry(paper, key, options);
  });
  // Text outside entries is ignored by BibTeX but reported as junk by biber: say it in @comment.
  return `@comment{${escapeBibtex(heading)}}\n\n${entries.join('\n')}`;
}
