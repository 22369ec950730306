import type { APIRoute, GetStaticPaths } from 'astro';
import { loadCitations } from '../../lib/site/citations.ts';
import { loadContent, themeRoutes, type Theme } from '../../lib/site/content.ts';
import { requireSite } from '../../lib/site/derived.ts';
import { risFile } from '../../lib/site/export-ris.ts';
import { papersInTheme } from '../../lib/site/papers.ts';

export const getStaticPaths = themeRoutes satisfies GetStaticPaths;

/** The papers of one theme as RIS, with the same IDs as papers.ris. */
export const GET: APIRoute<{ theme: Theme }> = async (context) => {
  const [content, citations] = await Promise.all([loadContent(), loadCitations(requireSite(context.site))]);
  const text = risFile(papersInTheme(content.papers, context.props.theme.id).map((paper) => citations.ris.get(paper.id)!));
  return new Response(text, { headers: { 'Content-Type': 'application/x-research-info-systems; charset=utf-8' } });
};
