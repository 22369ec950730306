/**
 * The Hugo anchor of `npm run bench`, when `hugo` is on the PATH (Debian's package): the
 * smallest Hugo site with a page per entry at /papers/<slug>/ carrying what our paper page
 * gives Pagefind (anchor-page.ts), then indexed with the Pagefind CLI (pagefind-cli.ts).
 * Every value a page prints is under keys of ours, never Hugo's own (`date`, `tags`...), so
 * partial dates such as `2024-05` are text to Hugo, as to our site.
 */
import { spawnSync } from 'node:child_process';
import { anchorFrontMatter, anchorPage, writeAnchorSite } from './anchor-page.ts';
import type { Entries } from './entry-variants.ts';

/** Where the site's pages are written, under its folder. */
export const HUGO_OUTPUT = 'public';

/** Hugo's version line, or undefined when `hugo` is not on the PATH. */
export function hugoVersion(): string | undefined {
  const run = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim() : undefined;
}

// Only the paper pages: no home, lists, feeds or sitemap (our other pages are not indexed either).
// Raw HTML in an entry is kept, as our Markdown keeps it.
const CONFIG = `baseURL = "/"
languageCode = "en"
disableKinds = ["home", "section", "taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]

[markup.goldmark.renderer]
unsafe = true
`;

/** Go's html/template escapes every value for where it is printed. */
const LAYOUT = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>{{ .Title }}</title>
  </head>
  <body>
    <main data-pagefind-body>
      <h1>{{ .Title }}</h1>
      {{ with .Params.authors }}<p data-pagefind-meta="authors">{{ . }}</p>{{ end }}
      <div hidden data-pagefind-ignore>
        {{ range .Params.record.filters }}<span data-pagefind-filter="{{ .name }}">{{ .value }}</span>{{ end }}
        {{ range .Params.record.sorts }}<span data-pagefind-sort="{{ . }}"></span>{{ end }}
        {{ range .Params.record.metas }}<span data-pagefind-meta="{{ .name }}">{{ .value }}</span>{{ end }}
      </div>
      {{ .Content }}
    </main>
  </body>
</html>
`;

/** Writes the site over `entries` (path under content/papers -> text) into a new temporary folder; returns the folder. */
export function writeHugoSite(entries: Entries, themeTitles: ReadonlyMap<string, string>): Promise<string> {
  const pages = [...entries].map(([path, text]) => anchorPage(path, text, themeTitles));
  return writeAnchorSite('reading-list-hugo-', [
    ['config.toml', CONFIG],
    ['layouts/_default/single.html', LAYOUT],
    ...pages.map((page) => [`content/papers/${page.slug}.md`, `${anchorFrontMatter(page, { url: `/papers/${page.slug}/` })}${page.body}`] as const),
  ]);
}

/** The arguments of `hugo` that build the site in its folder (the command's working directory). */
export const hugoBuildArgs = ['--destination', HUGO_OUTPUT, '--quiet'];
