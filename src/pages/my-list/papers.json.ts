/**
 * `/my-list/papers.json`: what the reader's-list script needs to name papers it only
 * knows by slug (title, page URL, themes), for /my-list/ and the home page's
 * per-theme progress, and the curator's word beside the reader's own on /my-list/. Compact:
 * `papers` maps slug -> [title, theme indexes, the curator's fields if any]; a paper's URL
 * is `paperPath(slug)` under the base.
 */
import type { APIRoute } from 'astro';
import { loadContent } from '../../lib/site/content.ts';
import { compactCuration, type CurationLike } from '../../lib/site/curation.ts';
import { themePath, url } from '../../lib/site/urls.ts';

export interface PaperIndex {
  themes: { id: string; title: string; url: string }[];
  papers: Record<string, [title: string, themes: number[], curation?: CurationLike]>;
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
    const themeNumbers = ids.flatMap((id) => position.get(id) ?? []);
    const curation = compactCuration(paper.data);
    index.papers[paper.id] = curation ? [paper.data.title, themeNumbers, curation] : [paper.data.title, themeNumbers];
  }
  return new Response(JSON.stringify(index), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
