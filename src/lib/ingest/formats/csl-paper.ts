/**
 * One CSL-JSON item, as Citation.js reads every bibliography format into, to one listed
 * paper: the shape the listing parser yields, so that merge, classify and entries do not
 * change per format. Items come from files users did not write by hand: every field is
 * checked, and what cannot be kept is said in a warning naming the entry.
 */
import { ARXIV_PATTERN, DOI_PATTERN, isWebUrl } from '../fields.ts';
import { isAscii } from '../normalise.ts';
import type { ListedPaper, PublishedDate, SourceRef, Warning } from '../types.ts';
import { convertTex } from './tex.ts';

export type CslItem = Record<string, unknown>;

/** What the format's reader knows beside the item: the date as the file writes it, arXiv ids read from fields CSL has none for. */
export interface ItemContext {
  source: SourceRef;
  dateText?: string;
  arxivCandidates?: readonly unknown[];
  /** TeX commands the reader met in the title and abstract and could not convert (BibTeX's, before Citation.js drops their braces). */
  unknownTex?: { title?: readonly string[]; abstract?: readonly string[] };
}

export interface ItemResult {
  paper?: ListedPaper;
  warnings: Warning[];
}

/** An arXiv id as the entry schema takes it (ARXIV_PATTERN, unanchored), with an optional version. */
const ARXIV_ID = String.raw`${ARXIV_PATTERN.source.slice(1, -1)}(?:v\d+)?`;
/** Where a string holds an arXiv id: alone, as `arXiv:…`, in a DataCite DOI or in an arxiv.org address. */
const ARXIV_IN = [
  new RegExp(String.raw`^\s*(?:arxiv:\s*)?${ARXIV_ID}\s*$`, 'i'),
  new RegExp(String.raw`\barxiv[:\s]\s*${ARXIV_ID}\b`, 'i'),
  new RegExp(String.raw`^(?:https?://(?:dx\.)?doi\.org/)?10\.48550/arxiv\.${ARXIV_ID}$`, 'i'),
  new RegExp(String.raw`arxiv\.org/(?:abs|pdf|html)/${ARXIV_ID}`, 'i'),
];

