/**
 * src/lib/site/papers-loader.ts against what it replaces, in real Astro builds of a copy of
 * the project whose content config has two collections over the same entries: Astro's
 * glob(), which compiles every .mdx file with @astrojs/mdx, and the papers loader. The
 * entries are the seeds' and the hostile fixture's (as ingest writes them) and edge cases.
 *
 *  - Every entry the loader rendered while loading renders to the same DOM as MDX's compile.
 *  - Astro's contract (Astro's guides do not describe it, so it is pinned and checked here):
 *    entries stored with `deferredRender` are the modules of astro:content-module-imports,
 *    and render through them (a component included); rendered entries are not modules.
 *  - An invalid .mdx entry fails the build as it does under glob(), naming the file and line.
 */
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { filesUnder } from '../../src/lib/files-under.ts';
import { astroBin } from '../../scripts/bench/bare-site.ts';
import { runStep } from '../setup/build-site.ts';
import { copyProject } from '../setup/fixture-site.ts';
import { hostileListing } from '../setup/hostile-fixture.ts';
import { SEEDS_DIR, seedNames } from '../setup/seeds.ts';

const CONTENT_CONFIG = `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { papersLoader } from './lib/site/papers-loader.ts';

// One id scheme for both: the path without its extension.
const generateId = ({ entry }: { entry: string }) => entry.replace(/\\.mdx?$/, '');
export const collections = {
  viaGlob: defineCollection({ loader: glob({ pattern: '**/*.mdx', base: './content/glob', generateId }) }),
  viaLoader: defineCollection({ loader: papersLoader({ base: './content/loader', generateId }) }),
};
`;

const PAGE = `---
import { getCollection, render } from 'astro:content';

export async function getStaticPaths() {
  const [viaGlob, viaLoader] = await Promise.all([getCollection('viaGlob'), getCollection('viaLoader')]);
  return [
    ...viaGlob.map((entry) => ({ params: { kind: 'glob', id: entry.id }, props: { entry, how: 'module' } })),
    ...viaLoader.map((entry) => ({ params: { kind: 'loader', id: entry.id }, props: { entry, how: entry.rendered ? 'load' : 'module' } })),
  ];
}

const { entry, how } = Astro.props;
const { Content } = await render(entry);
---
<html lang="en"><head><title>{entry.id}</title></head><body><main data-how={how}><Content /></main></body></html>
`;

/** The site's Markdown settings (astro.config.mjs), and MDX. */
const ASTRO_CONFIG = `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';

export default defineConfig({
  markdown: { processor: satteri({ features: { gfm: false, smartPunctuation: false } }) },
  integrations: [mdx()],
  build: { format: 'directory' },
  vite: { build: { rolldownOptions: { onwarn(warning, warn) { if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning); } } } },
});
`;

const ASIDE = `---
const { kind = 'note' } = Astro.props;
---
<aside class={\`aside aside-\${kind}\`}><slot /></aside>
`;

const front = (title: string) => `---\ntitle: ${JSON.stringify(title)}\n---\n`;

/** Entries that probe where Markdown and MDX could part ways (path under edge/ -> text). */
const EDGE_CASES: Record<string, string> = {
  'component.mdx': `${front('Component')}An abstract.\n\nimport Aside from '../../../src/components/Aside.astro';\n\n<Aside kind="tip">A tip in **MDX**.</Aside>\n`,
  'expression.mdx': `${front('Expression')}One and one make {1 + 1}.\n`,
  'comment-first.mdx': `${front('No abstract')}{/* no abstract in the listings */}\n\nMy notes.\n`,
  'comment-only.mdx': `${front('Only a comment')}{/* no abstract in the listings */}\n`,
  'empty-body.mdx': front('Empty'),
  'crlf.mdx': front('CRLF').replaceAll('\n', '\r\n') + 'Abstract line.\r\n\r\n## Notes\r\n\r\n- one\r\n- two\r\n',
  'fences.mdx': `${front('Fences')}Abstract.\n\n\`\`\`js {1,3}\nimport x from 'y';\n    const a = { b: <div /> };\n\`\`\`\n\n~~~\n{x}\n   ~~~~~\nAfter the fence, \`a {code} span\`? No: \\{escaped}.\n\n\`\`\`\nunclosed {x} <y>\n`,
  'lists.mdx': `${front('Lists')}  - a first item, indented\n\n   b, not in the item\n\n1. one\n2. two\n   - nested\n\n> a quote\n> with *emphasis* and __strong__\n`,
  'headings.mdx': `${front('Headings')}Abstract.\n\n# Same\n\n## Same\n\nSetext\n===\n\nText  \nwith a hard break\\\nand another.\n`,
  'escapes.mdx': `${front('Escapes')}Costs 10^\\{26} } and a \\<tag> and \\![not an image](x) &#x69;mport &lt; &amp; &copy; \\\\ \\* \\_.\n`,
  'rule-first.mdx': `${front('Rule first')}---\nfoo\n---\nbar\n`,
  'links.mdx': `${front('Links')}See [a link](https://example.org "Title"), [a reference][ref] and [javascript](javascript:alert(1)).\n\n[ref]: https://example.org/ref\n`,
  'code-spans.mdx': `${front('Code spans')}Use \`\`a \` b\`\` and \`*x*\` and *em* _em_ **strong**.\n`,
};

const BROKEN = `${front('Broken')}An abstract.\n\n<div>never closed\n`;

let dir: string;
const build = (env: Record<string, string> = {}) => runStep({ label: 'astro build (papers loader)', command: process.execPath, args: [astroBin, 'build'], cwd: dir, env });

