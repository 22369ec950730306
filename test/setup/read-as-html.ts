/**
 * What a program that takes a string as HTML (a feed reader showing a description, a
 * search page inserting an excerpt) gets from it: parsed by parse5, the spec-following
 * HTML parser rehype uses (through hast-util-from-html), as a fragment.
 */
import { fromHtml } from 'hast-util-from-html';

type Root = ReturnType<typeof fromHtml>;
type Node = Root | Root['children'][number];

export interface ReadAsHtml {
  /** The text a reader shows (the DOM's textContent: text nodes, character references decoded). */
  text: string;
  /** Every element (`<img>`) and comment (`<!--`) the string made, in document order. */
  markup: string[];
}

export function readAsHtml(html: string): ReadAsHtml {
  const markup: string[] = [];
  const textOf = (node: Node): string => {
    if (node.type === 'text') return node.value;
    if (node.type === 'comment') markup.push('<!--');
    if (node.type === 'element') markup.push(`<${node.tagName}>`);
    return 'children' in node ? node.children.map(textOf).join('') : '';
  };
  const text = textOf(fromHtml(html, { fragment: true }));
  return { text, markup };
}
