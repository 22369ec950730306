import type { APIRoute, GetStaticPaths } from 'astro';
import { SITE } from '../../config.ts';
import { loadCitations } from '../../lib/site/citations.ts';
import { loadContent, themeRoutes, type Theme } from '../../lib/site/content.ts';
import { requireSite } from '../../lib/site/derived.ts';
import { bibtexFile } from '../../lib/site/export-bibtex.ts';
import { papersInTheme, plural } from '../../lib/site/papers.ts';

export const getStaticPaths = themeRoutes satisfies GetStaticPaths;

/** The papers of one theme as BibTeX, with the same keys as papers.bib. */
export const GET: APIRoute<{ theme: Theme }> = async (context) => {
  const { theme } = context.props;
  const [content, citations] = await Promise.all([loadContent(), loadCitations(requireSite(context.site))]);
  const entries = papersInTheme(content.papers, theme.id).map((paper) => citations.bibtex.get(paper.id)!);
  const text = bibtexFile(entries, `${SITE.title}, theme ${theme.data.title}: ${plural(entries.length, 'paper')}.`);
  return new Response(text, { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
};
