/**
 * Listings are read from files ending in `.txt`, entries from `.md` and `.mdx`, all in lower
 * case (ingest and Astro's glob alike): `June.TXT` or `Notes.MD` would be left out without a
 * word. These are the extensions a person may have meant, with the one to use instead.
 */
export const LISTING_EXTENSIONS: ReadonlyMap<string, string> = new Map([['.txt', '.txt']]);
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
