/**
 * RSS items for a list of papers (@astrojs/rss): its newest SITE.feedSize, by published
 * date, undated papers after with no pubDate; description = the abstract as plain text.
 */
import type { RSSFeedItem } from '@astrojs/rss';
import type { Paper, SiteContent } from './content.ts';
import { paperUrl, pubDateOf, themeTitles } from './derived.ts';
import { SITE } from '../../config.ts';
import { sortPapers } from './papers.ts';

/**
 * Characters XML 1.0 cannot hold at all (C0 controls but tab and line ends, lone
 * surrogates, U+FFFE/U+FFFF): dropped, since no escape can carry them.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '');
}

export function feedItems(papers: readonly Paper[], content: SiteContent, site: URL): RSSFeedItem[] {
  return sortPapers(papers).slice(0, SITE.feedSize).map((paper) => {
    const pubDate = pubDateOf(paper);
    const description = xmlSafe(content.abstractText(paper));
    return {
      title: xmlSafe(paper.data.title),
      link: paperUrl(paper, site),
      ...(pubDate ? { pubDate } : {}),
      ...(description ? { description } : {}),
      categories: themeTitles(paper, content).map(xmlSafe),
    };
  });
}

/**
 * Channel extras for @astrojs/rss: the feed's language and its own address
 * (`atom:link rel="self"`, which feed validators ask for). `feedUrl` is built from
 * the configured site, never from scraped text.
 */
export function channelExtras(feedUrl: string, lang: string): { xmlns: Record<string, string>; customData: string } {
  const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return {
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>${attribute(lang)}</language><atom:link href="${attribute(feedUrl)}" rel="self" type="application/rss+xml"/>`,
  };
}
