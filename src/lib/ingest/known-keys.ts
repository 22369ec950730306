/**
 * The keys a hand-edited YAML mapping takes: a key outside them is a typo that would otherwise
 * be read as nothing (`term:` for `terms:` empties a theme), so it is an error naming the keys.
 */

/** Edits (insert, delete, replace, swap two neighbours) from one word to the other. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * The known key a mistyped one most likely meant: the same in another case, its start
 * (`desc`), or one or two edits away when the key is long enough for that to be a slip.
 */
export function nearMiss(key: string, known: readonly string[]): string | undefined {
  const typed = key.toLowerCase();
  const scored = known.map((candidate) => {
    const distance = editDistance(typed, candidate.toLowerCase());
    const isStart = typed.length >= 3 && candidate.toLowerCase().startsWith(typed);
    return { candidate, distance: isStart ? 0 : distance, close: isStart || distance <= Math.min(2, Math.floor(Math.max(typed.length, candidate.length) / 3)) };
  });
  return scored.filter(({ close }) => close).sort((a, b) => a.distance - b.distance)[0]?.candidate;
}

/**
 * `unknown key "tems" in theme "skills" (did you mean "terms"?); a theme takes id, title, description, terms`.
 * `takes`: what comes before the list of keys, such as `a theme takes`.
 */
export function unknownKeyReason(key: string, where: string, known: readonly string[], takes: string): string {
  return `unknown key "${key}" ${where}${didYouMean(key, known)}; ${takes} ${known.join(', ')}`;
}

/** ` (did you mean "terms"?)` when a known name is near the one written, else nothing. */
export function didYouMean(written: string, known: readonly string[]): string {
  const guess = nearMiss(written, known);
  return guess === undefined ? '' : ` (did you mean "${guess}"?)`;
}
