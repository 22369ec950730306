import { describe, expect, it } from 'vitest';
import { readEntry } from '../../src/lib/ingest/entry.ts';
import { entryIdentity, matchEntries } from '../../src/lib/ingest/entry-match.ts';
import { identityOf } from '../../src/lib/ingest/identity.ts';

type Fields = { title?: unknown; doi?: unknown; arxiv?: unknown };
/** Papers (each the fields of its listed papers) against entries (each one front matter): which entries each paper finds. */
const match = (papers: Fields[][], entries: Fields[]) => Object.fromEntries(matchEntries(papers.map((records) => identityOf(records)), entries.map((entry) => identityOf([entry]))));

describe('matchEntries', () => {
  it('finds an entry by DOI without case, by arXiv id without version, or by any title the paper came with', () => {
    expect(match([[{ title: 'New spelling', doi: '10.1/ABC' }]], [{ title: 'Old spelling', doi: '10.1/abc' }])).toEqual({ 0: [0] });
    expect(match([[{ title: 'New', arxiv: '1503.02531' }]], [{ title: 'Old', arxiv: '1503.02531v2' }])).toEqual({ 0: [0] });
    expect(match([[{ title: 'New', arxiv: '1503.02531' }]], [{ title: 'Old', doi: '10.48550/arXiv.1503.02531' }])).toEqual({ 0: [0] });
    // The title the paper showed before is the listing's; a .bib sorted first now gives another.
    expect(match([[{ title: 'Bib Title', doi: '10.1/x' }, { title: 'Listing title' }]], [{ title: 'Listing Title!' }])).toEqual({ 0: [0] });
    expect(match([[{ title: 'Unrelated' }]], [{ title: 'Other' }, { title: 42 }, {}])).toEqual({});
  });

  it('prefers a DOI to an arXiv id to a title, across papers: a weaker match never takes the entry of a stronger one', () => {
    const papers = [[{ title: 'Same Title' }], [{ title: 'Other', doi: '10.1/b' }], [{ title: 'Third', arxiv: '2101.00001' }]];
    const entries = [{ title: 'Same title', arxiv: '2101.00001' }, { title: 'Same title', doi: '10.1/B' }, { title: 'Same Title' }];
    expect(match(papers, entries)).toEqual({ 0: [2], 1: [1], 2: [0] });
  });

  it('gives each entry to one paper, the first in order, and a paper every copy of its entry', () => {
    expect(match([[{ title: 'Introduction', doi: '10.1/a' }], [{ title: 'Introduction', doi: '10.1/b' }]], [{ title: 'Introduction' }])).toEqual({ 0: [0] });
    expect(match([[{ title: 'T', doi: '10.1/a' }]], [{ title: 'T', doi: '10.1/a' }, { title: 'T copy', doi: '10.1/A' }])).toEqual({ 0: [0, 1] });
  });

  it('does not match by title an entry whose DOI or arXiv id differs from the paper\'s: another paper of that title', () => {
    expect(match([[{ title: 'Introduction', doi: '10.1/b' }]], [{ title: 'Introduction', doi: '10.1/a' }])).toEqual({});
    expect(match([[{ title: 'Reply', arxiv: '2101.00002' }]], [{ title: 'Reply', arxiv: '2101.00001' }])).toEqual({});
    // An id on one side only is no conflict: the entry was written before the paper's .bib came.
    expect(match([[{ title: 'Reply', arxiv: '2101.00002' }]], [{ title: 'Reply', doi: '10.1/a' }])).toEqual({ 0: [0] });
    expect(match([[{ title: 'Reply' }]], [{ title: 'Reply', doi: '10.1/a' }])).toEqual({ 0: [0] });
  });
});

describe('entryIdentity', () => {
  it('finds an entry by its title, DOI and arXiv id, but not by ids the user pinned', () => {
    const entry = (frontmatter: string) => entryIdentity(readEntry(`---\n${frontmatter}---\nAbstract.\n`, 'x.mdx'));
    expect(entry('title: "Deep Residual Learning."\ndoi: 10.1109/CVPR.2016.90\narxiv: "1512.03385"\n')).toEqual({ dois: ['10.1109/cvpr.2016.90'], arxivs: ['1512.03385'], titles: ['deep residual learning'], entries: [] });
    expect(entry('pinned: [doi, arxiv]\ntitle: T\ndoi: 10.1/right\narxiv: "2101.00001"\n')).toEqual({ dois: [], arxivs: [], titles: ['t'], entries: [] });
    expect(entry('title: [not, a, title]\ndoi: 42\n')).toEqual({ dois: [], arxivs: [], titles: [], entries: [] });
    // A DOI pinned to correct the .bib's does not part the entry from its paper, which still has the wrong one.
    const paper = identityOf([{ title: 'T', doi: '10.1/wrong' }]);
    expect(matchEntries([paper], [entry('pinned: [doi]\ntitle: T\ndoi: 10.1/right\n')])).toEqual(new Map([[0, [0]]]));
    expect(matchEntries([paper], [entry('title: T\ndoi: 10.1/right\n')])).toEqual(new Map());
    // Written from the same bibliography entry (file and key): its DOI was corrected there, and the title still finds it.
    const sources = 'sources:\n  - { listing: lab.bib, line: 3, key: t2020 }\n';
    expect(entry(`title: T\ndoi: 10.1/right\n${sources}`).entries).toEqual(['lab.bib\0t2020']);
    const fromLab = identityOf([{ title: 'T', doi: '10.1/wrong', source: { listing: 'lab.bib', line: 3, key: 't2020' } }]);
    expect(matchEntries([fromLab], [entry(`title: T\ndoi: 10.1/right\n${sources}`)])).toEqual(new Map([[0, [0]]]));
    expect(matchEntries([fromLab], [entry('title: T\ndoi: 10.1/right\nsources:\n  - { listing: lab.bib, line: 9, key: other }\n')])).toEqual(new Map());
  });
});
