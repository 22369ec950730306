/**
 * The deployment settings, SITE_URL and BASE_PATH, read from the environment by
 * astro.config.mjs and checked by scripts/build.ts before anything is built: a wrong
 * value gives one message naming the variable, with an example, instead of Astro's raw
 * validation output or a stack trace from the first page with a parameter.
 */
export interface DeploymentEnv {
  SITE_URL?: string | undefined;
  BASE_PATH?: string | undefined;
}

/** Where a site built without SITE_URL says it lives. */
export const LOCAL_SITE = 'http://localhost:4321';

/** A path segment a URL carries as written: letters, digits and `-._~` (GitHub repository names fit). */
const SEGMENT = /^[A-Za-z0-9._~-]+$/;

const trimSlashes = (value: string | undefined) => (value ?? '').trim().replace(/^\/+|\/+$/g, '');

/** `BASE_PATH=/reading-list` (or `reading-list/`) -> `/reading-list`; unset or `/` -> `/`. */
export function basePath(value: string | undefined): string {
  const trimmed = trimSlashes(value);
  return trimmed ? `/${trimmed}` : '/';
}

/** `SITE_URL`, or LOCAL_SITE when it is unset or empty. */
export function siteUrl(value: string | undefined): string {
  return value?.trim() || LOCAL_SITE;
}

function siteUrlProblem(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname) {
    const host = (text.includes('://') ? text.split('://')[1]! : text).split('/')[0] || 'lab.example.org';
    return `SITE_URL=${text} is not an http(s) address: write it with its scheme, e.g. SITE_URL=https://${host}`;
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    const path = trimSlashes(url.pathname);
    return `SITE_URL=${text} holds more than the origin: SITE_URL is the scheme and host only, and a sub-path goes in BASE_PATH, e.g. SITE_URL=${url.origin}${path ? ` BASE_PATH=/${path}` : ''}`;
  }
  return undefined;
}

function basePathProblem(value: string | undefined): string | undefined {
  const trimmed = trimSlashes(value);
  if (!trimmed) return undefined;
  const segments = trimmed.split('/');
  if (segments.every((segment) => SEGMENT.test(segment) && segment !== '.' && segment !== '..')) return undefined;
  const url = URL.canParse(trimmed) ? new URL(trimmed) : undefined;
  if (url?.host) {
    const path = trimSlashes(url.pathname);
    return `BASE_PATH=${value!.trim()} is an address, not a path: BASE_PATH is the sub-path alone and the origin goes in SITE_URL, e.g. SITE_URL=${url.origin}${path ? ` BASE_PATH=/${path}` : ''}`;
  }
  return `BASE_PATH=${value!.trim()} is not a plain path: use letters, digits, - . _ and ~ between slashes, e.g. BASE_PATH=/reading-list`;
}

/** One message per wrong setting, naming the variable and giving an example; none when both are right. */
export function deploymentProblems(env: DeploymentEnv): string[] {
  return [siteUrlProblem(env.SITE_URL), basePathProblem(env.BASE_PATH)].filter((problem) => problem !== undefined);
}

/** Said once at the start of a build without SITE_URL: which outputs will hold localhost addresses. */
export function localSiteNotice(env: DeploymentEnv): string | undefined {
  if (env.SITE_URL?.trim()) return undefined;
  return (
    `SITE_URL is not set: the RSS feeds, the sitemap, the canonical links, the url of each paper in the .bib, .ris and .csl.json exports ` +
    `and papers.json will point at ${LOCAL_SITE}. To deploy, set it to the site's address, e.g. SITE_URL=https://lab.example.org npm run build`
  );
}
