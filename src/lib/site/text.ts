import { remark } from 'remark';
import remarkMdx from 'remark-mdx';

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
  return text.replace(/[\t\n\f\r ]+/g, ' ').replace(/^ | $/g, '');
}

/**
 * At most `max` characters of `text`, cut at a word boundary when one is close
 * enough, with an ellipsis when something was cut.
 */
export function excerpt(text: string, max: number): string {
  const clean = collapseWhitespace(text);
  if (clean.length <= max) return clean;
  const room = Math.max(1, max - 1);
  const cut = clean.slice(0, room);
  const lastSpace = cut.lastIndexOf(' ');
  const head = lastSpace > room * 0.6 ? cut.slice(0, lastSpace) : cut;
  return `${head.replace(/[ ,;:.\-–—]+$/, '')}…`;
}
