/**
 * The papers collection's content loader: Astro's `glob()` for `**\/*.{md,mdx}`, but an
 * `.mdx` entry that uses nothing of MDX (src/lib/plain-mdx.ts) is rendered while content
 * loads, with the site's Markdown processor, as a `.md` entry is. `glob()` makes every
 * `.mdx` file a module of the server bundle (`astro:content-module-imports`), three times
 * the build's time and memory at 10,000 entries; here only entries that need MDX's compiler
 * are stored as `glob()` stores MDX (`deferredRender` and a root-relative `filePath`), and
 * only they become modules.
 *
 * It leans on two things of Astro's that its guides do not describe, pinned with the minor
 * version in package.json and checked by test/site/papers-loader.test.ts: the
 * loader context's `entryTypes` (the `.md` and `.mdx` parsers and the `.md` renderer
 * `glob()` uses, so that front matter errors and `.md` output stay `glob()`'s) and the
 * `deferredRender` contract.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { extractFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import type { Loader, LoaderContext } from 'astro/loaders';
import { filesUnder } from '../files-under.ts';
import { ENTRY_EXTENSIONS, isRead } from '../ingest/file-names.ts';
import { plainMdx } from '../plain-mdx.ts';

type RenderedContent = Awaited<ReturnType<LoaderContext['renderMarkdown']>>;

/** What Astro's `.md` and `.mdx` entry types give a loader (`glob()` uses the same). */
interface EntryType {
  getEntryInfo(params: { contents: string; fileUrl: URL }): Promise<{ data: Record<string, unknown>; body: string }>;
  getRenderFunction?(config: LoaderContext['config']): Promise<(entry: { id: string; data: Record<string, unknown>; body: string; filePath: string; digest: string }) => Promise<RenderedContent>>;
}

/** The context Astro 7.3 gives loaders: its public type lacks `entryTypes`, which `glob()` reads. */
type Context = LoaderContext & { entryTypes: Map<string, EntryType> };

export interface PapersLoaderOptions {
  /** The entries' folder, relative to the project root (`./content/papers`). */
  base: string;
  /** An entry's id from its path under `base` and its unvalidated front matter (`paperId`). */
  generateId(options: { entry: string; data: Record<string, unknown> }): string;
}

/**
 * Part of every entry's digest. Astro's content-config digest covers only the text of
 * content.config.ts, not the modules it imports: without this, a changed loader or
 * classifier would leave entries stored (rendered, or deferred) by the old one. The
 * source of both modules, and of the Markdown pipeline's (src/lib/markdown/, which
 * astro.config.mjs imports), so that no change can be forgotten.
 */
const MARKDOWN_FOLDER = new URL('../markdown/', import.meta.url);
export const LOADER_VERSION = [
  new URL(import.meta.url),
  new URL('../plain-mdx.ts', import.meta.url),
  ...readdirSync(MARKDOWN_FOLDER).sort().map((name) => new URL(name, MARKDOWN_FOLDER)),
]
  .reduce((hash, file) => hash.update(readFileSync(file)), createHash('sha256'))
  .digest('hex')
  .slice(0, 16);

/** The front matter's opening delimiter, as `parseFrontmatter` finds it: `+++` is TOML, anything else YAML. */
const FRONTMATTER_OPENING = /(?:^\uFEFF?|^\s*\n)(---|\+\+\+)/;

/**
 * An entry's text after its front matter: `parseFrontmatter(contents).content` without
 * parsing the YAML again (the entry type has parsed it; a second parse cost 0.3 s of a
 * build at 10,000 papers). Unlike the entry type's `body`, not trimmed: the classifier and
 * the renderer see the body as MDX's compiler would.
 */
export function afterFrontmatter(contents: string): string {
  const raw = extractFrontmatter(contents);
  if (raw === undefined) return contents;
  const delimiter = FRONTMATTER_OPENING.exec(contents)?.[1] === '+++' ? '+++' : '---';
  return contents.replace(`${delimiter}${raw}${delimiter}`, '');
}

/** An entry file's path under the base folder, `/`-separated, when the collection reads it. */
function entryName(baseDir: string, file: string): string | undefined {
  const name = relative(baseDir, file).split(sep).join('/');
  // `glob()`'s pattern matches no hidden file or folder, nothing outside the base.
  if (name.startsWith('../') || name.split('/').some((segment) => segment.startsWith('.'))) return undefined;
  return isRead(name, ENTRY_EXTENSIONS) ? name : undefined;
}

