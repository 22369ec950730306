import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { abstractToMarkdown } from '../../src/lib/ingest/entry.ts';
import { markdownPipeline } from '../../src/lib/markdown/pipeline.ts';
import { backlinks, paperLinksIn, type NoteSource } from '../../src/lib/site/note-links.ts';

const entryText = (notes: string, format: 'md' | 'mdx' = 'mdx') =>
  `---\ntitle: A paper\nthemes: [agents]\n---\n${abstractToMarkdown('An abstract naming [[not-a-link]] and [[x|y]].', format)}\n\n${notes}`;

describe('links between papers in an entry', () => {
  const notes = [
    'See [[first-paper]], and',
    '[[second-paper|the other one]] too.',
    '',
    'Not links: `[[in-code]]`, \\[[escaped]], [a link](first-paper).',
    '',
    '```',
    '[[in-a-fence]]',
    '```',
    '',
  ].join('\n');

  it.each(['md', 'mdx'] as const)('are found with their line in the file (%s), and only where the page shows a link', (format) => {
    expect(paperLinksIn(entryText(notes, format), format)).toEqual([
      { slug: 'first-paper', line: 7 },
      { slug: 'second-paper', line: 8 },
    ]);
  });

  it("link to the paper's page under the base, with their own text or the slug", () => {
    const { html } = markdownToHtml(entryText(notes), markdownPipeline({ base: '/reading-list/' })) as { html: string };
    expect(html).toContain('<a href="/reading-list/papers/first-paper/">first-paper</a>');
    expect(html).toContain('<a href="/reading-list/papers/second-paper/">the other one</a>');
    // What the page shows as text stays text, the abstract's brackets included.
    expect(html).toContain('An abstract naming [[not-a-link]] and [[x|y]].');
    expect(html).toContain('<code>[[in-code]]</code>, [[escaped]], <a href="first-paper">a link</a>');
    expect(html).toContain('[[in-a-fence]]');
    expect(html.match(/href="\/reading-list\/papers\//g)).toHaveLength(2);
  });
});

describe('backlinks', () => {
  const entry = (id: string, text: string): NoteSource & { reads: number } => {
    const source = { id, file: `content/papers/agents/${id}.mdx`, body: text.split('---\n')[2] ?? '', reads: 0, read: () => (source.reads++, text) };
    return source;
  };

  it("list, for each paper, the papers whose notes link to it, once each and without a paper's links to itself", () => {
    const a = entry('a', entryText('[[b]] and [[c]], again [[b|b]]; myself: [[a]]'));
    const b = entry('b', entryText('[[c]]'));
    const c = entry('c', entryText('No links.'));
    expect(backlinks([a, b, c])).toEqual(new Map([['b', ['a']], ['c', ['a', 'b']]]));
    // Only files whose body has a `[[` are read (the abstract escapes its own: `\[\[`).
    expect([a.reads, b.reads, c.reads]).toEqual([1, 1, 0]);
  });

  it('fail on a slug no entry has, naming the entry file and the line', () => {
    const a = entry('a', entryText('Fine: [[b]].\n\nA typo: [[bb]].\n'));
    const b = entry('b', entryText(''));
    expect(() => backlinks([a, b])).toThrow('content/papers/agents/a.mdx:9: [[bb]] links to no paper: no entry has the slug "bb"');
  });
});
