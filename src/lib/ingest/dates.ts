import type { PublishedDate } from './types.ts';

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

/**
 * A Hugging Face date line: `Feb 1, 2024`, `Mar 27`, and either may be followed by
 * the upvote count (`Jun 26 2`, `Aug 28, 2024 4`).
 */
const DATE_LINE = /^([A-Za-z]{3,9})\.? (\d{1,2})(?:, (\d{4}))?(?: (\d+))?$/;

export interface DateLine {
  month: number;
  day: number;
  year?: number;
  text: string;
  upvotes?: number;
}

export function parseDateLine(line: string): DateLine | undefined {
  const match = DATE_LINE.exec(line);
  if (!match) return undefined;
  const [, monthName, dayText, yearText, upvotesText] = match as unknown as [string, string, string, string?, string?];
  const name = monthName.toLowerCase();
  const month = MONTHS.findIndex((full) => full === name || full.slice(0, 3) === name) + 1;
  const day = Number(dayText);
  if (month === 0 || day < 1 || day > 31) return undefined;
  const year = yearText === undefined ? undefined : Number(yearText);
  const text = year === undefined ? `${monthName} ${day}` : `${monthName} ${day}, ${year}`;
  return { month, day, text, ...(year !== undefined && { year }), ...(upvotesText !== undefined && { upvotes: Number(upvotesText) }) };
}

/**
 * Gives a listed date its year. A date without a year gets one only from the
 * listing's capture date: the latest such day on or before the capture, since a
 * listing cannot show a paper from its future.
 */
export function resolvePublished(line: DateLine, capturedOn?: string): PublishedDate {
  if (line.year !== undefined) {
    return { text: line.text, date: isoDay(line.year, line.month, line.day), precision: 'day', yearSource: 'listing' };
  }
  if (capturedOn === undefined) return { text: line.text };
  const captureYear = Number(capturedOn.slice(0, 4));
  for (let year = captureYear; year > captureYear - 8; year--) {
    const candidate = isoDay(year, line.month, line.day);
    if (isRealDay(year, line.month, line.day) && candidate <= capturedOn) {
      return { text: line.text, date: candidate, precision: 'day', yearSource: 'capture-date' };
    }
  }
  return { text: line.text };
}

export function isIsoDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match !== null && isRealDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isoDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
