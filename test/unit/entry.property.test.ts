import fc from 'fast-check';
import { markdownToHast, mdxToHast } from 'satteri';
import { describe, expect, it } from 'vitest';
import { abstractToMarkdown, readEntry, serialiseEntry } from '../../src/lib/ingest/entry.ts';
import type { ClassifiedPaper } from '../../src/lib/ingest/types.ts';
import { bodyToPlainText } from '../../src/lib/site/text.ts';

/** Characters scraped text is full of, mixed with any other unicode. */
const HOSTILE = ['{', '}', '<', '>', '/', '\\', '`', '*', '_', '#', '[', ']', '(', ')', '!', '&', ';', '"', "'", '-', '|', '~', ':', 'import ', 'export ', '\u200B', '\u00A0', '\u202E', '😀', '👩‍💻', 'مرحبا', '中文', ' ', '\u2028', '\u2029', '\u0085', '\v', '\f'];
const scraped = fc.array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 30 }).map((parts) => parts.join(''));
/**
 * A listing line: no line breaks, no surrounding white space (the parser trims it). Only
 * CR and LF end a line there: U+2028, U+2029, NEL, VT and FF stay in the text.
 */
const line = scraped.map((text) => text.replace(/[\r\n]/g, ' ').trim());

interface HastNode {
  type: string;
  value?: string;
  tagName?: string;
  children?: HastNode[];
}

/** The text of compiled HTML, failing on any element but the paragraph. */
function htmlText(node: HastNode): string {
  if (node.type === 'text') return node.value ?? '';
  if (node.type === 'element' && node.tagName !== 'p') throw new Error(`unexpected <${node.tagName}>`);
  if (node.type !== 'root' && node.type !== 'element') throw new Error(`unexpected ${node.type} node`);
  return (node.children ?? []).map(htmlText).join('');
}

const paper = (title: string, abstract: string): ClassifiedPaper => ({
  key: 'k', title, abstract, slug: 'k', themes: ['unsorted'], mainTheme: 'unsorted', matchedTerms: {}, sources: [{ listing: 'a.txt', line: 1 }],
});

describe('random scraped text survives the entry unchanged', () => {
  // Astro's processors (satteri), with GFM and smart punctuation off as the site sets them.
  const features = { gfm: false, smartPunctuation: false };

  it("abstract → Markdown → HTML with Astro's Markdown processor", () => {
    fc.assert(
      fc.property(line, (abstract) => {
        const hast = markdownToHast(abstractToMarkdown(abstract, 'md'), { features }) as unknown as HastNode;
        expect(htmlText(hast)).toBe(abstract);
      }),
      { numRuns: 300 },
    );
  });

  it("abstract → MDX → HTML with Astro's MDX compiler", () => {
    fc.assert(
      fc.property(line, (abstract) => {
        const hast = mdxToHast(abstractToMarkdown(abstract, 'mdx'), { features }) as unknown as HastNode;
        expect(htmlText(hast)).toBe(abstract);
      }),
      { numRuns: 300 },
    );
  });

  it('title and abstract → entry file → front matter and body read back', () => {
    fc.assert(
      fc.property(line.filter((title) => title !== ''), line, (title, abstract) => {
        const { data, body } = readEntry(serialiseEntry(paper(title, abstract)), 'x.md');
        expect(data['title']).toBe(title);
        if (abstract !== '') expect(body).toBe(`${abstractToMarkdown(abstract, 'md')}\n`);
        // No abstract: a line that is not blank (Astro trims bodies) and reads as no text.
        else expect([body.endsWith('\n') && !body.slice(0, -1).includes('\n'), body.trim() !== '', bodyToPlainText(body, 'md')]).toEqual([true, true, '']);
      }),
      { numRuns: 300 },
    );
  });
});
