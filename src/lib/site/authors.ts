/** Author names as lists show them. Pure and browser-safe (the offline search uses it). */

/** How many names a list row shows before "et al.". */
export const LIST_AUTHORS = 3;

/** `A, B and C`; with `limit`, `A, B, C et al.` past it. Names as given (`Given Family`). */
export function authorList(names: readonly string[], limit = Number.POSITIVE_INFINITY): string {
  if (names.length > limit) return `${names.slice(0, limit).join(', ')} et al.`;
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
