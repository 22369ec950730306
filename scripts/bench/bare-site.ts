/**
 * The bare baseline the build is compared with: the smallest Astro site that renders
 * the same entries. One glob collection without a schema, one page per entry with its
 * title and rendered body, the site's Markdown settings and the MDX integration .mdx
 * entries would need; nothing else. Built with the `astro build` command itself, once over
 * the entries as `.md` (the baseline our build is held to) and once over the same entries
 * as `.mdx`, where `glob()` makes every entry a module of the server bundle.
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { linkNodeModules } from './project-copy.ts';

/** The `astro` command, run with node. */
export const astroBin = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');

const FILES: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'bare-baseline', private: true, type: 'module' }, null, 2),
  // The site's Markdown settings and its filter of Astro's one warning per MDX entry (withastro/astro#18087):
  // printing thousands of those takes time the site does not spend, and would flatter the comparison.
  'astro.config.mjs': `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';

export default defineConfig({
  markdown: { processor: satteri({ features: { gfm: false, smartPunctuation: false } }) },
  integrations: [mdx()],
  vite: {
    build: {
      rolldownOptions: {
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
`,
  // The glob loader takes an entry's id from its \`slug\` field, as the site does.
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = {
  papers: defineCollection({ loader: glob({ pattern: '**/*.{md,mdx}', base: './content/papers' }) }),
};
`,
  'src/pages/papers/[...id].astro': `---
import { getCollection, render } from 'astro:content';

export async function getStaticPaths() {
  const papers = await getCollection('papers');
  return papers.map((paper) => ({ params: { id: paper.id }, props: { paper } }));
}

const { paper } = Astro.props;
const { Content } = await render(paper);
---

<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>{paper.data.title}</title>
  </head>
  <body>
    <h1>{paper.data.title}</h1>
    <Content />
  </body>
</html>
`,
};

/** Writes the baseline into a new temporary folder with a copy of `papersDir` as its entries; returns the folder. */
export async function writeBareSite(papersDir: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'reading-list-bare-'));
  try {
    for (const [path, text] of Object.entries(FILES)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    await cp(papersDir, join(dir, 'content/papers'), { recursive: true });
    await linkNodeModules(dir);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return dir;
}
