/**
 * The site's view of the content collections, loaded once per build and shared by
 * every page. (The only module here that depends on `astro:content`.)
 */
import { readFileSync } from 'node:fs';
import { getCollection, type CollectionEntry } from 'astro:content';
import { parseThemes } from '../ingest/themes.ts';
import { countByTheme, shownPapers, sortPapers, sortThemes } from './papers.ts';
import { SITE } from '../../config.ts';
import { abstractPlainText, excerpt } from './text.ts';

export type Paper = CollectionEntry<'papers'>;
export type Theme = CollectionEntry<'themes'>;

export interface SiteContent {
  /** In the order of themes.yaml (see `sortThemes`). */
  themes: Theme[];
  themesById: Map<string, Theme>;
  /** Newest first, undated last (see `comparePapers`). */
  papers: Paper[];
  paperCounts: Map<string, number>;
  /** Plain-text abstract of a paper (Markdown and MDX escapes resolved). */
  abstractText(paper: Paper): string;
  /** The abstract cut to SITE.listExcerptLength, as lists show it (a paper is in several lists). */
  listExcerpt(paper: Paper): string;
}

let loading: Promise<SiteContent> | undefined;

/** `getStaticPaths` of the routes with one output per theme (`/themes/<id>.bib`, `/themes/<id>/rss.xml`). */
export async function themeRoutes() {
  const { themes } = await loadContent();
  return themes.map((theme) => ({ params: { id: theme.id }, props: { theme } }));
}

export function loadContent(): Promise<SiteContent> {
  // In `astro dev` content changes while this module stays loaded: never cache there.
  if (import.meta.env.DEV) return load();
  loading ??= load();
  return loading;
}

async function load(): Promise<SiteContent> {
  const [themes, entries] = await Promise.all([getCollection('themes'), getCollection('papers')]);
  // The one place papers enter the site: a hidden one reaches no page, list, feed, export or search index.
  const papers = shownPapers(entries);
  const abstracts = new Map<string, string>();
  const excerpts = new Map<string, string>();
  const abstractText = (paper: Paper) => {
    let text = abstracts.get(paper.id);
    if (text === undefined) {
      text = abstractPlainText(paper.body ?? '', paper.filePath?.endsWith('.md') ? 'md' : 'mdx', paper.data.sources.length > 0);
      abstracts.set(paper.id, text);
    }
    return text;
  };
  return {
    themes: sortThemes(themes, fileOrder(themes)),
    themesById: new Map(themes.map((theme) => [theme.id, theme])),
    papers: sortPapers(papers),
    paperCounts: countByTheme(papers),
    abstractText,
    listExcerpt(paper) {
      let text = excerpts.get(paper.id);
      if (text === undefined) {
        text = excerpt(abstractText(paper), SITE.listExcerptLength);
        excerpts.set(paper.id, text);
      }
      return text;
    },
  };
}

/**
 * Position of each theme id in themes.yaml, which the content layer does not keep
 * (it stores the themes sorted by id). Read with ingest's own parser.
 */
function fileOrder(themes: Theme[]): Map<string, number> {
  const file = themes.find((theme) => theme.filePath)?.filePath;
  if (!file) return new Map();
  return new Map(parseThemes(readFileSync(file, 'utf8'), file).themes.map((theme, index) => [theme.id, index]));
}
