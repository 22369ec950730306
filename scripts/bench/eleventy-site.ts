/**
 * The Eleventy 3 anchor of `npm run bench`: the smallest Eleventy site with a page per entry
 * at /papers/<slug>/ carrying what our paper page gives Pagefind (anchor-page.ts), built with
 * Eleventy's own command, then indexed with the Pagefind CLI (pagefind-cli.ts). Each entry's
 * Markdown is rendered by Eleventy's Markdown (markdown-it) alone: `templateEngineOverride`
 * keeps Liquid, which Eleventy runs over Markdown by default, off the entries' text.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { anchorFrontMatter, anchorPage, writeAnchorSite } from './anchor-page.ts';
import type { Entries } from './entry-variants.ts';

/** Eleventy's command (its package's `bin`), run with node. */
export const eleventyBin = join(dirname(createRequire(import.meta.url).resolve('@11ty/eleventy')), '..', 'cmd.cjs');

/** Where the site's pages are written, under its folder. */
export const ELEVENTY_OUTPUT = '_site';

/** Nunjucks; `escape` escapes once whether Eleventy autoescapes or not. */
const LAYOUT = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>{{ title | escape }}</title>
  </head>
  <body>
    <main data-pagefind-body>
      <h1>{{ title | escape }}</h1>
      {% if authors %}<p data-pagefind-meta="authors">{{ authors | escape }}</p>{% endif %}
      <div hidden data-pagefind-ignore>
        {% for filter in record.filters %}<span data-pagefind-filter="{{ filter.name }}">{{ filter.value | escape }}</span>{% endfor %}
        {% for sort in record.sorts %}<span data-pagefind-sort="{{ sort | escape }}"></span>{% endfor %}
        {% for meta in record.metas %}<span data-pagefind-meta="{{ meta.name }}">{{ meta.value | escape }}</span>{% endfor %}
      </div>
      {{ content | safe }}
    </main>
  </body>
</html>
`;

/** Writes the site over `entries` (path under content/papers -> text) into a new temporary folder; returns the folder. */
export function writeEleventySite(entries: Entries, themeTitles: ReadonlyMap<string, string>): Promise<string> {
  const pages = [...entries].map(([path, text]) => anchorPage(path, text, themeTitles));
  return writeAnchorSite('reading-list-eleventy-', [
    ['src/_includes/paper.njk', LAYOUT],
    ['src/papers/papers.11tydata.json', JSON.stringify({ layout: 'paper.njk', templateEngineOverride: 'md' })],
    ...pages.map((page) => [`src/papers/${page.slug}.md`, `${anchorFrontMatter(page, { permalink: `/papers/${page.slug}/` })}${page.body}`] as const),
  ]);
}

/** The arguments of `node` that build the site written in its folder (the command's working directory). */
export const eleventyBuildArgs = [eleventyBin, '--input=src', `--output=${ELEVENTY_OUTPUT}`, '--quiet'];
