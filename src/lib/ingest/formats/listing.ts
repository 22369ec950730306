import { parseDateLine, resolvePublished, type DateLine } from '../dates.ts';
import type { ListedPaper, ParsedListing, Warning } from '../types.ts';

/** Lines of the Hugging Face page around the papers. */
const CHROME = [
  'new',
  'Get trending papers in your email inbox!',
  'Get trending papers in your email inbox once a day!',
  'Subscribe',
  'Daily Papers',
  'byAK and the research community',
  'by AK and the research community',
];

/**
 * What may follow page text glued to it: not a lowercase letter, so that a title such
 * as `newsbench: …` keeps its first word.
 */
const GLUED = /^[^\p{Ll}\s]/u;
/** The page's own date at the start of a line (`Mar 14`, `Mar 14, 2025`), checked by parseDateLine. */
const PAGE_DATE = /^[A-Za-z]{3,9}\.? \d{1,2}(, \d{4})?/;

/**
 * `value` without the page text and page date glued to its start (`SubscribeDaily Papers`,
 * `Mar 14SLIM: …`), and the date it took off, if any: a title may start like a date
 * (`June 30B Models`), so that one is said. A date without its year is not taken off
 * before a digit (`May 2025 Snapshot`); with its year it ends where the year does.
 */
function withoutGluedPageText(value: string): { value: string; date?: string } {
  let date: string | undefined;
  for (;;) {
    const chrome = CHROME.find((text) => value.startsWith(text) && GLUED.test(value.slice(text.length)));
    const start = chrome ? undefined : PAGE_DATE.exec(value);
    const rest = start ? value.slice(start[0].length) : '';
    const glued = chrome ?? (start && parseDateLine(start[0]) && (start[1] ? /^\S/ : /^[^\p{Ll}\s\d]/u).test(rest) ? start[0] : undefined);
    if (!glued) return { value, ...(date && { date }) };
    if (!chrome) date = glued;
    value = value.slice(glued.length);
  }
}

const AUTHORS_LINE = /^•\s*(\d+)\s+authors?$/;
const SEPARATOR_LINE = '·';

/**
 * Titles are a phrase; abstracts are prose. The shape only decides when the
 * title/abstract alternation breaks (a paper listed without its abstract).
 */
function looksLikeAbstract(text: string): boolean {
  return text.length >= 200 || (/[.!?]$/.test(text) && text.split(/\s+/).length >= 12);
}

/** Fewer words than any abstract has: "akhaliq and team" is a page's navigation, not an abstract. */
const FEWEST_ABSTRACT_WORDS = 5;
/**
 * Shorter than any abstract: below this, few words mean navigation. Text written without spaces
 * (Chinese, Japanese, Thai) is one "word" however long, and is an abstract.
 */
const SHORTEST_ABSTRACT = 60;

/**
 * Why `abstract` cannot be a paper's abstract, if it cannot: a number (`42`, `1.2k` upvotes),
 * one word (`akhaliq`, a user's handle), or only a few words. What a listing copied together
 * with the page's navigation (`Models`, `Upvote`, `github`) pairs with those titles.
 */
function notAnAbstract(abstract: string): string | undefined {
  if (/^[\d.,]+\s*[kKmM]?$/.test(abstract)) return 'a number';
  if (abstract.length >= SHORTEST_ABSTRACT) return undefined;
  const words = abstract.split(/\s+/).length;
  if (words === 1) return 'one word, such as a handle';
  return words < FEWEST_ABSTRACT_WORDS ? `only ${words} words` : undefined;
}

type Line =
  | { kind: 'text'; text: string; line: number }
  | { kind: 'authors'; count: number; line: number }
  | { kind: 'separator'; line: number }
  | { kind: 'date'; date: DateLine; line: number };

