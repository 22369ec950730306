import { relativeLink } from './links.ts';

/**
 * A stylesheet of the offline build, rewritten to work opened from disk: its root-relative
 * `url(/_astro/…)`s (KaTeX's fonts, which Vite writes so) become relative to the stylesheet
 * at `cssPath` (its path under the site root, `_astro/katex.x.css`).
 */
export function toOfflineStylesheet(css: string, cssPath: string): string {
  return css.replace(/url\((["']?)(\/[^)"']*)\1\)/g, (_match, quote: string, value: string) => `url(${quote}${relativeLink(cssPath, value)}${quote})`);
}
