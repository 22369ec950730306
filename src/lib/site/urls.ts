/**
 * URL building. Every internal link goes through the configured base
 * (`import.meta.env.BASE_URL`, e.g. `/` or `/reading-list/`), and pages use
 * directory URLs with a trailing slash.
 */

/** The configured base, always with leading and trailing slash. Falls back to `/` outside Vite. */
export function configuredBase(): string {
  return normaliseBase(import.meta.env?.BASE_URL ?? '/');
}

/** `reading-list` -> `/reading-list/`, `` -> `/`. */
export function normaliseBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/**
 * Join a site-relative path onto a base: `joinBase('/reading-list/', '/papers/x/')`
 * -> `/reading-list/papers/x/`. Paths keep their own trailing slash (or file extension).
 */
export function joinBase(base: string, path: string): string {
  return normaliseBase(base) + path.replace(/^\/+/, '');
}

/** A site-relative path under the configured base. */
export function url(path = '/'): string {
  return joinBase(configuredBase(), path);
}

export function themePath(themeId: string): string {
  return `/themes/${encodeURIComponent(themeId)}/`;
}

/** The table of every paper; its other pages and orders are `listPagePath(PAPERS_PATH, ...)`. */
export const PAPERS_PATH = '/papers/';

/**
 * A page of a paginated list at `listPath` (`PAPERS_PATH`, `themePath(id)`): the list
 * path itself (by date, page 1), then `2/`, `upvotes/`, `upvotes/2/`, `title/`... under it:
 * `/themes/<id>/upvotes/2/`, `/papers/title/`. `param` is `listPageParam(sort, page)` from sort.ts.
 */
export function listPagePath(listPath: string, param: string | undefined): string {
  return param ? `${listPath}${param}/` : listPath;
}

export function paperPath(slug: string): string {
  return `${PAPERS_PATH}${encodeURIComponent(slug)}/`;
}

/** Absolute URL for a path already including the base, e.g. for `<link rel="canonical">`. */
export function absoluteUrl(pathWithBase: string, site: URL | string): string {
  return new URL(pathWithBase, site).href;
}

/** Search links for a paper title on external indexes (the title is URL-encoded). */
export function externalSearchLinks(title: string): { label: string; href: string }[] {
  const q = encodeURIComponent(title);
  return [
    { label: 'arXiv', href: `https://arxiv.org/search/?query=${q}&searchtype=all` },
    { label: 'Hugging Face', href: `https://huggingface.co/papers?q=${q}` },
  ];
}
