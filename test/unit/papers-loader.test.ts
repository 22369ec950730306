/**
 * The loader's decisions, with a data store and watcher of the test's own and Astro's
 * Markdown processor for rendering. That Astro itself keeps the contract (deferred entries
 * become modules, rendered ones do not) is checked by a real build:
 * test/site/papers-loader.test.ts.
 */
import { EventEmitter } from 'node:events';
import { mkdir, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { satteri } from '@astrojs/markdown-satteri';
import type { LoaderContext } from 'astro/loaders';
import fc from 'fast-check';
import matter from 'gray-matter';
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { afterFrontmatter, LOADER_VERSION, papersLoader } from '../../src/lib/site/papers-loader.ts';
import { removeTempDirs, tempDir } from '../setup/temp-dirs.ts';

interface Stored {
  id: string;
  data: Record<string, unknown>;
  body?: string;
  filePath?: string;
  digest?: string;
  rendered?: { html: string; metadata?: Record<string, unknown> };
  deferredRender?: boolean;
}

const renderer = await satteri({ features: { gfm: false, smartPunctuation: false } }).createRenderer({});
const entryInfo = async ({ contents }: { contents: string }) => {
  const parsed = matter(contents);
  return { data: parsed.data, body: parsed.content.trim() };
};

/** A loader context over `root`, recording what the loader stores, renders and logs. */
function fakeContext(root: string, store = new Map<string, Stored>()) {
  const moduleImports: string[] = [];
  const markdownRenders: string[] = [];
  const logs: string[] = [];
  const watcher = Object.assign(new EventEmitter(), { watched: [] as string[], add(path: string) { this.watched.push(path); } });
  const context = {
    collection: 'papers',
    config: { root: pathToFileURL(`${root}/`), prerenderConflictBehavior: 'warn' },
    logger: { info: (line: string) => logs.push(`info: ${line}`), warn: (line: string) => logs.push(`warn: ${line}`), error: (line: string) => logs.push(`error: ${line}`) },
    parseData: async ({ data }: { data: Record<string, unknown> }) => {
      if (typeof data['title'] !== 'string') throw new Error('title: expected string');
      return data;
    },
    renderMarkdown: async (content: string) => {
      markdownRenders.push(content);
      // As Astro's renderMarkdown does.
      const { code, metadata } = await renderer.render(parseFrontmatter(content).content, {});
      return { html: code, metadata: { ...metadata, imagePaths: [] } };
    },
    generateDigest: (data: string) => `digest(${data.length}:${data.slice(0, 24)})`,
    store: {
      get: (id: string) => store.get(id),
      set: (entry: Stored) => {
        store.set(entry.id, entry);
        if (entry.deferredRender && entry.filePath) moduleImports.push(entry.filePath);
        return true;
      },
      delete: (id: string) => store.delete(id),
      keys: () => [...store.keys()],
      addModuleImport: (file: string) => moduleImports.push(file),
    },
    entryTypes: new Map([
      ['.md', { getEntryInfo: entryInfo, getRenderFunction: async () => async ({ body }: { body: string }) => ({ html: `md:${(await renderer.render(body, {})).code}`, metadata: { imagePaths: [] } }) }],
      ['.mdx', { getEntryInfo: entryInfo }],
    ]),
    watcher,
  };
  return { context: context as unknown as LoaderContext, store, moduleImports, markdownRenders, logs, watcher };
}

const loader = () => papersLoader({ base: './content/papers', generateId: ({ entry }) => entry.replace(/\.mdx?$/, '').replace('/', '--') });
const entry = (body: string, title = 'A paper') => `---\ntitle: ${title}\n---\n${body}`;

let root: string;
const write = async (path: string, text: string) => {
  await mkdir(dirname(join(root, 'content/papers', path)), { recursive: true });
  await writeFile(join(root, 'content/papers', path), text);
};
beforeEach(async () => {
  root = await tempDir('papers-loader-');
});
afterAll(removeTempDirs);

describe('papersLoader', () => {
  test('renders a plain .mdx entry while loading, and stores an .mdx entry that needs MDX for its module', async () => {
    await write('agents/plain.mdx', entry('An abstract with *emphasis*.\n\nMy notes.\n'));
    await write('agents/component.mdx', entry('An abstract.\n\nimport Aside from "../../../src/components/Aside.astro"\n\n<Aside>note</Aside>\n'));
    const { context, store, moduleImports } = fakeContext(root);
    await loader().load(context);

    const plain = store.get('agents--plain') as Stored;
    expect(plain.rendered?.html).toBe('<p>An abstract with <em>emphasis</em>.</p>\n<p>My notes.</p>\n');
    expect(plain.deferredRender).toBeUndefined();
    expect(plain.body).toBe('An abstract with *emphasis*.\n\nMy notes.');
    expect(plain.rendered?.metadata?.['frontmatter']).toEqual({ title: 'A paper' });

    const component = store.get('agents--component') as Stored;
    expect(component).toMatchObject({ deferredRender: true, filePath: 'content/papers/agents/component.mdx' });
    expect(component.rendered).toBeUndefined();
    expect(moduleImports).toEqual(['content/papers/agents/component.mdx']);
  });

  test('renders a leading comment line as nothing, and never reads the body as front matter', async () => {
    await write('a/no-abstract.mdx', entry('{/* no abstract in the listings */}\n\nNotes.'));
    await write('a/rule.mdx', entry('---\nnot: front matter\n---\n'));
    const { context, store, markdownRenders } = fakeContext(root);
    await loader().load(context);
    expect(store.get('a--no-abstract')?.rendered?.html).toBe('<p>Notes.</p>\n');
    expect(markdownRenders).toContain('---\n---\n\n\nNotes.');
    expect(store.get('a--rule')?.rendered?.html).toBe('<hr>\n<h2 id="not-front-matter">not: front matter</h2>\n');
  });

  test('renders a .md entry with the .md entry type, as glob() does, even when it looks like MDX', async () => {
    await write('a/markdown.md', entry('Costs {price} <b>now</b>.'));
    const { context, store, moduleImports, markdownRenders } = fakeContext(root);
    await loader().load(context);
    expect(store.get('a--markdown')?.rendered?.html).toBe('md:<p>Costs {price} <b>now</b>.</p>\n');
    expect(moduleImports).toEqual([]);
    expect(markdownRenders).toEqual([]);
  });

  test("an entry's digest covers the loader's version, and an unchanged deferred entry keeps its module", async () => {
    await write('a/plain.mdx', entry('Plain.'));
    await write('a/jsx.mdx', entry('<b>bold</b>'));
    const first = fakeContext(root);
    await loader().load(first.context);
    expect(first.store.get('a--plain')?.digest).toBe(first.context.generateDigest(`${LOADER_VERSION}\n${entry('Plain.')}`));

    const again = fakeContext(root, first.store);
    await loader().load(again.context);
    expect(again.markdownRenders, 'nothing rendered again').toEqual([]);
    expect(again.moduleImports).toEqual(['content/papers/a/jsx.mdx']);
  });

  test('drops entries whose files are gone, and fails naming the file when its data is invalid', async () => {
    await write('a/kept.mdx', entry('Kept.'));
    const { context, store } = fakeContext(root, new Map([['gone', { id: 'gone', data: {} }]]));
    await loader().load(context);
    expect([...store.keys()]).toEqual(['a--kept']);

    await write('a/broken.mdx', '---\ntitle: 3\n---\nBody');
    await expect(loader().load(fakeContext(root).context)).rejects.toThrow('title: expected string');
  });

  test('gives an entry with a layout to MDX, which applies it, and reads a file name holding # or ?', async () => {
    await write('a/with-layout.mdx', entry('Plain text.').replace('---\n', '---\nlayout: ../../src/layouts/Wide.astro\n'));
    await write('a/c#-and-f?.mdx', entry('Sharp.'));
    const { context, store } = fakeContext(root);
    await loader().load(context);
    expect(store.get('a--with-layout')).toMatchObject({ deferredRender: true });
    expect(store.get('a--c#-and-f?')?.rendered?.html).toBe('<p>Sharp.</p>\n');
  });

  test('reads only .md and .mdx files, not hidden ones nor temporary ones', async () => {
    await write('a/one.mdx', entry('One.'));
    await write('a/.draft.mdx', entry('Hidden.'));
    await write('.hidden/two.mdx', entry('Hidden.'));
    await write('a/three.mdx.123.tmp', entry('Partial.'));
    await write('a/Notes.MD', entry('Misnamed.'));
    const { context, store } = fakeContext(root);
    await loader().load(context);
    expect([...store.keys()]).toEqual(['a--one']);
  });

  test('in dev, follows additions, changes (plain to MDX and back) and deletions', async () => {
    await write('a/entry.mdx', entry('Plain at first.'));
    const { context, store, moduleImports, watcher, logs } = fakeContext(root);
    await loader().load(context);
    expect(watcher.watched).toEqual([join(root, 'content/papers/')]);
    const file = join(root, 'content/papers/a/entry.mdx');
    const emitted = async (event: string, path: string) => {
      await Promise.all(watcher.listeners(event).map((listener) => listener(path)));
    };

    await write('a/entry.mdx', entry('Now with <b>JSX</b>.'));
    await emitted('change', file);
    expect(store.get('a--entry')).toMatchObject({ deferredRender: true, filePath: 'content/papers/a/entry.mdx' });
    expect(store.get('a--entry')?.rendered).toBeUndefined();
    expect(moduleImports).toEqual(['content/papers/a/entry.mdx']);

    await write('a/entry.mdx', entry('Plain again.'));
    await emitted('change', file);
    expect(store.get('a--entry')?.rendered?.html).toBe('<p>Plain again.</p>\n');
    expect(store.get('a--entry')?.deferredRender).toBeUndefined();

    await write('b/new.mdx', entry('Added.'));
    await emitted('add', join(root, 'content/papers/b/new.mdx'));
    expect(store.get('b--new')?.rendered?.html).toBe('<p>Added.</p>\n');

    await unlink(file);
    await emitted('unlink', file);
    expect([...store.keys()]).toEqual(['b--new']);

    // Ingest writes an entry's new file (.md to .mdx, or another folder) before it removes the old one.
    await write('b/new.md', entry('Old file.'));
    await emitted('add', join(root, 'content/papers/b/new.md'));
    await unlink(join(root, 'content/papers/b/new.md'));
    await emitted('unlink', join(root, 'content/papers/b/new.md'));
    expect(store.get('b--new')).toMatchObject({ filePath: 'content/papers/b/new.mdx', rendered: { html: '<p>Added.</p>\n' } });

    await write('b/new.mdx', '---\ntitle: [not, a, string]\n---\n');
    await emitted('change', join(root, 'content/papers/b/new.mdx'));
    expect(logs.at(-1)).toBe('error: Failed to reload b/new.mdx: title: expected string');
    expect(logs.filter((line) => line.startsWith('info'))).toEqual([
      'info: Reloaded data from a/entry.mdx',
      'info: Reloaded data from a/entry.mdx',
      'info: Reloaded data from b/new.mdx',
      'info: Reloaded data from b/new.md',
      'info: Reloaded data from b/new.mdx',
    ]);
  });
});

describe('afterFrontmatter', () => {
  test("is parseFrontmatter's content, without parsing the front matter", () => {
    const text = fc.string({ unit: fc.constantFrom('---', '+++', '\n', '\r\n', ' ', 'a: 1', 'a = 1', 'b', '\uFEFF', '-'), maxLength: 8 });
    const delimiter = fc.constantFrom('---', '+++');
    // Mostly texts with something like front matter first: a start, delimiters around lines, a body.
    const frontmatterish = fc.oneof(text, fc.tuple(fc.constantFrom('', '\uFEFF', '\n', ' \n'), delimiter, text, delimiter, text).map((parts) => parts.join('')));
    fc.assert(
      fc.property(frontmatterish, (contents) => {
        let content: string;
        try {
          content = parseFrontmatter(contents).content;
        } catch {
          return; // Front matter that does not parse: the entry type has already failed on it.
        }
        expect(afterFrontmatter(contents)).toBe(content);
      }),
      { numRuns: 3000 },
    );
    expect(afterFrontmatter(entry('\n  Body\n'))).toBe('\n\n  Body\n');
  });
});
