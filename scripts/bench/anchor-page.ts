/**
 * What the anchor sites of `npm run bench` (Eleventy, Hugo: scripts/bench/eleventy-site.ts,
 * hugo-site.ts) put on a paper's page: its title, authors and body, and the search record our
 * paper page gives Pagefind (src/pages/papers/[slug].astro, SearchRecord.astro, PaperMeta.astro):
 * the same filters, sort keys and meta. Computed here once, so each generator's template only
 * prints it and both index what our site indexes. Pure.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { knownDate, type Published } from '../../src/lib/site/dates.ts';
import { paperId } from '../../src/lib/site/paper-id.ts';
import { pagefindSortKeys, ratingSortKey } from '../../src/lib/site/search.ts';

/** A `data-pagefind-filter` or `data-pagefind-meta` name and its value (the element's text). */
export interface Field {
  name: string;
  value: string;
}

export interface AnchorPage {
  /** The page is /papers/<slug>/, as on our site. */
  slug: string;
  title: string;
  /** The entry's Markdown after its front matter: what each generator renders. */
  body: string;
  /** `data-pagefind-meta="authors"`, searched too; empty when the entry names none. */
  authors: string;
  record: {
    filters: Field[];
    /** `data-pagefind-sort` values (`date:2024-05`). */
    sorts: string[];
    metas: Field[];
  };
}

interface EntryData {
  title: string;
  themes: string[];
  mainTheme?: string;
  authors?: string[];
  published?: Published;
  upvotes?: number;
  tags?: string[];
  rating?: number;
  status?: string;
}

/**
 * The page of the entry at `path` (under content/papers) with text `text`; `themeTitles`
 * maps a theme id to its title, which is the `theme` filter's value.
 */
export function anchorPage(path: string, text: string, themeTitles: ReadonlyMap<string, string>): AnchorPage {
  const { frontmatter, content } = parseFrontmatter(text);
  const data = frontmatter as EntryData;
  // The main theme first, as the site orders them.
  const themes = data.mainTheme ? [data.mainTheme, ...data.themes.filter((theme) => theme !== data.mainTheme)] : data.themes;
  const date = knownDate(data.published);
  const field = (name: string, value: string | number | undefined): Field[] => (value === undefined ? [] : [{ name, value: String(value) }]);
  return {
    slug: paperId(path, frontmatter),
    title: data.title,
    body: content,
    authors: (data.authors ?? []).join(', '),
    record: {
      filters: [
        ...themes.map((theme) => ({ name: 'theme', value: themeTitles.get(theme) ?? theme })),
        ...field('year', date?.slice(0, 4)),
        ...(data.tags ?? []).map((tag) => ({ name: 'tag', value: tag })),
      ],
      sorts: [...pagefindSortKeys(date, data.upvotes), ...(data.rating === undefined ? [] : [ratingSortKey(data.rating)])],
      metas: [...field('date', data.published?.text), ...field('rating', data.rating), ...field('status', data.status)],
    },
  };
}

/**
 * A page's front matter for either generator: JSON, which both read as YAML, so that no
 * value is taken for something else (js-yaml and Hugo read `2024-05-01` as a date).
 * `extra` holds each generator's own keys (its permalink, layout...).
 */
export function anchorFrontMatter(page: AnchorPage, extra: Record<string, unknown>): string {
  const { title, authors, record } = page;
  return `---\n${JSON.stringify({ title, authors, record, ...extra })}\n---\n`;
}

/**
 * Writes `files` (path -> text) into a new temporary folder named after `prefix`; returns
 * the folder, removed again when a write fails.
 */
export async function writeAnchorSite(prefix: string, files: Iterable<readonly [string, string]>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  try {
    for (const [path, text] of files) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return dir;
}
