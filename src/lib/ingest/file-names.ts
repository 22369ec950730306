/**
 * seeds/ is read for listings (`.txt`) and bibliographies (`.bib`, `.ris`, `.json`), entries
 * from `.md` and `.mdx`, all in lower case (ingest and Astro's glob alike): `June.TXT` or
 * `Notes.MD` would be left out without a word. These are the extensions a person may have
 * meant, with the one to use instead.
 */
export const SEED_EXTENSIONS: ReadonlyMap<string, string> = new Map([
  ['.txt', '.txt'],
  ['.bib', '.bib'],
  ['.ris', '.ris'],
  ['.json', '.json'],
]);
/** Whether a file of seeds/ is a listing (a copied papers page), not a bibliography. */
export const isListing = (name: string): boolean => name.endsWith('.txt');
/** The settings per listing, beside the listings in seeds/. */
export const LISTINGS_CONFIG = 'listings.yaml';
export const ENTRY_EXTENSIONS: ReadonlyMap<string, string> = new Map([
  ['.md', '.md'],
  ['.mdx', '.mdx'],
  ['.markdown', '.md'],
]);

/** Where `name`'s extension starts (`notes.md` -> 4); undefined without one (`README`, `.md`). */
function extensionAt(name: string): number | undefined {
  const dot = name.lastIndexOf('.');
  return dot <= 0 || dot === name.lastIndexOf('/') + 1 ? undefined : dot;
}

/** Whether `name` is read: its extension is one of `extensions`, as written. */
export function isRead(name: string, extensions: ReadonlyMap<string, string>): boolean {
  const dot = extensionAt(name);
  return dot !== undefined && extensions.get(name.slice(dot)) === name.slice(dot);
}

/** The name `name` would be read under, when only its extension keeps it from being read; else undefined. */
export function readableName(name: string, extensions: ReadonlyMap<string, string>): string | undefined {
  const dot = extensionAt(name);
  if (dot === undefined) return undefined;
  const extension = name.slice(dot);
  const wanted = extensions.get(extension.toLowerCase());
  return wanted === undefined || wanted === extension ? undefined : `${name.slice(0, dot)}${wanted}`;
}

/**
 * Why ingest leaves `name`, a file or folder directly in seeds/, unread: a message for a warning, so
 * that a bibliography or a folder of listings dropped there is not ignored without a word.
 * Undefined for what ingest reads and for what is not meant as input: the listings' settings,
 * a README, hidden files (`.gitkeep`, `.DS_Store`).
 */
export function unreadSeedMessage(name: string, isFolder: boolean): string | undefined {
  if (name.startsWith('.') || name === LISTINGS_CONFIG || /^readme(\.[^.]+)?$/i.test(name)) return undefined;
  if (isFolder) return `not read: a folder; ingest reads the listings and bibliographies directly in seeds/, and ${LISTINGS_CONFIG}`;
  if (isRead(name, SEED_EXTENSIONS)) return undefined;
  const readable = readableName(name, SEED_EXTENSIONS);
  if (readable) return `not read: listings and bibliographies end in .txt, .bib, .ris or .json, in lower case (rename it ${readable})`;
  return `not read: ingest reads listings (.txt: copied Hugging Face papers pages), bibliographies (.bib BibTeX or BibLaTeX, .ris RIS, .json CSL-JSON) and ${LISTINGS_CONFIG}, nothing else`;
}
