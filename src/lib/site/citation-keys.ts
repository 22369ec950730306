/**
 * Citation keys, the same in every file of a build and from one build to the next: the
 * key the paper's bibliography gave it (its entry's `citationKey`), else one made from
 * its slug. Pure.
 */

export interface KeyedPaper {
  slug: string;
  citationKey?: string;
}

/** Characters BibTeX and biber do not accept in a key (btparse's rules), replaced by `-`. */
const UNSAFE_KEY = /[\s,{}()"#%'=\\~]/g;

/** A slug cut to at most `maxLength` characters at a hyphen. */
function slugKey(slug: string, maxLength: number): string {
  const base = slug.replace(/[^A-Za-z0-9\-_:.]/g, '-') || 'paper';
  if (base.length <= maxLength) return base;
  const cut = base.slice(0, maxLength);
  const hyphen = cut.lastIndexOf('-');
  return (hyphen >= maxLength / 2 ? cut.slice(0, hyphen) : cut).replace(/-+$/, '');
}

/**
 * Slug -> citation key, unique over the list (`-2`, `-3`... on a clash). Papers with a key
 * of their own are served first, then the others, each group in slug order, so that a
 * user's key is never taken by a key made from a slug.
 */
export function citationKeys(papers: readonly KeyedPaper[], maxLength = 48): Map<string, string> {
  const keys = new Map<string, string>();
  const taken = new Set<string>();
  const bySlug = [...papers].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const own = bySlug.filter((paper) => paper.citationKey?.trim());
  const made = bySlug.filter((paper) => !paper.citationKey?.trim());
  for (const paper of [...own, ...made]) {
    if (keys.has(paper.slug)) continue;
    const base = paper.citationKey?.trim() ? paper.citationKey.trim().replace(UNSAFE_KEY, '-') : slugKey(paper.slug, maxLength);
    keys.set(paper.slug, unique(base, taken, Number.POSITIVE_INFINITY));
  }
  return keys;
}

/** The RIS `ID` tag holds at most 20 characters (RIS's own limit, which Citation.js applies). */
export const RIS_ID_LENGTH = 20;

/**
 * Citation key -> RIS `ID`: the key when it fits in 20 characters, else its first
 * characters with `-2`, `-3`... where two would be the same. In the order given (pass the
 * keys in a fixed order, so that every RIS file of a build gives a paper the same ID).
 */
export function risIds(keys: Iterable<string>): Map<string, string> {
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  for (const key of keys) ids.set(key, unique(key, taken, RIS_ID_LENGTH));
  return ids;
}

/**
 * `base` cut to `maxLength`, with the first free `-n` suffix when taken; then taken. Keys compare
 * without case, as BibTeX's do (`Smith2020` and `smith2020` are one key to it: "Repeated entry").
 */
function unique(base: string, taken: Set<string>, maxLength: number): string {
  let key = base.slice(0, maxLength);
  for (let n = 2; taken.has(key.toLowerCase()); n++) key = `${base.slice(0, maxLength - `-${n}`.length)}-${n}`;
  taken.add(key.toLowerCase());
  return key;
}
