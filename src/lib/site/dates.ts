/**
 * Dates as the content stores them: `published.text` is verbatim from a listing,
 * `published.date` is ISO (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) and present only
 * when the year is known.
 */

export interface Published {
  text: string;
  date?: string;
  precision?: 'day' | 'month' | 'year';
  yearSource?: 'listing' | 'capture-date';
}

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The ISO date when it is well formed, otherwise undefined. */
export function knownDate(published: Published | undefined): string | undefined {
  const date = published?.date;
  return date && ISO.test(date) ? date : undefined;
}

/**
 * Newest first; papers without a known date after every dated paper (0 when both
 * are undated, so the caller can break the tie). A partial date (`2024-06`) sorts
 * before the days of its own month, which is as precise as the data allows.
 */
export function compareDatesDesc(a: Published | undefined, b: Published | undefined): number {
  const da = knownDate(a);
  const db = knownDate(b);
  if (da && db) return da < db ? 1 : da > db ? -1 : 0;
  if (da) return -1;
  if (db) return 1;
  return 0;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Human-readable full date from the ISO value (`Feb 1, 2024`, `Jun 2024`, `2021`),
 * formatted without locale data so builds are reproducible.
 */
export function formatIsoDate(iso: string): string {
  const m = ISO.exec(iso);
  if (!m) return iso;
  const [, year, month, day] = m;
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (!monthName) return year;
  return day ? `${monthName} ${Number(day)}, ${year}` : `${monthName} ${year}`;
}
