import type { APIRoute } from 'astro';
import { SITE } from '../config.ts';
import { bibtexFile } from '../lib/site/bibtex.ts';
import { loadContent } from '../lib/site/content.ts';
import { bibtexPaper, loadDerived, requireSite } from '../lib/site/derived.ts';
import { plural } from '../lib/site/papers.ts';

/** Every paper as BibTeX (UTF-8), newest first. */
export const GET: APIRoute = async (context) => {
  const site = requireSite(context.site);
  const [content, derived] = await Promise.all([loadContent(), loadDerived()]);
  const papers = content.papers.map((paper) => bibtexPaper(paper, content, site));
  const text = bibtexFile(papers, derived.citationKeys, { siteTitle: SITE.title }, `${SITE.title}: ${plural(papers.length, 'paper')}.`);
  return new Response(text, { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
};
