import fc from 'fast-check';
import type { Root, RootContent } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { mathToMarkdown } from 'mdast-util-math';
import { toMarkdown } from 'mdast-util-to-markdown';
import { remark } from 'remark';
import remarkMdx from 'remark-mdx';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { describe, expect, it } from 'vitest';
import { abstractToMarkdown, fieldLine, readEntry, serialiseEntry } from '../../src/lib/ingest/entry.ts';
import type { ClassifiedPaper } from '../../src/lib/ingest/types.ts';
import { MARKDOWN_FEATURES } from '../../src/lib/markdown/features.ts';
import { abstractPlainText, bodyToPlainText } from '../../src/lib/site/text.ts';

const HOSTILE = [
  '{process.exit(1)}',
  '<script>alert(1)</script>',
  '</script><img src=x onerror=alert(1)>',
  "import x from 'y'",
  'export const a = 1',
  '# Heading? *em* _u_ `code` [link](http://x) ![img](y) > quote',
  '1. not a list',
  '---',
  '&amp; &lt; &#x41; \\{ \\',
  '{/* comment */} <!-- html comment -->',
  '\\textit{Thought Propagation} improves 12\\% over {baselines}',
  '  leading and trailing spaces  ',
  'zero\u200Bwidth non\u00A0breaking 😀 مرحبا بالعالم 中文标题 עברית',
  // GFM, math and links between papers, which the site reads in notes.
  '~50% … ~70% ~~x~~',
  '$5 and $10, $$x$$',
  'a | b',
  '| a | b |',
  '[[x]] [[x|y]] [x] [ ] [^1]',
];

/**
 * The text a parsed document holds, failing on anything but text. Sätteri's parser links
 * a bare `http://…` even when escaped, into a link of that same text, which the site's
 * pipeline turns back into text (src/lib/markdown/escaped-autolinks.ts, checked in
 * entry.property.test.ts).
 */
function textOf(tree: Root | RootContent): string {
  if (tree.type === 'text') return tree.value;
  if (tree.type === 'link' && tree.children.length === 1 && tree.children[0]?.type === 'text' && tree.url.endsWith(tree.children[0].value)) {
    return tree.children[0].value;
  }
  if (tree.type !== 'root' && tree.type !== 'paragraph') throw new Error(`unexpected ${tree.type} node`);
  return tree.children.map(textOf).join('');
}

describe('abstractToMarkdown', () => {
  it.each(HOSTILE)('keeps %j as literal text for remark (Markdown)', (text) => {
    const tree = remark().parse(abstractToMarkdown(text, 'md'));
    expect(textOf(tree)).toBe(text);
  });

  it.each(HOSTILE)("keeps %j as literal text for Astro's Markdown processor (satteri)", (text) => {
    const tree = markdownToMdast(abstractToMarkdown(text, 'md'), { features: MARKDOWN_FEATURES }) as unknown as Root;
    expect(textOf(tree)).toBe(text);
  });

  it.each(HOSTILE)('keeps %j as literal text for remark-mdx (MDX)', (text) => {
    const tree = remark().use(remarkMdx).parse(abstractToMarkdown(text, 'mdx'));
    expect(textOf(tree)).toBe(text);
  });

  it.each(HOSTILE)("keeps %j as literal text for Astro's MDX compiler (satteri)", (text) => {
    const tree = mdxToMdast(abstractToMarkdown(text, 'mdx'), { features: MARKDOWN_FEATURES }) as unknown as Root;
    expect(textOf(tree)).toBe(text);
  });

  it('writes a plain abstract as it is, as mdast-util-to-markdown with GFM and math would, and escapes everything else as it does', () => {
    const abstract = fc.string({ unit: fc.constantFrom(...'ab Zé.,:;()-+=#!?%$|{}~>\t\n\r\\`*_[]<&@/\0\u00a0', '1.', 'é\u0301', 'www.', 'WwW.', 'http://', 'a@b.c'), maxLength: 30 });
    // The syntax the site reads (src/lib/markdown/features.ts), and `|` outside tables too.
    const extensions = [gfmToMarkdown(), mathToMarkdown(), { unsafe: [{ character: '|' as const }] }];
    fc.assert(
      fc.property(abstract, (text) => {
        const tree: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] };
        expect(abstractToMarkdown(text, 'md')).toBe(toMarkdown(tree, { extensions }).replace(/\n$/, ''));
      }),
      { numRuns: 3000 },
    );
    expect(abstractToMarkdown('Agents learn skills (a 12% gain).', 'md')).toBe('Agents learn skills (a 12% gain).');
  });

  it('writes an abstract for MDX, as it is where it can, so that both MDX parsers read back its text', () => {
    const abstract = fc.string({ unit: fc.constantFrom(...'ab Zé.,:;()-+=#!?%$|{}~>\\`*_[]<&@/', 'import ', 'export ', '\nimport x', 'www.', 'a@b.c'), maxLength: 30 });
    fc.assert(
      fc.property(abstract, (text) => {
        const mdx = abstractToMarkdown(text, 'mdx');
        expect(textOf(mdxToMdast(mdx, { features: MARKDOWN_FEATURES }) as unknown as Root)).toBe(text);
        expect(textOf(remark().use(remarkMdx).parse(mdx))).toBe(text);
      }),
      { numRuns: 2000 },
    );
    expect(abstractToMarkdown('Agents learn skills (a 12% gain).', 'mdx')).toBe('Agents learn skills (a 12% gain).');
  });
});

