import { entryTree, someNode } from './entry-tree.ts';

/** Whether an entry's body holds math (`$…$`, `$$…$$`), for which its page links KaTeX's stylesheet. */
export function hasMath(body: string, format: 'md' | 'mdx'): boolean {
  if (!body.includes('$')) return false;
  const tree = entryTree(body, format);
  return tree !== undefined && someNode(tree, (node) => node.type === 'math' || node.type === 'inlineMath');
}
