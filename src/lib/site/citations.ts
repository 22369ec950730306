/**
 * Every export of every paper, made once per build from the whole list: citation keys,
 * CSL items, BibTeX entries and RIS records (the per-theme files and each paper's "Cite"
 * box take theirs from here), and the APA citations, formatted by one citeproc call the
 * first time a page asks for one.
 *
 * APA only for papers with authors (from a bibliography): citeproc takes about 1.5-2 ms a
 * paper, 15-20 s of a 10,000-paper build, and a paper known only from a listing (title, year,
 * its page here) would get a "citation" that says no more than its BibTeX entry.
 */
import { citationKeys, risIds } from './citation-keys.ts';
import { loadContent, type Paper, type SiteContent } from './content.ts';
import { cslItem, type CitablePaper, type CslItem } from './csl.ts';
import { paperUrl, themeTitles } from './derived.ts';
import { apaCitations } from './export-apa.ts';
import { bibtexEntries } from './export-bibtex.ts';
import { risRecords } from './export-ris.ts';

export interface Citations {
  /** Slug -> citation key, unique over the whole list. */
  keys: Map<string, string>;
  /** Slug -> CSL item (its id is the citation key). */
  items: Map<string, CslItem>;
  /** Slug -> BibTeX entry. */
  bibtex: Map<string, string>;
  /** Slug -> RIS record. */
  ris: Map<string, string>;
  /** Slug -> APA citation as HTML, for the papers with authors. */
  apa(): Map<string, string>;
}

let loading: Promise<Citations> | undefined;

export function loadCitations(site: URL): Promise<Citations> {
  if (import.meta.env.DEV) return make(site);
  loading ??= make(site);
  return loading;
}

export function citablePaper(paper: Paper, content: SiteContent, site: URL | string): CitablePaper {
  const { title, authors, published, venue, type, doi, arxiv, url, keywords, citationKey } = paper.data;
  return { slug: paper.id, title, authors, published, venue, type, doi, arxiv, url, keywords, citationKey, themeTitles: themeTitles(paper, content), pageUrl: paperUrl(paper, site) };
}

const hasAuthors = (item: CslItem) => (item.author?.length ?? 0) > 0;

async function make(site: URL): Promise<Citations> {
  const content = await loadContent();
  const papers = content.papers.map((paper) => citablePaper(paper, content, site));
  const keys = citationKeys(papers);
  const items = new Map(papers.map((paper) => [paper.slug, cslItem(paper, keys.get(paper.slug)!)]));
  // RIS IDs in key order: the same paper gets the same ID in every file.
  const ids = risIds([...keys.values()].sort());
  const records = risRecords([...items.values()], ids);
  const slugs = [...items.keys()];
  let apa: Map<string, string> | undefined;
  return {
    keys,
    items,
    bibtex: bibtexEntries(papers, keys),
    ris: new Map(slugs.map((slug, i) => [slug, records[i]])),
    apa() {
      if (!apa) {
        const byKey = apaCitations([...items.values()].filter(hasAuthors));
        apa = new Map(slugs.flatMap((slug) => (byKey.has(keys.get(slug)!) ? [[slug, byKey.get(keys.get(slug)!)!] as const] : [])));
      }
      return apa;
    },
  };
}