const paper: ClassifiedPaper = {
  key: 'a title',
  title: 'A title: with "quotes" and {braces}',
  slug: 'a-title-with-quotes-and-braces',
  abstract: 'The abstract {x}.',
  sources: [{ listing: 'a.txt', line: 3 }],
  themes: ['skills'],
  mainTheme: 'skills',
  matchedTerms: { skills: ['skill*'] },
  upvotes: 4,
};

describe('serialiseEntry and readEntry', () => {
  const write = (next: ClassifiedPaper, before?: string) => serialiseEntry(next, before === undefined ? undefined : { entry: readEntry(before, 'x.md'), file: 'x.md' });

  it('round-trips the generated fields', () => {
    const { data, body } = readEntry(write(paper), 'x.md');
    expect(data).toEqual({
      title: paper.title, slug: paper.slug, themes: ['skills'], mainTheme: 'skills',
      matchedTerms: { skills: ['skill*'] }, upvotes: 4, sources: [{ listing: 'a.txt', line: 3 }],
    });
    expect(body).toBe('The abstract {x}.\n');
    // As MDX, `{` is escaped: it would start an expression.
    expect(readEntry(serialiseEntry(paper, undefined, 'mdx'), 'x.mdx').body).toBe('The abstract \\{x}.\n');
  });

  it("keeps the user's own fields, comments and notes byte for byte while updating generated fields", () => {
    const userFields = '# my reading status\nstatus: read   # finished in May\nrating: 4\ntags: [ rl,  "skills" ]\nreview: |\n  Good paper.\n    Indented line.\n';
    const notes = '\n## My notes\n\nRead section 3 {twice}.\n';
    const edited = write(paper).replace('upvotes: 4\n', `upvotes: 4\n${userFields}`) + notes;
    const again = write({ ...paper, upvotes: 10, title: 'A new title' }, edited);
    expect(again).toContain(userFields);
    expect(again.endsWith(`\n---\nThe abstract {x}.\n${notes}`)).toBe(true);
    expect(readEntry(again, 'x.md').data).toMatchObject({ upvotes: 10, title: 'A new title', status: 'read', rating: 4, tags: ['rl', 'skills'] });
    expect(write({ ...paper, upvotes: 10, title: 'A new title' }, again)).toBe(again);
  });

  it('keeps pinned fields and a pinned abstract as the user wrote them', () => {
    const edited = write(paper)
      .replace('title: ', 'pinned: [title, abstract]\ntitle: ')
      .replace(/^title: .*$/m, 'title: "My own title"   # mine')
      .replace('The abstract {x}.', 'My own abstract.');
    const again = write({ ...paper, title: 'Listing title', abstract: 'Listing abstract.' }, edited);
    expect(again).toContain('title: "My own title"   # mine\n');
    expect(readEntry(again, 'x.md').body).toBe('My own abstract.\n');
  });

  it('refuses JavaScript front matter instead of running it', () => {
    const source = '---js\n{ title: (() => { globalThis.ran = true; return "x"; })() }\n---\nbody\n';
    expect(() => readEntry(source, 'evil.mdx')).toThrow('evil.mdx:1: JavaScript front matter');
    expect((globalThis as { ran?: boolean }).ran).toBeUndefined();
  });
});

