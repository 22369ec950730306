import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../src/lib/ingest/frontmatter.ts';

describe('splitFrontmatter', () => {
  it('cuts front matter into fields and the comments between them, losing no byte', () => {
    const text = '# top\ntitle: x\nthemes:\n  - a   # first\n  - b\n\n# about status\nstatus: read\nreview: |\n  line\n\n  more\n';
    const segments = splitFrontmatter(text, 'x.mdx');
    expect(segments.map((segment) => segment.key)).toEqual([null, 'title', 'themes', null, 'status', 'review']);
    expect(segments.map((segment) => segment.text).join('')).toBe(text);
    expect(segments[2]?.text).toBe('themes:\n  - a   # first\n  - b\n');
  });

  it('names the file and line of front matter it cannot cut', () => {
    expect(() => splitFrontmatter('- a\n- b\n', 'list.mdx')).toThrow('list.mdx:1: front matter must be a YAML mapping');
    expect(() => splitFrontmatter('{ title: x, slug: y }\n', 'flow.mdx')).toThrow('flow.mdx:1: write each front matter field on its own line');
    expect(() => splitFrontmatter('title: [x\n', 'bad.mdx')).toThrow(/^bad\.mdx:\d+: not valid YAML/);
  });
});
