import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import fc from 'fast-check';
import { fromHtml } from 'hast-util-from-html';
import { evaluate, markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { abstractToMarkdown, readEntry, serialiseEntry } from '../../src/lib/ingest/entry.ts';
import { markdownPipeline } from '../../src/lib/markdown/pipeline.ts';
import type { ClassifiedPaper } from '../../src/lib/ingest/types.ts';
import { bodyToPlainText } from '../../src/lib/site/text.ts';

/** Characters scraped text is full of, mixed with any other unicode. */
const HOSTILE = ['{', '}', '<', '>', '/', '\\', '`', '*', '_', '#', '[', ']', '(', ')', '!', '&', ';', '"', "'", '-', '|', '~', ':', 'import ', 'export ',
  // What GFM, math and links between papers read: strikethrough, math, tables, autolinks, footnotes, task lists, wikilinks.
  '~~', '$', '$$', ' | ', '|---|', 'www.', 'WWW.', 'https://', 'http://x.org', 'a@b.co', '@', '[^1]', '[x]', '[ ]', '[[', ']]', '[[x|y]]', '^', '=', '\u200B', '\u00A0', '\u202E', '😀', '👩‍💻', 'مرحبا', '中文', ' ', '\u2028', '\u2029', '\u0085', '\v', '\f'];
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

/** What compiled MDX's JSX calls make: the element's type and its props. */
interface JsxNode {
  type: unknown;
  props: { children?: unknown };
}
const FRAGMENT = Symbol('Fragment');
const jsx = (type: unknown, props: unknown): JsxNode => ({ type, props: props as JsxNode['props'] });

/** The text of what compiled MDX renders, failing on any element but the paragraph. */
function jsxText(node: unknown): string {
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return node.map(jsxText).join('');
  if (node === undefined || node === null) return '';
  const { type, props } = node as JsxNode;
  if (type !== FRAGMENT && type !== 'p') throw new Error(`unexpected <${String(type)}>`);
  return jsxText(props.children);
}

/** An MDX entry's body as the site's pipeline compiles it, run. */
function mdxText(mdx: string, pipeline: ReturnType<typeof markdownPipeline>): string {
  const { default: Content } = evaluate(mdx, { ...pipeline, Fragment: FRAGMENT, jsx, jsxs: jsx }) as { default: (props: object) => unknown };
  return jsxText(Content({}));
}

const paper = (title: string, abstract: string): ClassifiedPaper => ({
  key: 'k', title, abstract, slug: 'k', themes: ['unsorted'], mainTheme: 'unsorted', matchedTerms: {}, sources: [{ listing: 'a.txt', line: 1 }],
});

describe('random scraped text survives the entry unchanged', () => {
  // Astro's processors (satteri) as the site runs them: GFM, math and wikilinks on, smart punctuation off, the site's plugins.
  const pipeline = markdownPipeline({ base: '/' });

  it("abstract → Markdown → HTML with Astro's Markdown processor", () => {
    fc.assert(
      fc.property(line, (abstract) => {
        const { html } = markdownToHtml(abstractToMarkdown(abstract, 'md'), pipeline) as { html: string };
        // Without the line break after the paragraph, which is no text of it.
        expect(htmlText(fromHtml(html.replace(/\n$/, ''), { fragment: true }) as unknown as HastNode)).toBe(abstract);
      }),
      { numRuns: 300 },
    );
  });

  it("abstract → MDX → HTML with Astro's MDX compiler", () => {
    fc.assert(
      fc.property(line, (abstract) => {
        expect(mdxText(abstractToMarkdown(abstract, 'mdx'), pipeline)).toBe(abstract);
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

  it('authors, keywords, venue and citation key → entry file → the same values for gray-matter and for Astro', () => {
    const value = line.filter((text) => text !== '');
    const fields = fc.record({ authors: fc.array(value, { minLength: 1, maxLength: 4 }), keywords: fc.array(value, { minLength: 1, maxLength: 4 }), venue: value, citationKey: value });
    fc.assert(
      fc.property(fields, (cited) => {
        const text = serialiseEntry({ ...paper('T', ''), ...cited }, undefined, 'mdx');
        const read = [readEntry(text, 'x.mdx').data, parseFrontmatter(text).frontmatter as Record<string, unknown>];
        for (const data of read) expect({ authors: data['authors'], keywords: data['keywords'], venue: data['venue'], citationKey: data['citationKey'] }).toEqual(cited);
      }),
      { numRuns: 300 },
    );
  });
});
