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

/** The name `name` would be read under, when only its extension keeps it from being read; else undefined. */
export function readableName(name: string, extensions: ReadonlyMap<string, string>): string | undefined {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || dot === name.lastIndexOf('/') + 1) return undefined;
  const extension = name.slice(dot);
  const wanted = extensions.get(extension.toLowerCase());
  return wanted === undefined || wanted === extension ? undefined : `${name.slice(0, dot)}${wanted}`;
}
