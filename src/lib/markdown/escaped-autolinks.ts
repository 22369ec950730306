import { defineMdastPlugin } from 'satteri';

/**
 * GFM turns a bare `www.x.org`, `https://x.org` or `a@b.co` into a link. In micromark (and
 * so for mdast-util-gfm's serialiser, which ingest escapes abstracts with) a backslash or a
 * character reference in it (`www\.x.org`, `https\://x.org`, `a\@b.co`) keeps it text;
 * Sätteri links it all the same, for it finds these links in the text after escapes are
 * resolved (and it links the `WWW` of `WWW\.`, without the dot). This plugin restores
 * micromark's reading: an autolink whose source is not exactly its text, or a `www.` link
 * without its `www.`, goes back to being that text. Links written as links (`[t](u)`, `<u>`,
 * `[[slug]]`) and bare URLs written as they read (in notes) stay links.
 */
export const escapedAutolinks = defineMdastPlugin({
  name: 'escaped-autolinks',
  options: { position: true },
  link(node, ctx) {
    const { start, end } = node.position ?? {};
    if (start?.offset === undefined || end?.offset === undefined) return;
    const source = ctx.source.slice(start.offset, end.offset);
    if (source.startsWith('[') || source.startsWith('<')) return;
    const text = ctx.textContent(node);
    const wwwLink = node.url.startsWith('http://') && !/^http:/i.test(text);
    if (source !== text || (wwwLink && !/^www\./i.test(text))) ctx.replaceNode(node, { type: 'text', value: text });
  },
});