async function writeEntries(folder: string, entries: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(entries)) {
    await mkdir(join(dir, folder, path, '..'), { recursive: true });
    await writeFile(join(dir, folder, path), text);
  }
}

beforeAll(async () => {
  dir = await copyProject('reading-list-papers-loader-');
  // The seeds' and the hostile fixture's entries, as ingest writes them.
  for (const name of seedNames) await cp(join(SEEDS_DIR, name), join(dir, 'seeds', name));
  await writeFile(join(dir, 'seeds', 'hostile.txt'), hostileListing());
  await runStep({ label: 'ingest (papers loader)', command: process.execPath, args: ['scripts/ingest.ts'], cwd: dir });
  await rm(join(dir, 'src/pages'), { recursive: true });
  await writeEntries('', {
    'astro.config.mjs': ASTRO_CONFIG,
    'src/content.config.ts': CONTENT_CONFIG,
    'src/pages/[kind]/[...id].astro': PAGE,
    'src/components/Aside.astro': ASIDE,
  });
  for (const folder of ['content/glob', 'content/loader']) {
    await cp(join(dir, 'content/papers'), join(dir, folder), { recursive: true });
    await writeEntries(folder, Object.fromEntries(Object.entries(EDGE_CASES).map(([path, text]) => [`edge/${path}`, text])));
  }
  await build();
}, 600_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The `<main>` of a built page as a hast tree, without positions or white space between elements (outside `pre`). */
async function mainOf(kind: string, id: string): Promise<{ how: string | undefined; tree: unknown }> {
  const html = await readFile(join(dir, 'dist', kind, id, 'index.html'), 'utf8');
  const root: Root = fromHtml(html);
  const find = (node: Root | Element): Element | undefined => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'main') return child;
      const found = find(child);
      if (found) return found;
    }
    return undefined;
  };
  const main = find(root) as Element;
  const strip = (node: RootContent | ElementContent, inPre: boolean): unknown => {
    if (node.type === 'element') {
      const pre = inPre || node.tagName === 'pre';
      const children = node.children.filter((child) => pre || child.type !== 'text' || child.value.trim() !== '');
      return { tag: node.tagName, properties: node.properties, children: children.map((child) => strip(child, pre)) };
    }
    return 'value' in node ? { [node.type]: node.value } : { [node.type]: true };
  };
  const { ['dataHow']: how, ...properties } = main.properties;
  return { how: how as string | undefined, tree: strip({ ...main, properties }, false) };
}

const entryIds = () =>
  filesUnder(join(dir, 'content/loader'))
    .filter((path) => path.endsWith('.mdx'))
    .map((path) => path.replace(/\.mdx$/, ''));

describe('the papers loader, against glob() and @astrojs/mdx', () => {
  test('every entry it renders while loading has the DOM MDX compiles it to', async () => {
    const ids = entryIds();
    const differing: string[] = [];
    let rendered = 0;
    for (const id of ids) {
      const [viaLoader, viaGlob] = [await mainOf('loader', id), await mainOf('glob', id)];
      if (viaLoader.how !== 'load') continue;
      rendered++;
      if (JSON.stringify(viaLoader.tree) !== JSON.stringify(viaGlob.tree)) differing.push(id);
    }
    expect(differing).toEqual([]);
    // The seeds need nothing of MDX; most hostile entries and edge cases are plain too once escaped.
    const seedIds = ids.filter((id) => !id.startsWith('edge/'));
    expect(seedIds.length).toBeGreaterThan(394);
    expect(rendered).toBeGreaterThan(394);
  });

  test('only entries that need MDX become modules, and they render through them', async () => {
    const modules = await readFile(join(dir, '.astro/content-modules.mjs'), 'utf8');
    const listed = [...modules.matchAll(/\["content\/loader\/([^"]+)\.mdx"/g)].map((match) => match[1] as string);
    const deferred: string[] = [];
    for (const id of entryIds()) if ((await mainOf('loader', id)).how === 'module') deferred.push(id);
    expect(listed.sort()).toEqual(deferred.sort());
    expect(deferred).toEqual(expect.arrayContaining(['edge/component', 'edge/expression']));
    expect(deferred).not.toContain('edge/comment-first');
    expect(JSON.stringify((await mainOf('loader', 'edge/component')).tree)).toContain('"aside","aside-tip"');
    expect(JSON.stringify((await mainOf('loader', 'edge/expression')).tree)).toContain('One and one make 2.');
    // glob() makes every .mdx file a module.
    expect([...modules.matchAll(/\["content\/glob\//g)].length).toBe(entryIds().length);
  });

  test('an invalid .mdx entry fails the build as under glob(), naming the file and line', async () => {
    await rm(join(dir, 'content/glob'), { recursive: true });
    await rm(join(dir, 'content/loader'), { recursive: true });
    const failure = async (folder: string) => {
      await writeEntries(folder, { 'broken.mdx': BROKEN });
      const error = await build().then(() => undefined, (caught: Error) => caught.message);
      await rm(join(dir, folder), { recursive: true });
      expect(error, `${folder}: the build fails`).toBeDefined();
      const line = (error as string).split('\n').find((text) => text.includes('broken.mdx')) ?? '';
      return line.replace(folder, '<folder>');
    };
    const [underLoader, underGlob] = [await failure('content/loader'), await failure('content/glob')];
    expect(underLoader).toMatch(/<folder>\/broken\.mdx:\d+:\d+/);
    expect(underLoader).toBe(underGlob);
  }, 240_000);
});
