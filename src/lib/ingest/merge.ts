import { conflicting, identityOf, isArxivDoi, paperIds, titleKeyOf, type Identity } from './identity.ts';
import { words } from './normalise.ts';
import type { ListedPaper, Paper, PublishedDate, Warning } from './types.ts';

/**
 * Sorts listed papers (from every listing and bibliography, in the order read) into papers:
 * each group holds the listed papers of one paper, in that order, and the groups come in order
 * of first appearance, so the same files give the same result.
 *
 * Two listed papers are one paper when (documented in docs/listings.md):
 * 1. they have the same DOI (without case), or
 * 2. the same arXiv id (without version; an arXiv DOI `10.48550/arXiv.<id>` counts as that id);
 * 3. or the same title without case and punctuation (`titleKey`), unless both papers, with
 *    everything joined to them so far, have DOIs and they differ, or arXiv ids and they differ:
 *    a workshop and a journal version, or two "Introduction"s of a lab's bibliography, are two
 *    papers. A listed paper with neither id goes to the first of them.
 * Joins are transitive: a listing's title, a .bib entry with that title and a DOI, and a CSL-JSON
 * item with that DOI under another title are one paper.
 */
export function groupListed(listed: readonly ListedPaper[]): ListedPaper[][] {
  const parent = listed.map((_, index) => index);
  const find = (index: number): number => {
    while (parent[index] !== index) index = parent[index] = parent[parent[index]!]!;
    return index;
  };
  const ids = listed.map(paperIds);
  // The ids of each group, kept at its root: the first listed paper of the group, whose index is the lowest.
  const groupIds = ids.map(({ doi, arxiv }) => ({ dois: doi === undefined ? [] : [doi], arxivs: arxiv === undefined ? [] : [arxiv] }));
  const join = (a: number, b: number) => {
    const [x, y] = [find(a), find(b)];
    if (x === y) return;
    const [root, child] = x < y ? [x, y] : [y, x];
    parent[child] = root;
    const [kept, added] = [groupIds[root]!, groupIds[child]!];
    groupIds[root] = { dois: [...new Set([...kept.dois, ...added.dois])], arxivs: [...new Set([...kept.arxivs, ...added.arxivs])] };
  };
  for (const kind of ['doi', 'arxiv'] as const) {
    const first = new Map<string, number>();
    listed.forEach((_, index) => {
      const id = ids[index]![kind];
      if (id === undefined) return;
      const earlier = first.get(id);
      if (earlier === undefined) first.set(id, index);
      else join(earlier, index);
    });
  }
  // One listed paper per group met so far with each title key.
  const byTitle = new Map<string, number[]>();
  listed.forEach((paper, index) => {
    const key = titleKeyOf(paper);
    const earlier = byTitle.get(key) ?? [];
    for (const other of earlier) {
      if (!conflicting(groupIds[find(other)]!, groupIds[find(index)]!)) join(other, index);
    }
    if (!earlier.some((other) => find(other) === find(index))) earlier.push(index);
    byTitle.set(key, earlier);
  });
  const groups = new Map<number, ListedPaper[]>();
  listed.forEach((paper, index) => {
    const root = find(index);
    const group = groups.get(root);
    if (group) group.push(paper);
    else groups.set(root, [paper]);
  });
  return [...groups.values()];
}

/** `mergeGroups(groupListed(listed))`. */
export function mergePapers(listed: readonly ListedPaper[]): Paper[] {
  return mergeGroups(groupListed(listed));
}

/**
 * One paper from each group of `groupListed`. Which listed paper gives each field (documented in
 * docs/listings.md; "first" is in the order listings and bibliographies are read):
 * - `title`: the first;
 * - `abstract`: the longest (listings truncate, they do not pad), the first on equal length;
 * - `authors`: the fullest list: the most names, then the most characters (`Vaswani, Ashish` over
 *   `Vaswani, A.`), then the first;
 * - `published`: a date with a year over one without, then a year the source states over one
 *   inferred from a listing's capture date, then the more precise (day, month, year), then the first;
 * - `doi`: the first publisher's DOI, else the first arXiv DOI (the arXiv id is in `arxiv` anyway);
 * - `venue`, `type`, `arxiv`, `url`, `citationKey`, `authorsCount`, `organisation`: the first given;
 * - `keywords`: all of them, in the order first met, a keyword met again in other case dropped;
 * - `upvotes`: the highest (the latest snapshot);
 * - `sources`: every one.
 * `key` is the title key, unique per paper: a paper with the title key of an earlier one (the two have
 * different DOIs or arXiv ids) gets its DOI, else its arXiv id, after it.
 */