describe('an entry whose paper has no abstract', () => {
  it.each(['md', 'mdx'] as const)('keeps the notes below a %s abstract line that reads as no text', (format) => {
    const paper: ClassifiedPaper = { key: 'k', title: 'T', abstract: '', slug: 'k', themes: ['unsorted'], mainTheme: 'unsorted', matchedTerms: {}, sources: [{ listing: 'a.txt', line: 1 }] };
    const first = serialiseEntry(paper, undefined, format);
    const annotated = `${first}\nMy note.\n`;
    const again = serialiseEntry(paper, { entry: readEntry(annotated, `x.${format}`), file: `x.${format}` }, format);
    expect(again).toBe(annotated);
    // What the site reads: Astro trims the body, and the first line is still the abstract's.
    const body = readEntry(again, `x.${format}`).body.trim();
    expect(abstractPlainText(body, format, true)).toBe('');
    expect(bodyToPlainText(body, format)).toBe('My note.');
  });

  it('writes the no-abstract line for a pinned blank abstract, and in the form of the file\'s format', () => {
    const paper: ClassifiedPaper = { key: 'k', title: 'T', abstract: '', slug: 'k', themes: ['unsorted'], mainTheme: 'unsorted', matchedTerms: {}, sources: [{ listing: 'a.txt', line: 1 }] };
    const pinned = (abstractLine: string) => `---\ntitle: T\npinned: [abstract]\n---\n${abstractLine}\n\nMy note.\n`;
    for (const [line, format] of [['', 'md'], ['   ', 'md'], ['<!-- no abstract in the listings -->', 'mdx'], ['{/* no abstract in the listings */}', 'md']] as const) {
      const body = readEntry(serialiseEntry(paper, { entry: readEntry(pinned(line), 'x.md'), file: 'x.md' }, format), 'x').body;
      expect(abstractPlainText(body.trim(), format, true), JSON.stringify([line, format])).toBe('');
      expect(bodyToPlainText(body, format)).toBe('My note.');
    }
  });
});

describe('fieldLine', () => {
  it.each([
    ['---\ntitle: x\n# mine\nthemes:\n  - agents\nslug : y\n---\nBody\n', 'LF'],
    ['---\r\ntitle: x\r\n# mine\r\nthemes:\r\n  - agents\r\nslug : y\r\n---\r\nBody\r\n', 'CRLF'],
  ])('names the line of the file where a top-level field starts (%#, %s), and 1 for a field it lacks', (source) => {
    const entry = readEntry(source, 'x.md');
    expect(['title', 'themes', 'slug', 'pinned', 'agents'].map((key) => fieldLine(entry, key))).toEqual([2, 4, 6, 1, 1]);
  });
});

describe('readEntry on front matter that is not YAML', () => {
  it.each([
    ['---\ntitle: x\nthemes: [agents]\nrating: [4\nother: 1\n---\nBody\n', 'f.md:5: front matter is not valid YAML (column 1): missed comma between flow collection entries'],
    ['---\ntitle: x\n  bad: indent\n---\nBody\n', 'g.md:3: front matter is not valid YAML (column 6): bad indentation of a mapping entry'],
  ])('names the line of the file where the parser stopped', (source, message) => {
    const file = message.slice(0, 4);
    expect(() => readEntry(source, file)).toThrow(expect.objectContaining({ message }));
  });
});

