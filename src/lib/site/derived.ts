/**
 * What the site computes from all papers at once, once per build: related papers, and
 * the records that papers.json, the feeds and the exports share (exports: citations.ts).
 */
import { loadContent, type Paper, type SiteContent } from './content.ts';
import { knownDate } from './dates.ts';
import { relatedPapers } from './related-handoff.ts';
import { absoluteUrl, paperPath, url } from './urls.ts';

export interface Derived {
  /** Slug -> its most related papers, best first (at most RELATED_LIMIT of related-handoff.ts). */
  related: Map<string, Paper[]>;
}

let loading: Promise<Derived> | undefined;

export function loadDerived(): Promise<Derived> {
  if (import.meta.env.DEV) return derive();
  loading ??= derive();
  return loading;
}

async function derive(): Promise<Derived> {
  const content = await loadContent();
  const byId = new Map(content.papers.map((paper) => [paper.id, paper]));
  const matches = await relatedPapers(
    content.papers.map((paper) => ({ id: paper.id, title: paper.data.title, text: content.abstractText(paper) })),
    (message) => console.warn(message),
  );
  const related = new Map(content.papers.map((paper) => [paper.id, (matches.get(paper.id) ?? []).flatMap((match) => byId.get(match.id) ?? [])]));
  return { related };
}

/** Absolute URL of a paper's page on the configured site (base included). */
export function paperUrl(paper: Paper, site: URL | string): string {
  return absoluteUrl(url(paperPath(paper.id)), site);
}

/** Theme titles of a paper, in its own order (main theme first). */
export function themeTitles(paper: Paper, content: SiteContent): string[] {
  return paper.data.themes.flatMap((ref) => content.themesById.get(ref.id)?.data.title ?? []);
}

/** `2024-06-01` -> that day, `2024-06` -> its first day, `2024` -> 1 January (UTC); undefined when unknown. */
export function pubDateOf(paper: Paper): Date | undefined {
  const iso = knownDate(paper.data.published);
  if (!iso) return undefined;
  const [year, month = 1, day = 1] = iso.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

/** The site's configured `site` (always set in astro.config.mjs). */
export function requireSite(site: URL | undefined): URL {
  if (!site) throw new Error('`site` is not configured (astro.config.mjs)');
  return site;
}
