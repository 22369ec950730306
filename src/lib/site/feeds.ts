/**
 * RSS items for a list of papers (@astrojs/rss): its newest SITE.feedSize, by published
 * date, undated papers after with no pubDate; description = the curator's word (`curatorLine`)
 * and the abstract; categories = the paper's themes and the curator's tags. Scraped text
 * is data: readers must show it as written, never as markup (see feedItems).
 */
import type { RSSFeedItem } from '@astrojs/rss';
import type { Paper, SiteContent } from './content.ts';
import { paperUrl, pubDateOf, themeTitles } from './derived.ts';
import { SITE } from '../../config.ts';
import { sortPapers } from './papers.ts';
import { curatorLine } from './curation.ts';

/**
 * Characters XML 1.0 cannot hold at all (C0 controls but tab and line ends, lone
 * surrogates, U+FFFE/U+FFFF): dropped, since no escape can carry them.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '');
}

/**
 * `text` as HTML that shows exactly `text`: `&`, `<` and `>` become character references,
 * so nothing in it reads as a tag, a comment or a reference. Quotes stay as they are: they
 * only matter in attributes, and a reader showing the field as plain text would show the
 * reference instead.
 */
export function htmlText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/**
 * Which item fields readers take as HTML, and so carry htmlText (the XML layer's own
 * escaping, by @astrojs/rss, comes on top and is undone by every XML parser):
 *  - description: RSS 2.0 allows entity-encoded HTML in it, and "most aggregators will
 *    render descriptions as HTML" (RSS Advisory Board, "HTML titles and descriptions";
 *    its Best Practices Profile, https://www.rssboard.org/rss-profile, and the Feed
 *    Validator treat it as HTML too).
 *  - title: plain text by the spec and the Profile, but readers routinely take it as HTML
 *    when it looks like HTML, which scraped text can: SimplePie (FreshRSS, WordPress)
 *    reads an RSS title as "maybe HTML", HTML as soon as it holds a reference or an end
 *    tag; the Universal Feed Parser switches to HTML on the same signs ("lookslikehtml");
 *    Miniflux unescapes it twice; and Feedly, NewsBlur, Apple News, NetNewsWire and Vienna
 *    dropped a `<meta>` even from an Atom title marked type="text" (ctrl.blog, "Many feed
 *    readers don't handle plain text with XML-entities correctly"). Escaped, a title reads
 *    exactly in all of these; a reader that keeps titles strictly plain shows `&amp;`,
 *    `&lt;` or `&gt;` where a title has `&`, `<` or `>`: a visible reference, never markup.
 *  - category: plain text. SimplePie and the Feed Validator read it as text, Miniflux and
 *    the Feed Parser keep it as a tag name, and it is a theme title from the site's own
 *    themes file or a curator's tag (lowercase letters, digits and hyphens), not scraped text.
 */
export function feedItems(papers: readonly Paper[], content: SiteContent, site: URL): RSSFeedItem[] {
  return sortPapers(papers).slice(0, SITE.feedSize).map((paper) => {
    const pubDate = pubDateOf(paper);
    const description = htmlText(xmlSafe([curatorLine(paper.data), content.abstractText(paper)].filter(Boolean).join('. ')));
    return {
      title: htmlText(xmlSafe(paper.data.title)),
      link: paperUrl(paper, site),
      ...(pubDate ? { pubDate } : {}),
      ...(description ? { description } : {}),
      categories: [...themeTitles(paper, content), ...paper.data.tags].map(xmlSafe),
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
