// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import { relatedPapersAhead } from './src/integrations/related-papers.ts';
import { markdownPipeline } from './src/lib/markdown/pipeline.ts';
import { basePath, deploymentProblems, siteUrl } from './src/lib/build/deployment.ts';

// scripts/build.ts checks them first; this stops `astro dev`, `astro preview` and
// scripts/astro-build.ts with the same message.
const problems = deploymentProblems(process.env);
if (problems.length > 0) throw new Error(problems.join('\n'));

export default defineConfig({
  site: siteUrl(process.env.SITE_URL),
  base: basePath(process.env.BASE_PATH),
  // Every page is a directory URL (`/papers/<slug>/`); with `always`, BASE_URL also ends in `/`.
  trailingSlash: 'always',
  // Pages are rendered 8 at a time (Astro's default is one): while one page's file is
  // being written the next is rendered, a quarter off page generation at 10,000 papers
  // (npm run bench). Rendering stays on one thread; memory does not grow with it.
  build: { format: 'directory', concurrency: 8 },
  // Notes get GFM, math and links between papers; abstracts, scraped text, render exactly as
  // written because ingest escapes them for that syntax, and smart punctuation (which no escape
  // prevents: "SELF" would become “SELF”) stays off (src/lib/markdown/). Astro's Markdown
  // processor, for .md entries and (through the MDX integration, which extends it) .mdx ones.
  markdown: {
    processor: satteri(markdownPipeline({ base: `${basePath(process.env.BASE_PATH).replace(/\/$/, '')}/` })),
    // Code blocks in notes are highlighted while the site builds (Shiki), in the colours of the
    // light and the dark theme: light-dark() follows the page's color-scheme, the reader's choice.
    shikiConfig: { themes: { light: 'github-light', dark: 'github-dark' }, defaultColor: 'light-dark()' },
  },
  // The sitemap lists every page under `site` + `base` (it needs `site`, which is always set here).
  integrations: [relatedPapersAhead(), mdx(), sitemap()],
  vite: {
    build: {
      // Never inline a bundled <script> into the page (Astro inlines small ones): every
      // script is a file under _astro/, so pages carry no inline script (hostile-text checks,
      // and a strict CSP). Other assets keep Vite's default (undefined = its 4 kB limit).
      assetsInlineLimit: (/** @type {string} */ file) => (file.endsWith('.js') ? false : undefined),
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
