// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

/**
 * `BASE_PATH=/reading-list` (or `reading-list/`) -> `/reading-list`; unset or `/` -> `/`.
 * @param {string | undefined} value
 */
function basePath(value) {
  const trimmed = (value ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}` : '/';
}

export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  base: basePath(process.env.BASE_PATH),
  // Every page is a directory URL (`/papers/<slug>/`); with `always`, BASE_URL also ends in `/`.
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Abstracts are scraped text and render exactly as written: no GFM (`~50% ... ~70%`
  // would become strikethrough, bare URLs links) and no smart punctuation ("SELF" would
  // become “SELF”, `--` a dash).
  integrations: [mdx({ gfm: false, smartypants: false })],
  vite: {
    build: {
      rolldownOptions: {
        // Astro's MDX output triggers one harmless MODULE_LEVEL_DIRECTIVE warning per
        // entry ("use astro:head-inject"; withastro/astro#18087). Drop just that one.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
