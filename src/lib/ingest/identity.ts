import { titleKey } from './normalise.ts';

/** arXiv's own DOIs (`10.48550/arXiv.1503.02531`): another name of the arXiv id, not a publisher's DOI. */
const ARXIV_DOI = /^10\.48550\/arxiv\.(.+)$/i;

/** A DOI as compared: DOIs ignore case. */
const doiKey = (doi: string) => doi.trim().toLowerCase();

/** An arXiv id as compared: without case and version (`1503.02531v2` is `1503.02531`). */
const arxivKey = (id: string) => id.trim().toLowerCase().replace(/v\d+$/, '');

/** Whether a DOI is arXiv's own for a preprint rather than a publisher's. */
export const isArxivDoi = (doi: string): boolean => ARXIV_DOI.test(doi.trim());

/**
 * The ids that tell one paper from another, as compared: its publisher's DOI, and its arXiv id, which
 * an arXiv DOI also gives. So a preprint (arXiv DOI) and its journal version (the journal's DOI) with
 * one title are one paper, while two journal DOIs are two papers.
 */
export interface PaperIds {
  doi?: string;
  arxiv?: string;
}

export function paperIds({ doi, arxiv }: { doi?: string | undefined; arxiv?: string | undefined }): PaperIds {
  const fromDoi = doi === undefined ? undefined : ARXIV_DOI.exec(doi.trim())?.[1];
  const arxivId = arxiv ?? fromDoi;
  return {
    ...(doi !== undefined && fromDoi === undefined && { doi: doiKey(doi) }),
    ...(arxivId !== undefined && { arxiv: arxivKey(arxivId) }),
  };
}

const titleKeys = new WeakMap<object, string>();

/** `titleKey` of a record's title, computed once per record: merging asks for it several times, and it is most of merging's time. */
export function titleKeyOf(record: { title: string }): string {
  let key = titleKeys.get(record);
  if (key === undefined) titleKeys.set(record, (key = titleKey(record.title)));
  return key;
}

/**
 * Everything a paper, or an entry written for one, is known by: its ids, the title key of every
 * spelling it came with, and the bibliography entries it was read from (file and citation key).
 */
export interface Identity {
  dois: string[];
  arxivs: string[];
  titles: string[];
  /** `<file>\0<citation key>` of each bibliography source. */
  entries: string[];
}

/** A bibliography source as compared: its file and citation key. */
const entryKey = (source: unknown): string | undefined => {
  if (typeof source !== 'object' || source === null) return undefined;
  const { listing, key } = source as { listing?: unknown; key?: unknown };
  return typeof listing === 'string' && typeof key === 'string' ? `${listing}\0${key}` : undefined;
};

/** The identity of records (the listed papers of one paper, with their `source`, or one entry's front matter, with its `sources`). */
export function identityOf(records: readonly { title?: unknown; doi?: unknown; arxiv?: unknown; source?: unknown; sources?: unknown }[]): Identity {
  const [dois, arxivs, titles, entries] = [new Set<string>(), new Set<string>(), new Set<string>(), new Set<string>()];
  for (const record of records) {
    const { title, doi, arxiv, source, sources } = record;
    const ids = paperIds({ doi: typeof doi === 'string' ? doi : undefined, arxiv: typeof arxiv === 'string' ? arxiv : undefined });
    if (ids.doi !== undefined) dois.add(ids.doi);
    if (ids.arxiv !== undefined) arxivs.add(ids.arxiv);
    if (typeof title === 'string') titles.add(titleKeyOf(record as { title: string }));
    for (const each of Array.isArray(sources) ? sources : [source]) {
      const key = entryKey(each);
      if (key !== undefined) entries.add(key);
    }
  }
  return { dois: [...dois], arxivs: [...arxivs], titles: [...titles], entries: [...entries] };
}

/** Whether two identities name different papers: both have DOIs and none in common, or the same for arXiv ids. */
export function conflicting(a: Pick<Identity, 'dois' | 'arxivs'>, b: Pick<Identity, 'dois' | 'arxivs'>): boolean {
  const differ = (x: readonly string[], y: readonly string[]) => x.length > 0 && y.length > 0 && !x.some((id) => y.includes(id));
  return differ(a.dois, b.dois) || differ(a.arxivs, b.arxivs);
}
