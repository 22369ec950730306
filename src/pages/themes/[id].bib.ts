import type { APIRoute, GetStaticPaths } from 'astro';
import { SITE } from '../../config.ts';
import { bibtexFile } from '../../lib/site/bibtex.ts';
import { loadContent, themeRoutes, type Theme } from '../../lib/site/content.ts';
import { bibtexPaper, loadDerived, requireSite } from '../../lib/site/derived.ts';
import { papersInTheme, plural } from '../../lib/site/papers.ts';

export const getStaticPaths = themeRoutes satisfies GetStaticPaths;

/** The papers of one theme as BibTeX, with the same keys as papers.bib. */
export const GET: APIRoute<{ theme: Theme }> = async (context) => {
  const site = requireSite(context.site);
  const { theme } = context.props;
  const [content, derived] = await Promise.all([loadContent(), loadDerived()]);
  const papers = papersInTheme(content.papers, theme.id).map((paper) => bibtexPaper(paper, content, site));
  const heading = `${SITE.title}, theme ${theme.data.title}: ${plural(papers.length, 'paper')}.`;
  const text = bibtexFile(papers, derived.citationKeys, { siteTitle: SITE.title }, heading);
  return new Response(text, { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
};