export function papersLoader({ base, generateId }: PapersLoaderOptions): Loader {
  return {
    name: 'papers-loader',
    load: async (loaderContext) => {
      const { config, store, logger, parseData, renderMarkdown, generateDigest, watcher, entryTypes } = loaderContext as Context;
      const baseUrl = new URL(base.endsWith('/') ? base : `${base}/`, config.root);
      const baseDir = fileURLToPath(baseUrl);
      const root = fileURLToPath(config.root);
      /** Absolute file path -> id, to find an entry again when its file changes or goes. */
      const idOfFile = new Map<string, string>();
      let renderMd: Awaited<ReturnType<NonNullable<EntryType['getRenderFunction']>>> | undefined;

      // A path, not a URL: a file name may hold `#` or `?`.
      const fileOf = (entry: string) => join(baseDir, entry);
      /** What `glob()` stores as an entry's `filePath`: relative to the project, `/`-separated. */
      const projectPath = (file: string) => relative(root, file).split(sep).join('/');

      async function sync(entry: string): Promise<void> {
        const file = fileOf(entry);
        const extension = entry.endsWith('.mdx') ? '.mdx' : '.md';
        const entryType = entryTypes.get(extension) as EntryType;
        // Read synchronously: awaiting fs/promises' readFile (open, stat, read, close, each on the
        // thread pool) for one entry after another left this thread idle 1.5 s of the loader's 5 s at
        // 10,000 papers and cost 1 s more CPU; the loader now takes 2.3 s, the output is the same.
        const contents = readFileSync(file, 'utf8');
        const { data, body } = await entryType.getEntryInfo({ contents, fileUrl: pathToFileURL(file) });
        const id = generateId({ entry, data });
        const oldId = idOfFile.get(file);
        if (oldId !== undefined && oldId !== id) store.delete(oldId);
        idOfFile.set(file, id);
        const digest = generateDigest(`${LOADER_VERSION}\n${contents}`);
        const filePath = projectPath(file);
        const existing = store.get(id);
        if (existing?.digest === digest && existing.filePath === filePath) {
          // Unchanged since the stored data was written: its module, if any, is still needed.
          if (existing.deferredRender) store.addModuleImport(filePath);
          return;
        }
        if (existing?.filePath && existing.filePath !== filePath && existsSync(new URL(existing.filePath, config.root))) {
          const message = `Duplicate id "${id}" in the papers collection: ${existing.filePath} and ${filePath}; only one of them is kept`;
          if (config.prerenderConflictBehavior === 'error') throw new Error(message);
          if (config.prerenderConflictBehavior !== 'ignore') logger.warn(message);
        }
        const parsed = await parseData({ id, data, filePath: file });
        const stored = { id, data: parsed, body, filePath, digest };
        if (extension === '.md') {
          renderMd ??= await (entryType.getRenderFunction as NonNullable<EntryType['getRenderFunction']>)(config);
          const rendered = await renderMd({ id, data, body, filePath: file, digest });
          store.set({ ...stored, rendered, assetImports: rendered.metadata?.imagePaths });
          return;
        }
        // A `layout` wraps the content where MDX compiles it (as under glob()); Markdown has none.
        const plain = 'layout' in data ? { plain: false as const } : plainMdx(afterFrontmatter(contents));
        if (!plain.plain) {
          store.set({ ...stored, deferredRender: true });
          return;
        }
        // An empty front matter first, so that the body is never read as one (a body may start with `---`).
        const rendered = await renderMarkdown(`---\n---${plain.markdown}`, { fileURL: pathToFileURL(file) });
        store.set({ ...stored, rendered: { ...rendered, metadata: { ...rendered.metadata, frontmatter: data } } });
      }

      const found = existsSync(baseDir);
      if (!found) logger.warn(`The base directory "${baseDir}" does not exist.`);
      const entries = found ? filesUnder(baseDir).flatMap((file) => entryName(baseDir, `${baseDir}${file}`) ?? []) : [];
      const untouched = new Set(store.keys());
      for (const entry of entries) {
        await sync(entry);
        untouched.delete(idOfFile.get(fileOf(entry)) as string);
      }
      for (const id of untouched) store.delete(id);

      if (!watcher) return;
      watcher.add(baseDir);
      const onChange = async (file: string) => {
        const entry = entryName(baseDir, file);
        if (entry === undefined) return;
        try {
          await sync(entry);
          logger.info(`Reloaded data from ${entry}`);
        } catch (error) {
          logger.error(`Failed to reload ${entry}: ${(error as Error).message}`);
        }
      };
      watcher.on('add', onChange);
      watcher.on('change', onChange);
      watcher.on('unlink', async (file: string) => {
        const id = idOfFile.get(file);
        if (id === undefined) return;
        idOfFile.delete(file);
        // Another file may have the same id: ingest writes an entry's new file (`.mdx`, another
        // theme's folder) before it removes the old one. The entry stays, read from that file.
        const survivor = [...idOfFile].find(([, other]) => other === id)?.[0];
        if (survivor === undefined) store.delete(id);
        else if (store.get(id)?.filePath === projectPath(file)) await onChange(survivor);
      });
    },
  };
}
