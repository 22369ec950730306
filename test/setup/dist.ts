/** Reads a built site folder: its pages, their links, and which URL path maps to which file. */
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parse as parseHtml, type HTMLElement } from 'node-html-parser';

/** Paths (relative to `dir`, with `/`) of all files whose name ends in `suffix`. */
export async function listBuiltFiles(dir: string, suffix: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

export async function readHtml(dir: string, file: string): Promise<HTMLElement> {
  return parseHtml(await readFile(join(dir, file), 'utf8'));
}

/** Names of the sub-folders of `dir/<section>/` that hold an index.html, e.g. every paper slug. */
export async function pageFoldersIn(dir: string, section: string): Promise<string[]> {
  const entries = await readdir(join(dir, section), { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, section, entry.name, 'index.html')))
    .map((entry) => entry.name)
    .sort();
}

/** URL path at which a built HTML file is served: `papers/x/index.html` -> `<base>papers/x/`. */
export function urlPathOf(file: string, basePath: string): string {
  return basePath + file.replace(/(^|\/)index\.html$/, '$1');
}

/**
 * The file a static host would serve for `pathname` (already known to be under
 * `basePath`), or undefined: a file, or a directory's index.html.
 */
export function builtFileFor(dir: string, basePath: string, pathname: string): string | undefined {
  let rest: string;
  try {
    rest = decodeURIComponent(pathname.slice(basePath.length));
  } catch {
    return undefined;
  }
  const candidate = join(dir, rest);
  if (!candidate.startsWith(dir)) return undefined;
  const info = existsSync(candidate) ? statSync(candidate) : undefined;
  if (info?.isFile()) return candidate;
  if (info?.isDirectory() && existsSync(join(candidate, 'index.html'))) return join(candidate, 'index.html');
  return undefined;
}

export interface Reference {
  /** e.g. `a[href]`, `img[srcset]`. */
  where: string;
  /** The attribute value (one candidate for srcset). */
  value: string;
}

const URL_ATTRIBUTES: [selector: string, attribute: string][] = [
  ['a[href]', 'href'],
  ['area[href]', 'href'],
  ['link[href]', 'href'],
  ['script[src]', 'src'],
  ['img[src]', 'src'],
  ['img[srcset]', 'srcset'],
  ['source[src]', 'src'],
  ['source[srcset]', 'srcset'],
  ['iframe[src]', 'src'],
  ['video[poster]', 'poster'],
  ['form[action]', 'action'],
];

/** Every URL a page refers to through an attribute (hrefs, srcs, srcset candidates). */
export function referencesIn(page: HTMLElement): Reference[] {
  const references: Reference[] = [];
  for (const [selector, attribute] of URL_ATTRIBUTES) {
    for (const element of page.querySelectorAll(selector)) {
      const raw = (element.getAttribute(attribute) ?? '').trim();
      const values = attribute === 'srcset' ? raw.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]) : [raw];
      for (const value of values) if (value !== '') references.push({ where: selector, value });
    }
  }
  return references;
}

/** Schemes that never point into the site. */
const FOREIGN_SCHEME = /^(mailto|tel|javascript|data|blob|about):/i;

/**
 * The URL `value` resolves to from `pageUrl` when it stays on `origin`, else
 * undefined (other hosts, mailto:, a bare `#fragment`...).
 */
export function internalUrl(value: string, pageUrl: URL, origins: string[]): URL | undefined {
  if (FOREIGN_SCHEME.test(value) || value.startsWith('#')) return undefined;
  const url = new URL(value, pageUrl);
  return origins.includes(url.origin) ? url : undefined;
}
