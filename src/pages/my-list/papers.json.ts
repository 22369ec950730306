/**
 * `/my-list/papers.json`: what the reader's-list script needs to name papers it only
 * knows by slug (title, page URL, themes), for /my-list/ and the home page's
 * per-theme progress. Compact: `papers` maps slug -> [title, theme indexes]; a paper's URL
 * is `paperPath(slug)` under the base.
 */
import type { APIRoute } from 'astro';
import { loadContent } from '../../lib/site/content.ts';
import { themePath, url } from '../../lib/site/urls.ts';

export interface PaperIndex {
  themes: { id: string; title: string; url: string }[];
  papers: Record<string, [title: string, themes: number[]]>;
}

export const GET: APIRoute = async () => {
  const { themes, papers } = await loadContent();
  const position = new Map(themes.map((theme, i) => [theme.id, i]));
  const index: PaperIndex = {
    themes: themes.map((theme) => ({ id: theme.id, title: theme.data.title, url: url(themePath(theme.id)) })),
    papers: {},
  };
  for (const paper of papers) {
    const ids = [...new Set(paper.data.themes.map((ref) => ref.id))];
    index.papers[paper.id] = [paper.data.title, ids.flatMap((id) => position.get(id) ?? [])];
  }
  return new Response(JSON.stringify(index), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
