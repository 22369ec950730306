/**
 * A paper as a CSL item (CSL-JSON, the model of Zotero, Pandoc and Citation.js): the one
 * mapping every export starts from (BibTeX, RIS, CSL-JSON, the APA citation). Pure.
 */
import type { Published } from './dates.ts';

/** What the exports know of a paper: its entry's fields, its themes and its page. */
export interface CitablePaper {
  slug: string;
  title: string;
  /** `Family, Given`, or a literal name such as `OpenAI`. */
  authors?: readonly string[];
  published?: Published;
  venue?: string;
  /** CSL item type as the bibliography gave it. */
  type?: string;
  doi?: string;
  arxiv?: string;
  url?: string;
  keywords?: readonly string[];
  /** The key the paper's bibliography gave it (see citation-keys.ts). */
  citationKey?: string;
  /** Titles of the paper's themes, main theme first. */
  themeTitles: readonly string[];
  /** Absolute URL of the paper's page on this site. */
  pageUrl: string;
}

export type CslName = { family: string; given?: string } | { literal: string };

export interface CslItem {
  id: string;
  'citation-key': string;
  type: string;
  title: string;
  author?: CslName[];
  issued?: { 'date-parts': [number[]] };
  'container-title'?: string;
  DOI?: string;
  URL?: string;
  /** A preprint's `arXiv:<id>` (with `publisher: arXiv`), as Zotero's CSL-JSON gives it. */
  number?: string;
  publisher?: string;
  keyword?: string;
  note?: string;
}

/** `Family, Given` -> family and given (split at the first comma: the given names keep any other); a name without a comma is literal. */
export function cslName(author: string): CslName {
  const comma = author.indexOf(',');
  const family = author.slice(0, comma).trim();
  if (comma < 0 || family === '') return { literal: author.trim() };
  const given = author.slice(comma + 1).trim();
  return given ? { family, given } : { family };
}

/** `Family, Given` -> `Given Family`: how a page shows a name. */
export function displayName(author: string): string {
  const name = cslName(author);
  if ('literal' in name) return name.literal;
  return name.given ? `${name.given} ${name.family}` : name.family;
}

/** The arXiv abstract and PDF pages of an id. */
export function arxivLinks(id: string): { abstract: string; pdf: string } {
  const path = id.split('/').map(encodeURIComponent).join('/');
  return { abstract: `https://arxiv.org/abs/${path}`, pdf: `https://arxiv.org/pdf/${path}` };
}

/** `https://doi.org/<doi>`, each character the URL syntax reads (`?`, `#`, `%`, space...) percent-encoded. */
export function doiUrl(doi: string): string {
  return `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * The year and month and day the item was published, when its year is known. A year
 * taken from a listing's capture date is kept (as in the exports before; a note says so).
 */
function issued(published: Published | undefined): CslItem['issued'] {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(published?.date ?? '');
  if (!m) return undefined;
  return { 'date-parts': [m.slice(1).filter(Boolean).map(Number)] };
}

/** Without a type from a bibliography: an arXiv paper is a preprint (`article`), a listed one a `document` (BibTeX's @misc). */
function itemType(paper: CitablePaper): string {
  return paper.type ?? (paper.arxiv ? 'article' : 'document');
}

export function cslItem(paper: CitablePaper, key: string): CslItem {
  const notes: string[] = [];
  if (paper.themeTitles.length > 0) notes.push(`Themes: ${paper.themeTitles.join(', ')}`);
  const date = issued(paper.published);
  if (!date && paper.published?.text) notes.push(`Listed date: ${paper.published.text}`);
  if (date && paper.published?.yearSource === 'capture-date') notes.push('year inferred from the listing capture date');
  // A published paper's arXiv id has no CSL variable: it goes in the note, as Zotero's `extra` does.
  const preprint = paper.arxiv !== undefined && !paper.venue;
  if (paper.arxiv && !preprint) notes.push(`arXiv:${paper.arxiv}`);
  return {
    id: key,
    'citation-key': key,
    type: itemType(paper),
    title: paper.title,
    ...(paper.authors?.length ? { author: paper.authors.map(cslName) } : {}),
    ...(date ? { issued: date } : {}),
    ...(paper.venue ? { 'container-title': paper.venue } : {}),
    ...(paper.doi ? { DOI: paper.doi } : {}),
    // The paper's own address, else its arXiv page, else its page here: always somewhere to read it.
    URL: paper.url ?? (paper.arxiv ? arxivLinks(paper.arxiv).abstract : paper.pageUrl),
    ...(preprint ? { number: `arXiv:${paper.arxiv}`, publisher: 'arXiv' } : {}),
    ...(paper.keywords?.length ? { keyword: paper.keywords.join(',') } : {}),
    ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
  };
}
