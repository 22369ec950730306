import { describe, expect, it } from 'vitest';
import { checkedFields } from '../../src/lib/ingest/checked-fields.ts';
import type { ListedPaper } from '../../src/lib/ingest/types.ts';

const paper = (fields: Partial<ListedPaper>): ListedPaper => ({ title: 'A Paper', abstract: '', source: { listing: 'lab.bib', line: 12, key: 'a' }, ...fields });

describe('checkedFields', () => {
  it('keeps the DOIs, arXiv ids and addresses of real bibliographies as they are', () => {
    const real = [
      { doi: '10.1145/3290605.3300233', arxiv: '1503.02531', url: 'https://arxiv.org/abs/1503.02531' },
      { doi: '10.1002/(SICI)1097-4636(199706)35:4<425::AID-JBM2>3.0.CO;2-A', arxiv: 'hep-th/9901001', url: 'HTTP://dx.doi.org/10.1000/182' },
      { doi: '10.18653/v1/2020.acl-main.1', arxiv: 'math.GT/0309136', url: 'https://openreview.net/forum?id=abc&noteId=x#y' },
      { doi: '10.48550/arXiv.0704.0001', arxiv: '0704.0001', url: 'https://example.org/ünïcode path' },
    ];
    for (const fields of real) expect(checkedFields(paper(fields))).toEqual({ paper: paper(fields), warnings: [] });
  });

  it('drops a DOI, arXiv id or URL an entry cannot hold, naming the source, and keeps the rest of the paper', () => {
    const { paper: kept, warnings } = checkedFields(paper({
      doi: 'https://doi.org/10.1/x', arxiv: 'arXiv:1503.02531v2', url: 'javascript:alert(1)', venue: 'NeurIPS', authors: ['Doe, Jane'],
    }));
    expect(kept).toEqual(paper({ venue: 'NeurIPS', authors: ['Doe, Jane'] }));
    expect(warnings).toEqual([
      { file: 'lab.bib', line: 12, message: '"A Paper": the DOI "https://doi.org/10.1/x" is not kept: a DOI is 10.<registrant>/<suffix>, without https://doi.org/' },
      { file: 'lab.bib', line: 12, message: '"A Paper": the arXiv id "arXiv:1503.02531v2" is not kept: an arXiv id is 1503.02531 or hep-th/9901001, without version' },
      { file: 'lab.bib', line: 12, message: '"A Paper": the URL "javascript:alert(1)" is not kept: pages link only to http and https addresses' },
    ]);
    for (const url of ['www.example.org', 'ftp://x.org/f', 'data:text/html,<script>alert(1)</script>', 'doi:10.1/x']) {
      expect(checkedFields(paper({ url })).warnings, url).toHaveLength(1);
    }
  });

  it('drops blank values and blank names and keywords as absent, without a word', () => {
    const { paper: kept, warnings } = checkedFields(paper({ doi: ' ', url: '', venue: '  ', type: '', citationKey: '', authors: ['Doe, Jane', ' '], keywords: ['', '  '] }));
    expect(kept).toEqual(paper({ authors: ['Doe, Jane'] }));
    expect(warnings).toEqual([]);
  });
});
