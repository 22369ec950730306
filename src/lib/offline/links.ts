/**
 * Links of the offline build. Opened from disk (file://) there is no server: a link
 * must name the file itself (`papers/x/index.html`, as a directory URL shows a folder
 * listing) and must be relative, as the site root is wherever the reader unpacked it.
 */

/** `papers/x/` -> `papers/x/index.html`, `` -> `index.html`; a file path is kept. */
export function fileHref(relativePath: string): string {
  return relativePath === '' || relativePath.endsWith('/') ? `${relativePath}index.html` : relativePath;
}

/** The site root as a relative directory from the page at `pagePath` (`papers/x/index.html` -> `../../`). */
export function relativeRoot(pagePath: string): string {
  const depth = pagePath.split('/').length - 1;
  return depth > 0 ? '../'.repeat(depth) : './';
}

/**
 * A root-relative URL (`/themes/x/?q#a`) as a link from the page at `pagePath` (its path
 * under the site root, `papers/x/index.html`): `../../themes/x/index.html?q#a`. Anything
 * else (relative, with a scheme, `//host`, a fragment) is returned unchanged.
 */
export function relativeLink(pagePath: string, value: string): string {
  if (!value.startsWith('/') || value.startsWith('//')) return value;
  // Parsed as a URL so that `..`, `%`-escapes, query and fragment are handled as a browser would.
  const target = new URL(value, 'file:///');
  return relativeRoot(pagePath) + fileHref(target.pathname.slice(1)) + target.search + target.hash;
}