export function mergeGroups(groups: readonly (readonly ListedPaper[])[]): Paper[] {
  const keys = new Set<string>();
  return groups.map((group) => {
    const paper = mergeGroup(group);
    if (keys.has(paper.key)) {
      const { doi, arxiv } = paperIds(paper);
      // A NUL never ends up in a title key (the suffix has letters, and keys with letters hold only letters, digits and spaces).
      paper.key = `${paper.key}\0${doi === undefined ? `arxiv:${arxiv}` : `doi:${doi}`}`;
    }
    keys.add(paper.key);
    return paper;
  });
}

function mergeGroup(group: readonly ListedPaper[]): Paper {
  const [first] = group as [ListedPaper];
  const firstGiven = <K extends keyof ListedPaper>(key: K): ListedPaper[K] | undefined => group.find((paper) => paper[key] !== undefined)?.[key];
  const best = <T>(values: readonly (T | undefined)[], better: (a: T, b: T) => boolean): T | undefined =>
    values.reduce<T | undefined>((kept, value) => (value !== undefined && (kept === undefined || better(value, kept)) ? value : kept), undefined);
  const dois = group.flatMap(({ doi }) => doi ?? []);
  const keywords = new Map<string, string>();
  for (const keyword of group.flatMap((paper) => paper.keywords ?? [])) if (!keywords.has(keyword.toLowerCase())) keywords.set(keyword.toLowerCase(), keyword);
  const fields: Omit<Paper, 'key' | 'title' | 'abstract' | 'sources'> = {
    authorsCount: firstGiven('authorsCount'),
    organisation: firstGiven('organisation'),
    published: best(group.map(({ published }) => published), (a, b) => compareRanks(publishedRank(a), publishedRank(b)) > 0),
    upvotes: best(group.map(({ upvotes }) => upvotes), (a, b) => a > b),
    authors: best(group.map(({ authors }) => authors), (a, b) => compareRanks(authorsRank(a), authorsRank(b)) > 0),
    venue: firstGiven('venue'),
    type: firstGiven('type'),
    doi: dois.find((doi) => !isArxivDoi(doi)) ?? dois[0],
    arxiv: firstGiven('arxiv'),
    url: firstGiven('url'),
    citationKey: firstGiven('citationKey'),
    keywords: keywords.size === 0 ? undefined : [...keywords.values()],
  };
  const paper: Paper = {
    key: titleKeyOf(first),
    title: first.title,
    abstract: best(group.map(({ abstract }) => abstract), (a, b) => a.length > b.length)!,
    sources: group.map(({ source }) => source),
  };
  // Only the fields some source gives: an absent field is left out of the entry.
  for (const [field, value] of Object.entries(fields)) if (value !== undefined) (paper as unknown as Record<string, unknown>)[field] = value;
  return paper;
}

/** Lexicographic order of two ranks of equal length: positive when `a` is better. */
function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (const [index, value] of a.entries()) if (value !== b[index]) return value - b[index]!;
  return 0;
}

const PRECISION = { year: 1, month: 2, day: 3 } as const;

function publishedRank(published: PublishedDate): number[] {
  return [published.date === undefined ? 0 : 1, published.yearSource === 'listing' ? 1 : 0, published.precision === undefined ? 0 : PRECISION[published.precision]];
}

const authorsRank = (authors: readonly string[]) => [authors.length, authors.join('').length];

/**
 * Merges a person should check, each named at the listed paper taken for an earlier one:
 * - a title-only merge of titles that differ in case and punctuation (`C++ Agents`, `C Agents`),
 *   whose abstracts share fewer than half their words: likely two papers, of which one abstract is
 *   kept. Listings repeat a paper with the same abstract, or nearly (an edit, a cut);
 * - a DOI or arXiv id shared by titles with little in common: likely a wrong id in a bibliography;
 * - a paper whose sources give two DOIs, or two arXiv ids (joined through the other id): the first is kept;
 * - a listed paper whose title is that of two papers with different ids, and whose own ids cannot
 *   tell which it is: it went to the first.
 */