/** The first arXiv id (without version) any of `candidates` holds. */
export function findArxiv(candidates: readonly unknown[]): string | undefined {
  for (const candidate of candidates) {
    if (typeof candidate !== 'string') continue;
    for (const pattern of ARXIV_IN) {
      const found = pattern.exec(candidate)?.[1];
      if (found !== undefined && ARXIV_PATTERN.test(found)) return found;
    }
  }
  return undefined;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;

/** A text a RIS record may give in several lines of one tag (`AB` twice: one abstract in parts), which Citation.js keeps as a list: joined. */
const joinedText = (value: unknown): string | undefined => (Array.isArray(value) ? text(value.map(text).filter(Boolean).join(' ')) || undefined : text(value));

/**
 * Zero-width spaces (what `\hspace{0pt}` stands for) and runs of white space out, NFC (which leaves
 * ASCII as it is). Two things NFC leaves are mended first: a dotless i under an accent is TeX's
 * way to write an accented i (`{\'\i}`), which NFC cannot join into í; Latin ligatures (ﬁ, ﬀ) are
 * a PDF's typesetting, not the words, which search and classification read.
 */
function tidy(value: string): string {
  const spaced = value.replace(/\s+/g, ' ').trim();
  if (isAscii(spaced)) return spaced;
  return spaced
    .replace(/\u200b/g, '')
    .replace(/\u0131(?=\p{Mn})/gu, 'i')
    .replace(/[\uFB00-\uFB06]/g, (ligature) => ligature.normalize('NFKC'))
    .normalize('NFC');
}

/** One name as `Family, Given` (particles with the family name, suffix after the given), or the literal. */
function nameText(name: unknown): string | undefined {
  if (typeof name !== 'object' || name === null) return undefined;
  const parts = name as Record<string, unknown>;
  const literal = text(parts['literal']);
  if (literal !== undefined) return tidy(literal) || undefined;
  const family = [text(parts['non-dropping-particle']), text(parts['family'])].filter(Boolean).join(' ');
  const given = [text(parts['given']), text(parts['dropping-particle'])].filter(Boolean).join(' ');
  const suffix = text(parts['suffix']);
  // BibTeX's `and others` is "et al.", not a name.
  if (family === 'others' && given === '') return undefined;
  const full = [family, given, suffix].filter((part) => part !== undefined && part !== '').join(', ');
  return tidy(full) || undefined;
}

const MONTHS_IN_YEAR = 12;
const pad = (value: number) => String(value).padStart(2, '0');
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** CSL's `season` as a number: 1 to 4, spring to winter. */
const SEASONS = ['Spring', 'Summer', 'Autumn', 'Winter'];

interface DateParts {
  year: string;
  month?: number;
  day?: number;
}

/** A year, month and day as far as they are valid, and the ISO date they make. */
function isoOf({ year, month, day }: DateParts): { iso: string; precision: 'day' | 'month' | 'year' } {
  const hasMonth = month !== undefined && Number.isInteger(month) && month >= 1 && month <= MONTHS_IN_YEAR;
  const hasDay = hasMonth && day !== undefined && Number.isInteger(day) && day >= 1 && day <= new Date(Date.UTC(Number(year), month, 0)).getUTCDate();
  const iso = hasDay ? `${year}-${pad(month)}-${pad(day)}` : hasMonth ? `${year}-${pad(month)}` : year;
  return { iso, precision: hasDay ? 'day' : hasMonth ? 'month' : 'year' };
}

/** CSL writes a year before the common era as a negative number (-334 is 334 BC): in words, as ISO has no room for it here. */
function beforeCommonEra(parts: readonly unknown[]): string | undefined {
  const year = Number(parts[0]);
  if (!Number.isInteger(year) || year >= 0) return undefined;
  const month = Number(parts[1]);
  const day = Number(parts[2]);
  const monthName = Number.isInteger(month) ? MONTH_NAMES[month - 1] : undefined;
  return [monthName !== undefined && Number.isInteger(day) && day >= 1 ? day : undefined, monthName, `${-year} BC`].filter((part) => part !== undefined).join(' ');
}

/** The end of a CSL date range as text, when there is one: `[0]` is an open end. */
function rangeEnd(end: unknown): string | undefined {
  if (!Array.isArray(end) || end.length === 0 || Number(end[0]) === 0) return undefined;
  const bc = beforeCommonEra(end);
  if (bc !== undefined) return bc;
  const year = /^\d{1,4}$/.exec(String(end[0]).trim())?.[0];
  return year === undefined ? undefined : isoOf({ year: year.padStart(4, '0'), month: Number(end[1]), day: Number(end[2]) }).iso;
}

/**
 * The item's `issued` date: CSL's `date-parts` (numbers, or strings in hand-made files),
 * a `raw` or `literal` date in ISO order, or BibTeX's `2023a` (a year and a letter telling
 * one author's papers of that year apart). A year that had to be taken out of a string is said.
 * What has no year ISO can hold (`13th century`, a year BC) is kept as written, without a date.
 */
function publishedDate(issued: unknown, dateText: string | undefined, warn: (message: string) => void): PublishedDate | undefined {
  if (typeof issued !== 'object' || issued === null) return undefined;
  const date = issued as Record<string, unknown>;
  const ranges = Array.isArray(date['date-parts']) ? (date['date-parts'] as unknown[]) : [];
  const firstParts = Array.isArray(ranges[0]) ? (ranges[0] as unknown[]) : undefined;
  const written = firstParts ? firstParts.map(text).filter((part) => part !== undefined).join('-') : text(date['raw']) ?? text(date['literal']);
  if (written === undefined || written.trim() === '') return undefined;
  const bc = firstParts && beforeCommonEra(firstParts);
  const end = rangeEnd(ranges[1]);
  if (bc !== undefined) {
    const shown = end === undefined ? bc : `${bc} – ${end}`;
    warn(`date "${written}" is before the common era: kept as written (${shown}), with no date the list sorts by`);
    return { text: shown };
  }
  const parts = firstParts ?? written.trim().split(/[-/]/);
  const match = /^(\d{1,4})([a-z]?)$/.exec(String(parts[0] ?? '').trim());
  if (!match) {
    const shown = tidy(dateText ?? written);
    warn(`date "${written}" has no year CSL or BibTeX can read: kept as written, with no date the list sorts by`);
    return { text: shown };
  }
  if (match[2] || (firstParts !== undefined && typeof parts[0] === 'string')) {
    warn(match[2] ? `year "${parts[0]}" read as ${match[1]} (the letter tells papers of one year apart)` : `year "${parts[0]}" is a string, read as ${match[1]}`);
  }
  const { iso, precision } = isoOf({ year: match[1]!.padStart(4, '0'), month: Number(parts[1]), day: Number(parts[2]) });
  // Date parts have no written form: they are shown as the ISO date they make, with what CSL adds to it.
  const season = typeof date['season'] === 'number' ? SEASONS[date['season'] - 1] : text(date['season']);
  const fromParts = [date['circa'] ? 'circa' : undefined, precision === 'year' ? season : undefined, end === undefined || end === iso ? iso : `${iso} – ${end}`].filter(Boolean).join(' ');
  return {
    text: tidy(dateText ?? (firstParts && !match[2] ? fromParts : written)),
    date: iso,
    precision,
    yearSource: 'listing',
  };
}

/** A DOI without its resolver, checked against the form the entry schema takes. */
function doiOf(value: unknown, warn: (message: string) => void): string | undefined {
  const written = text(value)?.trim();
  if (!written) return undefined;
  const doi = written.replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '');
  if (DOI_PATTERN.test(doi)) return doi;
  warn(`DOI "${written}" is not a DOI (10.prefix/suffix); it is left out`);
  return undefined;
}

