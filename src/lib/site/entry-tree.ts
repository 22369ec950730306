/**
 * An entry file's text (or body) read as the site reads it: Sätteri's parser with the site's
 * syntax (src/lib/markdown/features.ts), so what is found in it is what the page shows.
 */
import { markdownToMdast, mdxToMdast } from 'satteri';
import { MARKDOWN_FEATURES } from '../markdown/features.ts';

export interface TreeNode {
  type: string;
  children?: TreeNode[];
  position?: { start: { line: number; offset?: number }; end: { offset?: number } };
}

/** The mdast tree of `text`; undefined when it is not valid MDX (compiling the entry fails the build, naming the file and line). */
export function entryTree(text: string, format: 'md' | 'mdx'): TreeNode | undefined {
  try {
    return (format === 'mdx' ? mdxToMdast : markdownToMdast)(text, { features: MARKDOWN_FEATURES }) as unknown as TreeNode;
  } catch {
    return undefined;
  }
}

/** Whether `test` holds for a node of `tree`. */
export function someNode(tree: TreeNode, test: (node: TreeNode) => boolean): boolean {
  return test(tree) || (tree.children ?? []).some((child) => someNode(child, test));
}
