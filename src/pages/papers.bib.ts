import type { APIRoute } from 'astro';
import { SITE } from '../config.ts';
import { loadCitations } from '../lib/site/citations.ts';
import { loadContent } from '../lib/site/content.ts';
import { requireSite } from '../lib/site/derived.ts';
import { bibtexFile } from '../lib/site/export-bibtex.ts';
import { plural } from '../lib/site/papers.ts';

/** Every paper as BibTeX (UTF-8), newest first. */
export const GET: APIRoute = async (context) => {
  const [content, citations] = await Promise.all([loadContent(), loadCitations(requireSite(context.site))]);
  const entries = content.papers.map((paper) => citations.bibtex.get(paper.id)!);
  const text = bibtexFile(entries, `${SITE.title}: ${plural(entries.length, 'paper')}.`);
  return new Response(text, { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
};
