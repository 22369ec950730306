/**
 * Markdown that is nothing but text: shared by ingest, which writes abstracts as
 * Markdown, and the site, which reads them back as text. For such text both skip the
 * Markdown libraries (a tenth of a millisecond an abstract, a second at 10,000 papers).
 */

/**
 * A line that the site's processor (CommonMark with GFM and math, src/lib/markdown/features.ts)
 * reads as nothing but paragraph text: it starts with a letter (so it opens no block: heading,
 * list, quote, fence, code, HTML, break, table) and holds no character that can start inline
 * syntax (escape, code, emphasis, link, HTML, entity, strikethrough `~`, math `$`, a table's
 * `|`, an email autolink's `@`), nor NUL (which the parser replaces). Blank lines only
 * separate paragraphs.
 */
const PLAIN_LINE = /^(?:\p{L}[^\\`*_[\]<&~$|@\0\n\r]*|[ \t]*)$/u;
/** What starts a GFM autolink besides `@`: `www.`, `http://`, `https://` (in any case). */
const AUTOLINK_START = /www\.|:\/\//i;

/** True when parsing `markdown` would give back its text unchanged but for white space between and around lines. */
export function isPlainMarkdown(markdown: string): boolean {
  return !AUTOLINK_START.test(markdown) && markdown.split(/\r\n|\r|\n/).every((line) => PLAIN_LINE.test(line));
}
