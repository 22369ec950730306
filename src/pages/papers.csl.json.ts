import type { APIRoute } from 'astro';
import { loadCitations } from '../lib/site/citations.ts';
import { loadContent } from '../lib/site/content.ts';
import { requireSite } from '../lib/site/derived.ts';

/** Every paper as CSL-JSON (Zotero's "CSL JSON", Pandoc's `--bibliography`), newest first. */
export const GET: APIRoute = async (context) => {
  const [content, citations] = await Promise.all([loadContent(), loadCitations(requireSite(context.site))]);
  const items = content.papers.map((paper) => citations.items.get(paper.id)!);
  return new Response(`${JSON.stringify(items, null, 2)}\n`, { headers: { 'Content-Type': 'application/vnd.citationstyles.csl+json; charset=utf-8' } });
};
