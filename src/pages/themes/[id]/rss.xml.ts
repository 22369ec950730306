import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { SITE } from '../../../config.ts';
import { loadContent, themeRoutes, type Theme } from '../../../lib/site/content.ts';
import { requireSite } from '../../../lib/site/derived.ts';
import { channelExtras, feedItems, htmlText } from '../../../lib/site/feeds.ts';
import { papersInTheme } from '../../../lib/site/papers.ts';
import { absoluteUrl, themePath, url } from '../../../lib/site/urls.ts';

export const getStaticPaths = themeRoutes satisfies GetStaticPaths;

/** The newest papers of one theme (SITE.feedSize), newest first. Readers take the channel's title and description as HTML, like an item's (feeds.ts). */
export const GET: APIRoute<{ theme: Theme }> = async (context) => {
  const site = requireSite(context.site);
  const { theme } = context.props;
  const content = await loadContent();
  return rss({
    title: htmlText(`${theme.data.title} · ${SITE.title}`),
    description: htmlText(theme.data.description),
    site: absoluteUrl(url(themePath(theme.id)), site),
    items: feedItems(papersInTheme(content.papers, theme.id), content, site),
    ...channelExtras(absoluteUrl(url(`${themePath(theme.id)}rss.xml`), site), SITE.lang),
  });
};
