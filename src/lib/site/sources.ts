/**
 * Where a paper was listed, in words a reader understands: "Hugging Face papers listing,
 * line 15" rather than `000_e2d79f8d5e24fe29.txt`, the name ingest gave a copied page.
 * The file stays findable for the curator (`file`, shown as a detail).
 */

/** One source of an entry, as its front matter records it (`sources` in src/content.config.ts). */
export interface SourceRef {
  /** The file's name in seeds/ (a listing or a bibliography). */
  listing: string;
  line: number;
  /** A bibliography entry's citation key. */
  key?: string;
}

export interface SourceInWords {
  /** What the source is: "Hugging Face papers listing", "BibTeX bibliography". */
  kind: string;
  /** The file's name when it is the curator's own name (a bibliography's); none for a listing, whose name ingest made. */
  name?: string;
  /** Where in it: "line 15", "entry smith2020". */
  place: string;
  /** Where the curator finds it: "seeds/000_e2d79f8d5e24fe29.txt, line 15". */
  file: string;
}

/** The kind of each file ingest reads from seeds/ (src/lib/ingest/file-names.ts), by extension. */
const KINDS: ReadonlyMap<string, { kind: string; named: boolean }> = new Map([
  ['.txt', { kind: 'Hugging Face papers listing', named: false }],
  ['.bib', { kind: 'BibTeX bibliography', named: true }],
  ['.ris', { kind: 'RIS bibliography', named: true }],
  ['.json', { kind: 'CSL-JSON bibliography', named: true }],
]);

export function sourceInWords(source: SourceRef): SourceInWords {
  const dot = source.listing.lastIndexOf('.');
  const known = dot > 0 ? KINDS.get(source.listing.slice(dot)) : undefined;
  const file = `seeds/${source.listing}, line ${source.line}`;
  // A file ingest would not have read (an entry edited by hand): its name is all there is to say.
  if (!known) return { kind: 'File', name: source.listing, place: `line ${source.line}`, file };
  const place = source.key ? `entry ${source.key}` : `${known.named ? 'entry at ' : ''}line ${source.line}`;
  return { kind: known.kind, name: known.named ? source.listing : undefined, place, file };
}

/** The whole source as one line of text: "BibTeX bibliography lab.bib, entry smith2020". */
export function sourceText(source: SourceRef): string {
  const { kind, name, place } = sourceInWords(source);
  return `${kind}${name ? ` ${name}` : ''}, ${place}`;
}