function urlOf(value: unknown, warn: (message: string) => void): string | undefined {
  const written = text(value)?.trim();
  if (!written) return undefined;
  if (isWebUrl(written)) return written;
  warn(`URL "${written}" is not a web address (http or https); it is left out`);
  return undefined;
}

/** CSL's `keyword` is one string, comma- or semicolon-separated (Citation.js joins BibTeX's and RIS's so). */
function keywordsOf(value: unknown): string[] | undefined {
  const all = Array.isArray(value) ? value.map(text) : (text(value)?.split(/[,;]/) ?? []);
  const keywords = [...new Set(all.flatMap((keyword) => (keyword === undefined ? [] : [tidy(keyword)])).filter(Boolean))];
  return keywords.length > 0 ? keywords : undefined;
}

/** A title or abstract as plain text: TeX the reader left converted, what cannot be named in a warning. */
function plainText(value: string, field: string, unknownBefore: readonly string[], warn: (message: string) => void): string {
  const converted = convertTex(value);
  const unknown = new Set([...unknownBefore, ...converted.unknown]);
  if (unknown.size > 0) warn(`the ${field} holds TeX commands with no text equivalent: ${[...unknown].join(', ')}; their arguments are kept as text, a command without one as written`);
  return tidy(converted.text);
}

/** The item as a listed paper, or only warnings when it has no title (nothing to list it by). */
export function cslToPaper(item: CslItem, { source, dateText, arxivCandidates = [], unknownTex = {} }: ItemContext): ItemResult {
  const warnings: Warning[] = [];
  const entry = source.key === undefined ? `entry at line ${source.line}` : `entry "${source.key}"`;
  const warn = (message: string) => warnings.push({ file: source.listing, line: source.line, message: `${entry}: ${message}` });

  const rawTitle = joinedText(item['title']);
  if (rawTitle === undefined || tidy(rawTitle) === '') {
    warn('has no title, so it is not a paper of the list');
    return { warnings };
  }
  const title = plainText(rawTitle, 'title', unknownTex.title ?? [], warn);
  const rawAbstract = joinedText(item['abstract']);
  const abstract = rawAbstract === undefined ? '' : plainText(rawAbstract, 'abstract', unknownTex.abstract ?? [], warn);

  const authors = Array.isArray(item['author']) ? item['author'].flatMap((name) => nameText(name) ?? []) : [];
  const venue = text(item['container-title']);
  const type = text(item['type']);
  const published = publishedDate(item['issued'], dateText, warn);
  const doi = doiOf(item['DOI'], warn);
  const urls = Array.isArray(item['URL']) ? item['URL'] : [item['URL']];
  if (urls.length > 1) warn(`${urls.length} URLs; the first is kept`);
  const url = urlOf(urls[0], warn);
  const containerIsArxiv = /^arxiv\b/i.test(venue?.trim() ?? '');
  const arxiv = findArxiv([...arxivCandidates, containerIsArxiv ? item['number'] : undefined, item['DOI'], item['URL'], venue]);
  const keywords = keywordsOf(item['keyword']);

  const paper: ListedPaper = {
    title,
    abstract,
    source,
    ...(authors.length > 0 && { authors }),
    ...(published && { published }),
    ...(venue !== undefined && tidy(venue) !== '' && { venue: tidy(convertTex(venue).text) }),
    ...(type !== undefined && type !== '' && { type }),
    ...(doi !== undefined && { doi }),
    ...(arxiv !== undefined && { arxiv }),
    ...(url !== undefined && { url }),
    ...(source.key !== undefined && { citationKey: source.key }),
    ...(keywords && { keywords }),
  };
  return { paper, warnings };
}
