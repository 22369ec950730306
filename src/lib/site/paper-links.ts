/**
 * Where a paper itself can be read: its arXiv pages, its DOI, its own URL. Pure.
 */
import { isWebUrl } from '../ingest/fields.ts';
import { arxivLinks, doiUrl } from './csl.ts';

export interface PaperLink {
  label: string;
  href: string;
}

export interface IdentifiedPaper {
  arxiv?: string;
  doi?: string;
  url?: string;
}

/**
 * The URL when its scheme is http or https (normalised by the URL parser), else undefined: never a
 * `javascript:` link, even from an entry the schema did not check (it refuses other schemes).
 */
export function webUrl(text: string): string | undefined {
  return isWebUrl(text) ? new URL(text).href : undefined;
}

/** Links to the paper, in the order a reader wants them: arXiv abstract and PDF, DOI, then its own URL. */
export function paperLinks(paper: IdentifiedPaper): PaperLink[] {
  const links: PaperLink[] = [];
  if (paper.arxiv) {
    const { abstract, pdf } = arxivLinks(paper.arxiv);
    links.push({ label: `arXiv:${paper.arxiv}`, href: abstract }, { label: 'PDF on arXiv', href: pdf });
  }
  if (paper.doi) links.push({ label: `DOI ${paper.doi}`, href: doiUrl(paper.doi) });
  const url = paper.url ? webUrl(paper.url) : undefined;
  if (url && !links.some((link) => link.href === url)) links.push({ label: url, href: url });
  return links;
}
