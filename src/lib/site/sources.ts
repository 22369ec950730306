/**
 * Where a paper was listed, in words a reader understands: "Hugging Face papers listing,
 * line 15" rather than `000_e2d79f8d5e24fe29.txt`, the name a copied page was saved under.
 * The files stay findable for the curator (`files`, shown as a detail).
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
  /** The file's name when it is the curator's own name (a bibliography's); none for a listing, whose name says nothing to a reader. */
  name?: string;
  /** Where in it: "line 15", "entry smith2020"; none for several listings told as one ("3 Hugging Face papers listings"). */
  place?: string;
}

/** A paper's sources in words, and where the curator finds each: "seeds/000_e2d79f8d5e24fe29.txt, line 15". */
export interface SourcesInWords {
  items: SourceInWords[];
  files: string[];
}

/** The kind of each file ingest reads from seeds/ (src/lib/ingest/file-names.ts), by extension. */
const KINDS: ReadonlyMap<string, { kind: string; kinds: string; named: boolean }> = new Map([
  ['.txt', { kind: 'Hugging Face papers listing', kinds: 'Hugging Face papers listings', named: false }],
  ['.bib', { kind: 'BibTeX bibliography', kinds: 'BibTeX bibliographies', named: true }],
  ['.ris', { kind: 'RIS bibliography', kinds: 'RIS bibliographies', named: true }],
  ['.json', { kind: 'CSL-JSON bibliography', kinds: 'CSL-JSON bibliographies', named: true }],
]);

function kindOf(listing: string) {
  const dot = listing.lastIndexOf('.');
  return dot > 0 ? KINDS.get(listing.slice(dot)) : undefined;
}

export function sourceInWords(source: SourceRef): SourceInWords {
  const known = kindOf(source.listing);
  // A file ingest would not have read (an entry edited by hand): its name is all there is to say.
  if (!known) return { kind: 'File', name: source.listing, place: `line ${source.line}` };
  const place = source.key ? `entry ${source.key}` : `${known.named ? 'entry at ' : ''}line ${source.line}`;
  return { kind: known.kind, name: known.named ? source.listing : undefined, place };
}

/**
 * Each source in words, in order; listings, whose names say nothing, told as one item ("3 Hugging Face
 * papers listings") rather than as lines a reader could not tell apart.
 */
export function sourcesInWords(sources: readonly SourceRef[]): SourcesInWords {
  const listings = sources.filter((source) => kindOf(source.listing)?.named === false);
  const items: SourceInWords[] = [];
  for (const source of sources) {
    const known = kindOf(source.listing);
    if (known?.named !== false || listings.length === 1) items.push(sourceInWords(source));
    else if (source === listings[0]) items.push({ kind: `${listings.length} ${known.kinds}` });
  }
  return { items, files: sources.map((source) => `seeds/${source.listing}, line ${source.line}`) };
}

/** One source as one line of text: "BibTeX bibliography lab.bib, entry smith2020". */
export function sourceText({ kind, name, place }: SourceInWords): string {
  return `${kind}${name ? ` ${name}` : ''}${place ? `, ${place}` : ''}`;
}
