/**
 * A count and what it counts, in the singular for one: `counted(1, 'entry', 'entries')` is
 * "1 entry". `one` and `many` may carry a verb that agrees: `counted(n, 'date has', 'dates have')`.
 */
export function counted(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
