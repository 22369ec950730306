import type { APIRoute } from 'astro';
import { loadCitations } from '../lib/site/citations.ts';
import { loadContent } from '../lib/site/content.ts';
import { requireSite } from '../lib/site/derived.ts';
import { risFile } from '../lib/site/export-ris.ts';

/** Every paper as RIS (UTF-8), newest first. */
export const GET: APIRoute = async (context) => {
  const [content, citations] = await Promise.all([loadContent(), loadCitations(requireSite(context.site))]);
  const text = risFile(content.papers.map((paper) => citations.ris.get(paper.id)!));
  return new Response(text, { headers: { 'Content-Type': 'application/x-research-info-systems; charset=utf-8' } });
};
