import { pinnedFields, type EntryFile } from './entry.ts';
import { conflicting, identityOf, type Identity } from './identity.ts';

/**
 * What an entry is found by: its title, DOI and arXiv id. A pinned DOI or arXiv id is the user's
 * correction of the sources, not what they give: it neither finds the entry nor keeps it from its paper.
 */
export function entryIdentity({ data }: EntryFile): Identity {
  const { pinned } = pinnedFields(data);
  return identityOf([{ title: data['title'], doi: pinned.has('doi') ? undefined : data['doi'], arxiv: pinned.has('arxiv') ? undefined : data['arxiv'], sources: data['sources'] }]);
}

/**
 * Finds the entries written earlier for each paper (`identityOf` its listed papers, and of each
 * entry's front matter), so that a paper keeps its entry, slug and notes when a new source changes
 * its shown title: first by DOI, then by arXiv id, then by title key (an entry's title against
 * every spelling the paper came with). Each pass is for the papers the earlier ones left without an
 * entry, in their order, and an entry belongs to one paper at most. A paper takes every entry that
 * matches it in its pass: copies of one entry, which `planEntries` settles. A title does not match
 * an entry whose DOIs or arXiv ids differ from the paper's: papers with one title and different ids
 * are different papers (`groupListed`); unless the entry was written from the same bibliography entry
 * (file and citation key) as the paper: then its ids were corrected in the bibliography.
 *
 * Returns, by paper index, the indices of its entries; a paper with none is absent.
 */
export function matchEntries(papers: readonly Identity[], entries: readonly Identity[]): Map<number, number[]> {
  const found = new Map<number, number[]>();
  const taken = new Set<number>();
  for (const kind of ['dois', 'arxivs', 'titles'] as const) {
    const byValue = new Map<string, number[]>();
    entries.forEach((entry, index) => {
      if (!taken.has(index)) for (const value of entry[kind]) byValue.set(value, [...(byValue.get(value) ?? []), index]);
    });
    papers.forEach((paper, index) => {
      if (found.has(index)) return;
      const matches = [...new Set(paper[kind].flatMap((value) => byValue.get(value) ?? []))]
        .filter((entry) => !taken.has(entry) && (kind !== 'titles' || !conflicting(paper, entries[entry]!) || sameSource(paper, entries[entry]!)))
        .sort((a, b) => a - b);
      if (matches.length === 0) return;
      found.set(index, matches);
      for (const entry of matches) taken.add(entry);
    });
  }
  return found;
}

const sameSource = (paper: Identity, entry: Identity) => paper.entries.some((key) => entry.entries.includes(key));
