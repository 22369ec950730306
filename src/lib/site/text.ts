import { remark } from 'remark';
import remarkMdx from 'remark-mdx';
import { splitBody } from '../ingest/body.ts';
import { isPlainMarkdown } from '../plain-markdown.ts';
import { plainMdx } from '../plain-mdx.ts';

/** Mdast-like node: only what plain-text extraction needs. */
interface TextNode {
  type: string;
  value?: unknown;
  children?: TextNode[];
}

const parsers = { md: remark(), mdx: remark().use(remarkMdx) };

/**
 * Plain text of an entry body (the abstract), with Markdown (and for `.mdx`, MDX)
 * escapes and character references resolved. Expressions, JSX and ESM are
 * dropped: only text is kept.
 */
export function bodyToPlainText(body: string, format: 'md' | 'mdx'): string {
  return isPlainText(body, format) ? collapseWhitespace(body) : parsedPlainText(body, format);
}

/**
 * True when the parser would give `body`'s text back as it is: plain Markdown and, for
 * `.mdx`, nothing MDX reads either (an expression, an ESM line). Most abstracts are: for
 * them the parser is skipped (with MDX's syntax, 0.2 ms an abstract, 2 s at 10,000 papers).
 */
const isPlainText = (body: string, format: 'md' | 'mdx') => isPlainMarkdown(body) && (format === 'md' || plainMdx(body).plain);

/**
 * Plain text of an entry's abstract. An entry from the listings has it on the first line,
 * with the reader's notes below (shown on its page, not in papers.json, feeds, excerpts
 * or related papers); a hand-written entry's whole body is its summary.
 */
export function abstractPlainText(body: string, format: 'md' | 'mdx', fromListings: boolean): string {
  return bodyToPlainText(fromListings ? splitBody(body).abstract : body, format);
}

/** `bodyToPlainText` through the Markdown (or MDX) parser, whatever the body. */
export function parsedPlainText(body: string, format: 'md' | 'mdx'): string {
  let tree: TextNode;
  try {
    tree = parsers[format].parse(body) as TextNode;
  } catch {
    // Not valid MDX (the build would fail on it anyway): fall back to the raw text.
    return collapseWhitespace(body);
  }
  const parts: string[] = [];
  const walk = (node: TextNode): void => {
    if (node.type.startsWith('mdx')) return;
    if ((node.type === 'text' || node.type === 'inlineCode') && typeof node.value === 'string') {
      parts.push(node.value);
    } else if (node.type === 'break') {
      parts.push(' ');
    }
    node.children?.forEach(walk);
    if (node.type === 'paragraph' || node.type === 'heading') parts.push(' ');
  };
  walk(tree);
  return collapseWhitespace(parts.join(''));
}

/**
 * Collapses runs of ASCII whitespace (what HTML collapses) into one space and trims
 * them. Other spaces are text: a non-breaking or narrow no-break space, an
 * ideographic space in an abstract stays as it is (`\s` would turn them into spaces).
 */
export function collapseWhitespace(text: string): string {
  // Most text is already collapsed: one scan instead of a replacement per space.
  if (!/[\t\n\f\r]| {2}|^ | $/.test(text)) return text;
  return text.replace(/[\t\n\f\r ]+/g, ' ').replace(/^ | $/g, '');
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * The longest start of `text` of at most `max` UTF-16 units that ends between two
 * graphemes: never half of a surrogate pair (which HTML would show as U+FFFD), an
 * emoji ZWJ sequence or a letter and its combining marks.
 */
function graphemePrefix(text: string, max: number): string {
  // Between two printable ASCII characters there is always a grapheme boundary.
  if (/^[\x20-\x7e]*$/.test(text.slice(0, max + 1))) return text.slice(0, max);
  let end = 0;
  for (const { index, segment } of graphemes.segment(text.slice(0, max + 64))) {
    if (index + segment.length > max) break;
    end = index + segment.length;
  }
  return text.slice(0, end);
}

/**
 * At most `max` characters (UTF-16 units) of `text`, cut at a word boundary when one
 * is close enough, else between two graphemes, with an ellipsis when something was cut.
 */
export function excerpt(text: string, max: number): string {
  const clean = collapseWhitespace(text);
  if (clean.length <= max) return clean;
  const room = Math.max(1, max - 1);
  const cut = graphemePrefix(clean, room);
  const lastSpace = cut.lastIndexOf(' ');
  const head = lastSpace > room * 0.6 ? cut.slice(0, lastSpace) : cut;
  return `${head.replace(/[ ,;:.\-–—]+$/, '')}…`;
}
