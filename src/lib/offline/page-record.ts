/**
 * What Pagefind records of a built paper page, read the way Pagefind reads it, so the
 * offline search searches the same text with the same filters, sort keys and meta as the
 * hosted one: the text of `[data-pagefind-body]` outside `[data-pagefind-ignore]`, and every
 * `data-pagefind-filter`, `-sort` and `-meta` (`key:value`, or `key` with the element's text).
 */
import type { Element, ElementContent, Root } from 'hast';
import { rehype } from 'rehype';

export interface PageRecord {
  /** The searched text, words separated by white space. */
  text: string;
  filters: Record<string, string[]>;
  sorts: Record<string, string>;
  meta: Record<string, string>;
}

/** Elements inside a word's run of text: no word break at their edges (`self-<em>improving</em>`). */
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'i', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var']);
/** Never text (Pagefind skips them too). */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math']);

export function pageRecord(html: string): PageRecord {
  const tree = rehype().parse(html) as Root;
  const record: PageRecord = { text: '', filters: {}, sorts: {}, meta: {} };
  const parts: string[] = [];
  const visit = (node: ElementContent | Root, inBody: boolean, ignored: boolean) => {
    if (node.type === 'text') {
      if (inBody && !ignored) parts.push(node.value);
      return;
    }
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'element') {
      if (SKIPPED.has(node.tagName)) return;
      readAttributes(node, record);
      inBody ||= node.properties['dataPagefindBody'] !== undefined;
      ignored ||= node.properties['dataPagefindIgnore'] !== undefined;
    }
    const breaks = node.type === 'element' && !INLINE.has(node.tagName);
    if (breaks) parts.push(' ');
    for (const child of node.children) visit(child as ElementContent, inBody, ignored);
    if (breaks) parts.push(' ');
  };
  visit(tree, false, false);
  record.text = parts.join('').replace(/\s+/g, ' ').trim();
  return record;
}

function readAttributes(node: Element, record: PageRecord) {
  const read = (name: string): [string, string] | undefined => {
    const value = node.properties[name];
    if (typeof value !== 'string') return undefined;
    const colon = value.indexOf(':');
    return colon >= 0 ? [value.slice(0, colon), value.slice(colon + 1)] : [value, textOf(node).trim()];
  };
  const filter = read('dataPagefindFilter');
  if (filter) (record.filters[filter[0]] ??= []).push(filter[1]);
  const sort = read('dataPagefindSort');
  if (sort) record.sorts[sort[0]] = sort[1];
  const meta = read('dataPagefindMeta');
  if (meta) record.meta[meta[0]] = meta[1].replace(/\s+/g, ' ');
}

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  return node.type === 'element' ? node.children.map(textOf).join('') : '';
}
