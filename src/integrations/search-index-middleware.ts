import { defineMiddleware } from 'astro:middleware';
import { isMarkedForSearch, pagePath, searchHandover } from '../lib/build/search-handover.ts';
import { loadContent } from '../lib/site/content.ts';
import { paperPath } from '../lib/site/urls.ts';

/** The base the pages' URLs start with, without its final `/`. */
const BASE = import.meta.env.BASE_URL.replace(/\/$/, '');

let expected: Promise<void> | undefined;

/**
 * Hands every rendered page marked for search (the paper pages) to the search index, as
 * Astro renders it (src/integrations/search-index.ts). The index expects one page per paper.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const handover = searchHandover();
  if (!handover) return next();
  expected ??= loadContent().then(({ papers }) => handover.expect(papers.map((paper) => pagePath(paperPath(paper.id)))));
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  if (isMarkedForSearch(html)) {
    await expected;
    handover.offer(pagePath(context.url.pathname.slice(BASE.length)), html);
  }
  return new Response(html, response);
});
