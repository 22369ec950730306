/** What a paper page builds from its entry: links to the paper and its Highwire tags. */
import { describe, expect, test } from 'vitest';
import { authorList } from '../../src/lib/site/authors.ts';
import { highwireDate, highwireTags } from '../../src/lib/site/highwire.ts';
import { paperLinks, webUrl } from '../../src/lib/site/paper-links.ts';

describe('paperLinks', () => {
  test('arXiv abstract and PDF, DOI, then the paper’s own URL, each once', () => {
    expect(paperLinks({ arxiv: '1503.02531', doi: '10.1000/x y', url: 'https://arxiv.org/abs/1503.02531' })).toEqual([
      { label: 'arXiv:1503.02531', href: 'https://arxiv.org/abs/1503.02531' },
      { label: 'PDF on arXiv', href: 'https://arxiv.org/pdf/1503.02531' },
      { label: 'DOI 10.1000/x y', href: 'https://doi.org/10.1000/x%20y' },
    ]);
    expect(paperLinks({ url: 'http://example.org/a b' })).toEqual([{ label: 'http://example.org/a%20b', href: 'http://example.org/a%20b' }]);
    expect(paperLinks({})).toEqual([]);
  });

  test.each(['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>x</script>', 'vbscript:x', 'file:///etc/passwd', 'ftp://example.org/x', 'not a url', ''])(
    'a URL that is not http(s) is never a link: %j',
    (url) => {
      expect(webUrl(url)).toBeUndefined();
      expect(paperLinks({ url })).toEqual([]);
    },
  );
});

describe('Highwire tags', () => {
  test('one per known field, an author per tag, journal or conference by type', () => {
    const paper = {
      title: 'A <b> & "Title"',
      authors: ['Hinton, Geoffrey', 'OpenAI'],
      published: { text: 'Mar 9, 2015', date: '2015-03-09', yearSource: 'listing' as const },
      venue: 'NeurIPS',
      type: 'paper-conference',
      doi: '10.48550/arXiv.1503.02531',
      arxiv: '1503.02531',
      keywords: ['distillation'],
    };
    expect(highwireTags(paper, 'https://example.org/papers/x/')).toEqual([
      ['citation_title', 'A <b> & "Title"'],
      ['citation_author', 'Hinton, Geoffrey'],
      ['citation_author', 'OpenAI'],
      ['citation_publication_date', '2015/03/09'],
      ['citation_date', '2015/03/09'],
      ['citation_conference_title', 'NeurIPS'],
      ['citation_doi', '10.48550/arXiv.1503.02531'],
      ['citation_arxiv_id', '1503.02531'],
      ['citation_pdf_url', 'https://arxiv.org/pdf/1503.02531'],
      ['citation_keywords', 'distillation'],
      ['citation_abstract_html_url', 'https://example.org/papers/x/'],
    ]);
    expect(highwireTags({ title: 'T', venue: 'Nature', type: 'article-journal' }, undefined)).toEqual([
      ['citation_title', 'T'],
      ['citation_journal_title', 'Nature'],
    ]);
    // A venue of another type (a book, a report) is neither.
    expect(highwireTags({ title: 'T', venue: 'Springer', type: 'book' }, undefined)).toEqual([['citation_title', 'T']]);
  });

  test('a date only with the year the source gave: not one taken from a listing’s capture date', () => {
    expect(highwireDate({ text: 'Jun 2024', date: '2024-06' })).toBe('2024/06');
    expect(highwireDate({ text: 'Mar 27', date: '2024-03-27', yearSource: 'capture-date' })).toBeUndefined();
    expect(highwireDate({ text: 'Mar 27' })).toBeUndefined();
  });
});

test('authorList: names joined as read, cut with "et al." past the limit', () => {
  expect(authorList([])).toBe('');
  expect(authorList(['A'])).toBe('A');
  expect(authorList(['A', 'B', 'C'])).toBe('A, B and C');
  expect(authorList(['A', 'B', 'C', 'D'], 3)).toBe('A, B, C et al.');
  expect(authorList(['A', 'B', 'C'], 3)).toBe('A, B and C');
});