export function doubtfulMerges(groups: readonly (readonly ListedPaper[])[]): Warning[] {
  const warnings: Warning[] = [];
  const warn = ({ source }: ListedPaper, message: string) => warnings.push({ file: source.listing, line: source.line, message });
  const at = ({ source }: ListedPaper) => `${source.listing}, line ${source.line}`;
  // A paper listed once merged nothing.
  for (const group of groups.filter((papers) => papers.length > 1)) {
    const firstWithTitle = new Map<string, ListedPaper>();
    const firstWithId = { doi: new Map<string, ListedPaper>(), arxiv: new Map<string, ListedPaper>() };
    const firstOfKind: { doi?: ListedPaper; arxiv?: ListedPaper } = {};
    for (const paper of group) {
      const ids = paperIds(paper);
      const shared = (['doi', 'arxiv'] as const).flatMap((kind) => {
        const id = ids[kind];
        const earlier = id === undefined ? undefined : firstWithId[kind].get(id);
        return earlier ? [{ kind, id: id!, earlier }] : [];
      });
      const [byId] = shared;
      const key = titleKeyOf(paper);
      const earlierTitle = firstWithTitle.get(key);
      if (byId && titleOverlap(paper.title, byId.earlier.title) < 0.5) {
        warn(paper, `"${paper.title}" is taken for the paper "${byId.earlier.title}" (${at(byId.earlier)}), whose ${ID_NAMES[byId.kind]} ${byId.id} it has; the titles have little in common: is the ${ID_NAMES[byId.kind]} of one of them wrong?`);
      } else if (!byId && earlierTitle && paper.title !== earlierTitle.title && paper.abstract !== '' && earlierTitle.abstract !== '' && wordOverlap(paper.abstract, earlierTitle.abstract) < 0.5) {
        warn(paper, `"${paper.title}" is taken for the paper "${earlierTitle.title}" (${at(earlierTitle)}): titles are compared without case and punctuation; their abstracts differ, and only the longer is kept`);
      }
      for (const kind of ['doi', 'arxiv'] as const) {
        const id = ids[kind];
        if (id === undefined) continue;
        const earlier = firstOfKind[kind];
        if (earlier && paperIds(earlier)[kind] !== id) {
          warn(paper, `the ${ID_NAMES[kind]} ${id} differs from ${paperIds(earlier)[kind]}, which ${at(earlier)} gives the same paper "${group[0]!.title}": the first is kept`);
        }
        firstOfKind[kind] ??= paper;
        if (!firstWithId[kind].has(id)) firstWithId[kind].set(id, paper);
      }
      if (!earlierTitle) firstWithTitle.set(key, paper);
    }
  }
  // Papers that share a title key: a listed paper joined to one of them by its title alone (its ids, if
  // any, are its own in its group) whose ids fit another as well could be either.
  const byTitle = new Map<string, (readonly ListedPaper[])[]>();
  for (const group of groups) {
    for (const key of new Set(group.map(titleKeyOf))) {
      const shared = byTitle.get(key);
      if (shared) shared.push(group);
      else byTitle.set(key, [group]);
    }
  }
  for (const [key, sharing] of byTitle) {
    if (sharing.length < 2) continue;
    const papers = sharing.map((group) => ({ group, identity: identityOf(group) }));
    for (const { group, identity } of papers) {
      for (const paper of group.filter((listedPaper) => titleKeyOf(listedPaper) === key)) {
        const own = identityOf([paper]);
        const rest = identityOf(group.filter((other) => other !== paper));
        if (own.dois.some((id) => rest.dois.includes(id)) || own.arxivs.some((id) => rest.arxivs.includes(id))) continue;
        const others = papers.filter((other) => other.group !== group && !conflicting(own, other.identity));
        if (others.length === 0) continue;
        const named = others.map((other) => `${at(other.group[0]!)} (${idText(other.identity)})`).join('; ');
        warn(paper, `"${paper.title}" is taken by its title alone for the paper of ${at(group[0]!)} (${idText(identity)}), but ${named} has this title too, with other ids: the title alone cannot tell which paper this is`);
      }
    }
  }
  return warnings;
}

const ID_NAMES = { doi: 'DOI', arxiv: 'arXiv id' } as const;

const idText = ({ dois, arxivs }: Identity) => [...dois.map((doi) => `DOI ${doi}`), ...arxivs.map((id) => `arXiv ${id}`)].join(', ');

/** Shared words over all words of two texts (Jaccard), 1 for two texts without words. */
function wordOverlap(a: string, b: string): number {
  const [x, y] = [new Set(words(a)), new Set(words(b))];
  const shared = [...x].filter((word) => y.has(word)).length;
  const all = x.size + y.size - shared;
  return all === 0 ? 1 : shared / all;
}

/** Shared words over the words of the shorter title, 1 when one has none: a subtitle added or dropped still overlaps fully. */
function titleOverlap(a: string, b: string): number {
  const [x, y] = [new Set(words(a)), new Set(words(b))];
  const shared = [...x].filter((word) => y.has(word)).length;
  const fewer = Math.min(x.size, y.size);
  return fewer === 0 ? 1 : shared / fewer;
}