function classifyLines(text: string, warn: (line: number, message: string) => void): Line[] {
  const lines: Line[] = [];
  let seenContent = false;
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
    let value = raw.trim();
    if (value === '') return;
    if (!seenContent) {
      // Page text and the page's own date ("Mar 14", not a paper's) only stand before the
      // first paper; there they may be glued to each other and to the first title.
      const unglued = withoutGluedPageText(value);
      value = unglued.value;
      if (CHROME.includes(value) || parseDateLine(value)) return;
      if (unglued.date) warn(line, `"${unglued.date}" before the first title is taken for the page's date: the title is "${value}"`);
    }
    seenContent = true;
    const authors = AUTHORS_LINE.exec(value);
    const date = parseDateLine(value);
    if (authors) lines.push({ kind: 'authors', count: Number(authors[1]), line });
    else if (value === SEPARATOR_LINE) lines.push({ kind: 'separator', line });
    else if (date) lines.push({ kind: 'date', date, line });
    else lines.push({ kind: 'text', text: value, line });
  });
  return lines;
}

export interface ParseOptions {
  /** ISO day the listing was captured; gives a year to dates listed without one. */
  capturedOn?: string;
}

/**
 * Reads one listing: a title line, an abstract line, then optional metadata
 * (`• 4 authors` or an organisation line, `·`, a date with an optional upvote count).
 * Never drops a paper silently: every irregularity becomes a warning with its line.
 */
export function parseListing(text: string, listing: string, options: ParseOptions = {}): ParsedListing {
  const papers: ListedPaper[] = [];
  const warnings: Warning[] = [];
  const warn = (line: number, message: string) => warnings.push({ file: listing, line, message });
  const lines = classifyLines(text.replace(/^\uFEFF/, ''), warn);

  let pendingTitle: { text: string; line: number } | undefined;
  let current: ListedPaper | undefined;
  let skipped = 0;
  /** After a skipped pair, until the next paper: its metadata lines are skipped with it. */
  let skipping = false;

  const flushTitleWithoutAbstract = () => {
    if (!pendingTitle) return;
    warn(pendingTitle.line, `paper "${pendingTitle.text}" has no abstract; kept with an empty one`);
    current = { title: pendingTitle.text, abstract: '', source: { listing, line: pendingTitle.line } };
    papers.push(current);
    pendingTitle = undefined;
    skipping = false;
  };

  lines.forEach((entry, index) => {
    const next = lines[index + 1];
    if (entry.kind === 'text') {
      // An organisation takes the place of the author count, right before the `·`; after a
      // title, it stands for the paper's metadata, and the paper has no abstract.
      if (next?.kind === 'separator' && (pendingTitle ? !looksLikeAbstract(entry.text) : current)) {
        flushTitleWithoutAbstract();
        current!.organisation = entry.text;
      } else if (!pendingTitle) {
        if (looksLikeAbstract(entry.text)) {
          warn(entry.line, `text looks like an abstract but follows no title; skipped: "${entry.text.slice(0, 80)}…"`);
        } else {
          pendingTitle = { text: entry.text, line: entry.line };
        }
      } else if (!looksLikeAbstract(entry.text) && next?.kind === 'text' && looksLikeAbstract(next.text)) {
        flushTitleWithoutAbstract();
        pendingTitle = { text: entry.text, line: entry.line };
      } else {
        const why = notAnAbstract(entry.text);
        if (why) {
          warn(pendingTitle.line, `"${pendingTitle.text}" is not a paper: what follows it as its abstract, "${entry.text}", is ${why}; skipped. A page's navigation copied with the listing? Delete these lines`);
          skipped++;
          [current, skipping] = [undefined, true];
        } else {
          current = { title: pendingTitle.text, abstract: entry.text, source: { listing, line: pendingTitle.line } };
          papers.push(current);
          skipping = false;
        }
        pendingTitle = undefined;
      }
      return;
    }
    flushTitleWithoutAbstract();
    if (skipping) return;
    if (!current) {
      warn(entry.line, 'metadata line before any paper; ignored');
      return;
    }
    if (entry.kind === 'authors') current.authorsCount = entry.count;
    if (entry.kind === 'date') {
      current.published = resolvePublished(entry.date, options.capturedOn);
      if (entry.date.upvotes !== undefined) current.upvotes = entry.date.upvotes;
    }
  });
  flushTitleWithoutAbstract();

  if (papers.length === 0) warn(1, 'no papers found in this listing');
  return { listing, papers, warnings, ...(skipped > 0 && { skipped }) };
}
