import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { SITE } from '../config.ts';
import { loadContent } from '../lib/site/content.ts';
import { requireSite } from '../lib/site/derived.ts';
import { channelExtras, feedItems, htmlText } from '../lib/site/feeds.ts';
import { absoluteUrl, url } from '../lib/site/urls.ts';

/** The newest papers (SITE.feedSize), newest first. Readers take the channel's title and description as HTML, like an item's (feeds.ts). */
export const GET: APIRoute = async (context) => {
  const site = requireSite(context.site);
  const content = await loadContent();
  return rss({
    title: htmlText(SITE.title),
    description: htmlText(SITE.description),
    site: absoluteUrl(url('/'), site),
    items: feedItems(content.papers, content, site),
    ...channelExtras(absoluteUrl(url('/rss.xml'), site), SITE.lang),
  });
};
