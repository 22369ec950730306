/**
 * The Markdown syntax the site's processor reads in every entry (Astro's Sätteri, for
 * `.md`, plain `.mdx` rendered while content loads, and through @astrojs/mdx the others):
 * astro.config.mjs gives it these, and ingest escapes each abstract for exactly these
 * (src/lib/ingest/entry.ts), so that notes get GFM, math and links between papers while
 * scraped abstracts render as written.
 *
 * Smart punctuation stays off: it rewrites text that is not syntax at all (`"SELF"` would
 * become `“SELF”`, `--` a dash), which no escape can prevent.
 */
export const MARKDOWN_FEATURES = {
  /** Tables, task lists, footnotes, strikethrough (`~x~` too) and autolinks (`www.x.org`, `https://…`). */
  gfm: true,
  /** `$…$` and `$$…$$`, rendered with KaTeX at build time. */
  math: true,
  /** `[[slug]]` and `[[slug|text]]`, links between papers. */
  wikilinks: true,
  smartPunctuation: false,
} as const;
