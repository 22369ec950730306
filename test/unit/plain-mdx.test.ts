import { describe, expect, test } from 'vitest';
import { plainMdx } from '../../src/lib/plain-mdx.ts';

const needsMdx = (text: string) => {
  const result = plainMdx(text);
  return result.plain ? undefined : { line: result.line, why: result.why };
};

describe('plainMdx', () => {
  test.each([
    ['an abstract', 'A plain abstract, with *emphasis*, `code` and [a link](https://example.org).'],
    ['notes with headings, lists and quotes', 'Abstract.\n\n## My notes\n\n- one\n  - nested (two spaces)\n- two\n\n> a quote\n\n1. first\n2. second\n'],
    ['escaped MDX characters, as ingest writes them', 'Costs \\{1\\} and a \\<tag> and \\![not an image](x) and &#x69;mport and &lt;'],
    ['a fenced block holding what MDX would read elsewhere', 'Notes:\n\n```js {1,3}\nimport x from "y";\n    const a = { b: <div /> };\n```\n\nAfter.'],
    ['a tilde fence closed by a longer, indented fence', '~~~\n{x}\n   ~~~~~\ntext'],
    ['an unclosed fence, which runs to the end', '```\n{x}\n<y>'],
    ['CRLF line ends', 'Abstract.\r\n\r\nNotes.\r\n'],
    ['a word that merely starts with import', 'Important: exported data.'],
    ['a closing brace, which opens nothing', 'Needs 10^\\{26} parameters, a } b'],
    ['a body that starts with a thematic break', '\n---\nfoo\n---\nbar'],
  ])('%s is plain, and kept as written', (_name, text) => {
    expect(plainMdx(text)).toEqual({ plain: true, markdown: text });
  });

  test('comment lines before any content are emptied; their line ends stay', () => {
    expect(plainMdx('\n{/* no abstract in the listings */}\n\nNotes.')).toEqual({ plain: true, markdown: '\n\n\nNotes.' });
    expect(plainMdx('{/* a */}\r\n{/* b * c */}\r\nText')).toEqual({ plain: true, markdown: '\r\n\r\nText' });
  });

  test.each([
    ['a comment after content', 'Abstract.\n\n{/* later */}', 3, 'a `{` (an expression)'],
    ['a comment that is not alone on its line', '{/* a */} text', 1, 'a `{` (an expression)'],
    ['an indented comment', ' {/* a */}', 1, 'a `{` (an expression)'],
    ['a comment holding a brace', '{/* } */}', 1, 'a `{` (an expression)'],
    ['an expression', 'Abstract.\n\nCosts {price}.', 3, 'a `{` (an expression)'],
    ['JSX', 'Abstract.\n\n<Aside>note</Aside>', 3, 'a `<` (HTML, JSX or an autolink)'],
    ['an HTML comment', '<!-- no abstract in the listings -->', 1, 'a `<` (HTML, JSX or an autolink)'],
    ['an autolink', 'See <https://example.org>.', 1, 'a `<` (HTML, JSX or an autolink)'],
    ['a `<` in a code span (unsure without a parse)', 'Use `a < b`.', 1, 'a `<` (HTML, JSX or an autolink)'],
    ['an escaped backslash before a brace', 'a \\\\{b}', 1, 'a `{` (an expression)'],
    ['an import line', 'Abstract.\nimport X from "./x.astro"', 2, 'a line starting with `import` or `export` (ESM in MDX)'],
    ['an export line in a list item', '- export const a = 1', 1, 'a line starting with `import` or `export` (ESM in MDX)'],
    ['indented code', 'Abstract.\n\n    code', 3, 'an indented line (indented code in Markdown, not in MDX)'],
    ['a tab-indented line', '\tcode', 1, 'an indented line (indented code in Markdown, not in MDX)'],
    ['indented code in a list item', '1.     code', 1, 'an indented line (indented code in Markdown, not in MDX)'],
    ['indented code in a quote', '>     code', 1, 'an indented line (indented code in Markdown, not in MDX)'],
    ['an image', 'See ![a figure](./figure.png).', 1, "an image (MDX renders it with Astro's Image component)"],
    ['a fence indented past the margin (not followed)', '- a\n\n  ```\n  {x}\n  ```', 4, 'a `{` (an expression)'],
    ['a lone carriage return', 'a\rb', 1, 'a line ending in a lone carriage return'],
  ])('%s needs MDX', (_name, text, line, why) => {
    expect(needsMdx(text)).toEqual({ line, why });
  });
});
