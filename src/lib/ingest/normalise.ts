const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/**
 * What makes two listed titles the same paper: case, punctuation, spacing and
 * invisible characters do not count. A title with no letters or digits keys on itself.
 */
export function titleKey(title: string): string {
  const key = title
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return key === '' ? title.normalize('NFKC').replace(/\s+/g, ' ').trim() : key;
}

/** Lowercase word tokens of a text, hyphenated words split, for term matching. */
export function words(text: string): string[] {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}
