/**
 * The APA citation of every paper, as HTML, formatted by citeproc (through Citation.js) in
 * one call per build: one engine, one bibliography, each entry then cut out by its id.
 *
 * citeproc reads markup in CSL text (`<i>`, `<b>`, `<sup>`, `<span class="nocase">`) and
 * turns straight quotes into curly ones; titles and names here are plain text. So the
 * characters it would read are escaped with private-use characters before formatting and
 * put back, HTML-escaped, after: the text comes out exactly as written and never as markup.
 */
import { APA_STANDALONE, formatCsl } from './citation-js.ts';
import type { CslItem, CslName } from './csl.ts';

/**
 * What citeproc reads in text: markup, quotes it would curl or space (`«` gets a narrow
 * space), and `$` (it passes text as a replacement pattern somewhere: `$$` came out `$`).
 */
const READ = ['<', '>', '&', '"', "'", '«', '»', '‹', '›', '“', '”', '‘', '’', '„', '‚', '$'];
const HTML: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' };
/** Escape: a private-use character, then the index of the character it stands for (itself, when doubled). */
const ESC = '\u{F0000}';
const READ_CHARS = new RegExp(`[${READ.join('')}\\u{F0000}]`, 'gu');
const ESCAPED = /\u{F0000}(\u{F0000}|[\u{F0001}-\u{F00FF}])/gu;

const guard = (text: string) => text.replace(READ_CHARS, (char) => (char === ESC ? ESC + ESC : ESC + String.fromCodePoint(0xf0001 + READ.indexOf(char))));
const unguard = (html: string) =>
  html.replace(ESCAPED, (_, code: string) => {
    if (code === ESC) return ESC;
    const original = READ[(code.codePointAt(0) ?? 0) - 0xf0001];
    return HTML[original] ?? original;
  });

function guardName(name: CslName): CslName {
  if ('literal' in name) return { literal: guard(name.literal) };
  return Object.fromEntries(Object.entries(name).map(([part, value]) => [part, guard(value)])) as CslName;
}

/**
 * The item as citeproc is given it: its text guarded, its id the item's position (`ref<n>`).
 * citeproc writes the id into the entry's HTML unescaped (`data-csl-entry-id="…"`), and a citation
 * key is the bibliography's text (`k><script>…` is a valid BibTeX key), so it never gets there; nor
 * does the key itself, which APA does not print.
 */
function guardItem(item: CslItem, index: number): CslItem {
  const guarded: Record<string, unknown> = { id: `ref${index}` };
  for (const [field, value] of Object.entries(item)) {
    if (field === 'id' || field === 'citation-key') continue;
    if (field === 'author') guarded[field] = (value as CslName[]).map(guardName);
    else guarded[field] = typeof value === 'string' ? guard(value) : value;
  }
  return guarded as unknown as CslItem;
}

/** Citation key -> the APA reference as HTML (text, `<i>` and `<span>` from the style only). */
export function apaCitations(items: readonly CslItem[]): Map<string, string> {
  if (items.length === 0) return new Map();
  const entries = formatCsl('bibliography', items.map(guardItem), { template: APA_STANDALONE, lang: 'en-US', format: 'html', asEntryArray: true, nosort: true }) as [
    string,
    string,
  ][];
  return new Map(
    entries.map(([ref, html]) => {
      const item = items[Number(/^ref(\d+)$/.exec(ref)?.[1] ?? NaN)];
      // Each entry is `<div data-csl-entry-id="ref<n>" class="csl-entry">...</div>`: its content is the citation.
      const inner = /^\s*<div data-csl-entry-id="ref\d+" class="csl-entry">([\s\S]*)<\/div>\s*$/.exec(html)?.[1];
      if (item === undefined || inner === undefined) throw new Error(`citeproc gave an unexpected entry for ${ref}: ${html.slice(0, 120)}`);
      return [item.id, unguard(inner.trim())];
    }),
  );
}
