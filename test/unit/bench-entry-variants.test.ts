import { describe, expect, it } from 'vitest';
import { asMarkdown, chosenPaths, componentNotes, MATH_NOTES, withNotesOn } from '../../scripts/bench/entry-variants.ts';
import { splitBody } from '../../src/lib/ingest/body.ts';
import { plainMdx } from '../../src/lib/plain-mdx.ts';

const entries = new Map(Array.from({ length: 200 }, (_, index) => [`theme-${index % 3}/paper-${String(index).padStart(3, '0')}.mdx`, `---\ntitle: Paper ${index}\n---\nThe abstract.\n`]));

describe('chosenPaths', () => {
  it('takes every n-th path in order, whatever order they come in', () => {
    const chosen = chosenPaths([...entries.keys()].reverse(), 0.1);
    expect(chosen.size).toBe(20);
    expect([...chosen].slice(0, 2)).toEqual(['theme-0/paper-027.mdx', 'theme-0/paper-057.mdx']);
    expect(chosenPaths(entries.keys(), 0.01).size).toBe(2);
  });
});

describe('asMarkdown', () => {
  it('renames every entry .md and keeps its text', () => {
    const markdown = asMarkdown(entries);
    expect(markdown.get('theme-1/paper-001.md')).toBe(entries.get('theme-1/paper-001.mdx'));
    expect([...markdown.keys()].every((path) => path.endsWith('.md'))).toBe(true);
  });
});

describe('withNotesOn', () => {
  it('adds notes below the abstract of the chosen entries only', () => {
    const withMath = withNotesOn(entries, 0.1, () => MATH_NOTES);
    const changed = [...withMath].filter(([path, text]) => text !== entries.get(path));
    expect(new Set(changed.map(([path]) => path))).toEqual(chosenPaths(entries.keys(), 0.1));
    const body = (changed[0]![1]).split('---\n')[2]!;
    expect(splitBody(body)).toEqual({ abstract: 'The abstract.', notes: `\n${MATH_NOTES}` });
  });

  it('writes notes that need MDX for the component, and formulas with TeX braces', () => {
    expect(componentNotes('agents/paper.mdx')).toMatch(/^import PublishedDate from '\.\.\/\.\.\/\.\.\/src\/components\/PublishedDate\.astro';\n/);
    expect(plainMdx(componentNotes('agents/paper.mdx')).plain).toBe(false);
    expect(MATH_NOTES.match(/\$\$/g)).toHaveLength(2);
    expect(MATH_NOTES.match(/(?<!\$)\$(?!\$)/g)).toHaveLength(4);
  });
});
