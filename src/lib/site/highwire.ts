/**
 * The Highwire Press `citation_*` meta tags of a paper page, which Google Scholar and
 * Zotero's connector read to take the page as a paper. Pure: name/content pairs, in order.
 */
import type { Published } from './dates.ts';
import { arxivLinks, type CitablePaper } from './csl.ts';

export type HighwirePaper = Pick<CitablePaper, 'title' | 'authors' | 'published' | 'venue' | 'type' | 'doi' | 'arxiv' | 'keywords'>;

/** CSL types whose venue is a journal, and a conference's proceedings. */
const JOURNAL_TYPES = new Set(['article-journal', 'article-magazine', 'article-newspaper', 'review', 'review-book']);
const CONFERENCE_TYPES = new Set(['paper-conference']);

/**
 * The date as Highwire wants it (`2024/02/01`, `2024/06`, `2024`), only when the source gave
 * the year: a year taken from a listing's capture date is a guess, and Scholar and Zotero
 * would store it as the publication year.
 */
export function highwireDate(published: Published | undefined): string | undefined {
  if (!published?.date || published.yearSource === 'capture-date') return undefined;
  return /^\d{4}(-\d{2}){0,2}$/.test(published.date) ? published.date.replaceAll('-', '/') : undefined;
}

export function highwireTags(paper: HighwirePaper, pageUrl: string | undefined): [name: string, content: string][] {
  const tags: [string, string][] = [['citation_title', paper.title]];
  // `Family, Given` is a form both readers take; a literal name goes as it is.
  for (const author of paper.authors ?? []) tags.push(['citation_author', author]);
  const date = highwireDate(paper.published);
  if (date) tags.push(['citation_publication_date', date], ['citation_date', date]);
  if (paper.venue && paper.type && JOURNAL_TYPES.has(paper.type)) tags.push(['citation_journal_title', paper.venue]);
  if (paper.venue && paper.type && CONFERENCE_TYPES.has(paper.type)) tags.push(['citation_conference_title', paper.venue]);
  if (paper.doi) tags.push(['citation_doi', paper.doi]);
  if (paper.arxiv) tags.push(['citation_arxiv_id', paper.arxiv], ['citation_pdf_url', arxivLinks(paper.arxiv).pdf]);
  for (const keyword of paper.keywords ?? []) tags.push(['citation_keywords', keyword]);
  if (pageUrl) tags.push(['citation_abstract_html_url', pageUrl]);
  return tags;
}
