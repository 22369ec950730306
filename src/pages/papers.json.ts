import type { APIRoute } from 'astro';
import { SITE } from '../config.ts';
import { loadContent } from '../lib/site/content.ts';
import { loadCitations } from '../lib/site/citations.ts';
import { loadDerived, paperUrl, requireSite } from '../lib/site/derived.ts';
import { absoluteUrl, themePath, url } from '../lib/site/urls.ts';

/**
 * Every paper's data, for scripts: newest first (as the site lists them). Absent
 * optional fields are `null`, so every record has the same keys. No build time or
 * other varying value: the file is byte-identical between builds of the same content.
 */
export const GET: APIRoute = async (context) => {
  const site = requireSite(context.site);
  const [content, derived, citations] = await Promise.all([loadContent(), loadDerived(), loadCitations(site)]);
  const data = {
    title: SITE.title,
    description: SITE.description,
    url: absoluteUrl(url('/'), site),
    themes: content.themes.map((theme) => ({
      id: theme.id,
      title: theme.data.title,
      description: theme.data.description,
      terms: theme.data.terms,
      url: absoluteUrl(url(themePath(theme.id)), site),
      papers: content.paperCounts.get(theme.id) ?? 0,
    })),
    papers: content.papers.map((paper) => {
      const { title, themes, matchedTerms, authors, authorsCount, organisation, published, venue, type, doi, arxiv, keywords, upvotes, sources, tags, rating, status, pick } = paper.data;
      return {
        slug: paper.id,
        url: paperUrl(paper, site),
        title,
        abstract: content.abstractText(paper),
        themes: themes.map((ref) => ref.id),
        mainTheme: themes[0]?.id ?? null,
        matchedTerms,
        published: published
          ? { text: published.text, date: published.date ?? null, precision: published.precision ?? null, yearSource: published.yearSource ?? null }
          : null,
        authors: authors ?? null,
        authorsCount: authorsCount ?? null,
        organisation: organisation ?? null,
        venue: venue ?? null,
        type: type ?? null,
        doi: doi ?? null,
        arxiv: arxiv ?? null,
        // `url` is the paper's page here (as before); the paper's own address is `externalUrl`.
        externalUrl: paper.data.url ?? null,
        keywords: keywords ?? null,
        upvotes: upvotes ?? null,
        sources,
        // The curator's (src/lib/curator.ts).
        tags,
        rating: rating ?? null,
        status: status ?? null,
        pick,
        citationKey: citations.keys.get(paper.id) ?? null,
        related: (derived.related.get(paper.id) ?? []).map((other) => other.id),
      };
    }),
  };
  return new Response(`${JSON.stringify(data, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
