import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isPlainMarkdown } from '../../src/lib/plain-markdown.ts';
import { abstractPlainText, bodyToPlainText, collapseWhitespace, excerpt, parsedPlainText } from '../../src/lib/site/text.ts';

/** Letters, white space and every character Markdown can give a meaning to. */
const markdownish = fc.string({
  unit: fc.constantFrom(...'ab Zé\t\n\r\f\\`*_[]<>&!#-+=.)1~|{}\0\u00a0', '\r\n', '    ', '1.', 'é\u0301', 'import ', 'export ', '{/* c */}'),
  maxLength: 40,
});

describe('bodyToPlainText', () => {
  test('skips the parser only when the parser would give the same text', () => {
    fc.assert(
      fc.property(markdownish, (body) => {
        if (isPlainMarkdown(body)) expect(bodyToPlainText(body, 'md')).toBe(parsedPlainText(body, 'md'));
        expect(bodyToPlainText(body, 'mdx')).toBe(parsedPlainText(body, 'mdx'));
      }),
      { numRuns: 3000 },
    );
  });

  test('skips the parser for plain MDX too, but not for what MDX reads', () => {
    expect(bodyToPlainText('import is a noun\n\nText {1 + 1}', 'mdx')).toBe(parsedPlainText('import is a noun\n\nText {1 + 1}', 'mdx'));
    expect(bodyToPlainText('Agents learn skills, } and all.', 'mdx')).toBe('Agents learn skills, } and all.');
  });

  test('plain paragraphs skip the parser; anything Markdown reads does not', () => {
    expect(isPlainMarkdown('Agents learn skills.\n\nSecond  paragraph,\r\nthird line.\n')).toBe(true);
    for (const body of ['# Heading', '- item', '1. item', 'A *stressed* word', 'A & B', 'x\n===', 'Code `x`', 'a\\', '    code', 'a <b>', '[a]: b']) {
      expect(isPlainMarkdown(body), body).toBe(false);
    }
  });

  test('resolves Markdown escapes and entities, drops MDX expressions', () => {
    expect(bodyToPlainText('A \\*literal\\* star &amp; an\n*emphasis*', 'md')).toBe('A *literal* star & an emphasis');
    expect(bodyToPlainText('Text {1 + 1} and\n\nmore', 'mdx')).toBe('Text and more');
  });
});

describe('abstractPlainText', () => {
  const body = 'The *abstract* as listed.\n\n## My notes\nWeak baseline; skip section 4.\n';

  test("is the first line of an entry from the listings: the reader's notes below it are not", () => {
    expect(abstractPlainText(body, 'md', true)).toBe('The abstract as listed.');
    expect(abstractPlainText(body, 'mdx', true)).toBe('The abstract as listed.');
  });

  test('is the whole body of a hand-written entry', () => {
    expect(abstractPlainText(body, 'md', false)).toBe('The abstract as listed. My notes Weak baseline; skip section 4.');
  });
});

describe('collapseWhitespace', () => {
  test('collapses runs of ASCII white space and trims, keeping other spaces', () => {
    expect(collapseWhitespace('  a \t\n b\u00a0 c  ')).toBe('a b\u00a0 c');
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\t', '\n', '\r', '\f', '\u00a0') }), (text) => {
        expect(collapseWhitespace(text)).toBe(text.replace(/[\t\n\f\r ]+/g, ' ').replace(/^ | $/g, ''));
      }),
    );
  });
});

describe('excerpt', () => {
  test('cuts at a word boundary with an ellipsis', () => {
    expect(excerpt('Agents learn reusable skills from their own experience.', 30)).toBe('Agents learn reusable skills…');
    expect(excerpt('Short enough.', 30)).toBe('Short enough.');
  });

  test('never splits a grapheme and never exceeds the limit', () => {
    const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'é', 'e\u0301', '👩‍🔬', '😀', '字') }), fc.integer({ min: 2, max: 40 }), (text, max) => {
        const result = excerpt(text, max);
        expect(result.length).toBeLessThanOrEqual(max);
        const head = result.endsWith('…') ? result.slice(0, -1) : result;
        const clean = collapseWhitespace(text);
        expect(clean.startsWith(head)).toBe(true);
        const boundaries = new Set([...segmenter.segment(clean)].map(({ index }) => index).concat(clean.length));
        expect(boundaries.has(head.length)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
