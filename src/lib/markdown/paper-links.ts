/**
 * Links between papers in notes, the wikilink habit of Obsidian and Quartz: `[[slug]]` and
 * `[[slug|text]]` link to the page of the paper whose slug (its URL segment) that is.
 * Sätteri's `wikilinks` feature parses them into ordinary links (`url` the slug); this
 * plugin gives them the paper page's URL under the site's base. That a slug names a paper is
 * checked against the collection when pages are built (src/lib/site/note-links.ts), which
 * fails the build naming the entry and the line.
 */
import { defineMdastPlugin } from 'satteri';

/** A link between papers as written: `[[slug]]` or `[[slug|text]]`. */
const WIKILINK = /^\[\[([^[\]|]+?)(?:\|[^[\]]*)?\]\]$/;

/** The slug a link's source text links to when it is a link between papers (`[[slug]]`, `[[slug|text]]`). */
export function wikilinkSlug(source: string): string | undefined {
  return WIKILINK.exec(source)?.[1]?.trim();
}

/** The page of the paper `slug` under `base` (`/` or `/reading-list/`), as urls.ts's paperPath makes it. */
export function paperHref(base: string, slug: string): string {
  return `${base}papers/${encodeURIComponent(slug)}/`;
}

/** The mdast plugin: every `[[slug]]` and `[[slug|text]]` links to `paperHref(base, slug)`. */
export function paperLinks(base: string) {
  return defineMdastPlugin({
    name: 'paper-links',
    options: { position: true },
    link(node, ctx) {
      const { start, end } = node.position ?? {};
      if (start?.offset === undefined || end?.offset === undefined) return;
      const slug = wikilinkSlug(ctx.source.slice(start.offset, end.offset));
      if (slug !== undefined) ctx.setProperty(node, 'url', paperHref(base, slug));
    },
  });
}