describe('the fields of a paper from a bibliography', () => {
  const cited: ClassifiedPaper = {
    ...paper,
    title: 'Ünïcode: "quoted" title #1',
    authors: ['Vaswani, Ashish', "O'Brien, Ève", 'Doe: Jane', '#1 Fan', 'OpenAI', 'yes', '2024', 'Smith, J. "Jay"'],
    published: { text: '2017', date: '2017', precision: 'year', yearSource: 'listing' },
    venue: 'Advances in Neural Information Processing Systems 30 (NeurIPS 2017)',
    type: 'paper-conference',
    doi: '10.48550/arXiv.1706.03762',
    arxiv: '1706.03762',
    url: 'https://arxiv.org/abs/1706.03762?x=1#y',
    citationKey: 'vaswani2017attention',
    keywords: ['Machine learning', 'null', 'a: b', '- dash', '{x}'],
    sources: [{ listing: 'a.txt', line: 3 }, { listing: 'lab.bib', line: 10, key: 'vaswani2017attention' }],
  };

  it('come out in the order of GENERATED_FIELDS, lists one item a line, quoted where YAML would read them otherwise', () => {
    const text = serialiseEntry(cited, undefined, 'mdx');
    expect(text.slice(0, text.indexOf('themes:'))).toBe(`title: 'Ünïcode: "quoted" title #1'\nslug: a-title-with-quotes-and-braces\n`.replace(/^/, '---\n'));
    expect(text).toContain(
      'authors:\n  - Vaswani, Ashish\n  - O\'Brien, Ève\n  - "Doe: Jane"\n  - "#1 Fan"\n  - OpenAI\n  - "yes"\n  - "2024"\n  - Smith, J. "Jay"\n' +
        'published:\n  text: "2017"\n  date: "2017"\n  precision: year\n  yearSource: listing\n' +
        'venue: Advances in Neural Information Processing Systems 30 (NeurIPS 2017)\ntype: paper-conference\n' +
        'doi: 10.48550/arXiv.1706.03762\narxiv: "1706.03762"\nurl: https://arxiv.org/abs/1706.03762?x=1#y\ncitationKey: vaswani2017attention\n' +
        'keywords:\n  - Machine learning\n  - "null"\n  - "a: b"\n  - "- dash"\n  - "{x}"\nupvotes: 4\n' +
        'sources:\n  - listing: a.txt\n    line: 3\n  - listing: lab.bib\n    line: 10\n    key: vaswani2017attention\n---\n',
    );
    const { data } = readEntry(text, 'x.mdx');
    for (const key of ['title', 'authors', 'published', 'venue', 'type', 'doi', 'arxiv', 'url', 'citationKey', 'keywords', 'sources'] as const) expect(data[key], key).toEqual(cited[key]);
  });

  it('give an entry without an abstract the no-abstract line', () => {
    const { body } = readEntry(serialiseEntry({ ...cited, abstract: '' }, undefined, 'mdx'), 'x.mdx');
    expect(body).toBe('{/* no abstract in the listings */}\n');
  });

  it('keep pinned authors as the user wrote them while the other fields follow the sources', () => {
    const edited = serialiseEntry(cited, undefined, 'mdx')
      .replace('---\ntitle', '---\npinned: [authors]\ntitle')
      .replace(/^authors:\n(?:  - .*\n)+/m, 'authors: [Vaswani et al.]   # shortened by hand\n');
    const again = serialiseEntry({ ...cited, authors: ['Someone, Else'], venue: 'NeurIPS' }, { entry: readEntry(edited, 'x.mdx'), file: 'x.mdx' }, 'mdx');
    expect(again).toContain('\nauthors: [Vaswani et al.]   # shortened by hand\n');
    expect(readEntry(again, 'x.mdx').data).toMatchObject({ authors: ['Vaswani et al.'], venue: 'NeurIPS' });
  });

  it('join an entry written before they existed, keeping its fields, pins and notes byte for byte', () => {
    const before = `${serialiseEntry(paper, undefined, 'mdx').replace(/\n---\n/, '\nstatus: read   # mine\n---\n')}\n## Notes\n\nMine.\n`;
    const after = serialiseEntry(cited, { entry: readEntry(before, 'x.mdx'), file: 'x.mdx' }, 'mdx');
    expect(after).toContain('\nkeywords:\n  - Machine learning\n');
    expect(after).toContain('\nstatus: read   # mine\n---\n');
    expect(after.endsWith('\n## Notes\n\nMine.\n')).toBe(true);
    expect(readEntry(after, 'x.mdx').data['authors']).toEqual(cited.authors);
    // The same paper again: the same text.
    expect(serialiseEntry(cited, { entry: readEntry(after, 'x.mdx'), file: 'x.mdx' }, 'mdx')).toBe(after);
    expect(serialiseEntry(paper, { entry: readEntry(before, 'x.mdx'), file: 'x.mdx' }, 'mdx')).toBe(before);
  });

  it('keep what the user wrote in them while only listings hold the paper (an entry annotated before bibliographies were read)', () => {
    const mine = 'url: https://example.org/my-notes\nkeywords: [my-tag]\nvenue: Read at our reading group\n';
    const before = serialiseEntry(paper, undefined, 'mdx').replace(/\n---\n/, `\n${mine}---\n`);
    const after = serialiseEntry(paper, { entry: readEntry(before, 'x.mdx'), file: 'x.mdx' }, 'mdx');
    expect(readEntry(after, 'x.mdx').data).toMatchObject({ url: 'https://example.org/my-notes', keywords: ['my-tag'], venue: 'Read at our reading group' });
    // Once a bibliography holds the paper, ingest owns them, as it does any generated field.
    const fromBib = { ...paper, venue: 'NeurIPS', sources: [...paper.sources, { listing: 'lab.bib', line: 1, key: 'k' }] };
    const owned = readEntry(serialiseEntry(fromBib, { entry: readEntry(before, 'x.mdx'), file: 'x.mdx' }, 'mdx'), 'x.mdx').data;
    expect([owned['venue'], 'keywords' in owned, 'url' in owned]).toEqual(['NeurIPS', false, false]);
  });
});
