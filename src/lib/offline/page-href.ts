import { OFFLINE_BUILD } from '../site/build-mode.ts';
import { url } from '../site/urls.ts';
import { fileHref } from './links.ts';

/**
 * A link to a site path (`/papers/x/`) made by a script on the current page: under the
 * configured base in the hosted build; in the offline build, relative to the page's
 * `<html data-site-root>` (which scripts/build-offline.ts sets) and naming the file.
 */
export function pageHref(path: string): string {
  if (!OFFLINE_BUILD) return url(path);
  return (document.documentElement.dataset['siteRoot'] ?? './') + fileHref(path.replace(/^\/+/, ''));
}
