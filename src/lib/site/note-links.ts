/**
 * Links between papers written in notes (`[[slug]]`, src/lib/markdown/paper-links.ts): which
 * papers' notes link to each paper (its backlinks), and a link to no paper as an error naming
 * the entry file and the line. Read with the site's own parser and syntax, so a `[[slug]]` in
 * code or escaped counts exactly when the page shows it as a link.
 */
import { wikilinkSlug } from '../markdown/paper-links.ts';
import { entryTree, type TreeNode } from './entry-tree.ts';

/** A link between papers in an entry file: the slug it names and its line in the file. */
export interface PaperLink {
  slug: string;
  line: number;
}

/** The links between papers in an entry file's text (front matter included, so lines are the file's). */
export function paperLinksIn(text: string, format: 'md' | 'mdx'): PaperLink[] {
  if (!text.includes('[[')) return [];
  const tree = entryTree(text, format);
  if (tree === undefined) return [];
  const links: PaperLink[] = [];
  const walk = (node: TreeNode): void => {
    const { start, end } = node.position ?? {};
    if (node.type === 'link' && start?.offset !== undefined && end?.offset !== undefined) {
      const slug = wikilinkSlug(text.slice(start.offset, end.offset));
      if (slug !== undefined) links.push({ slug, line: start.line });
    }
    node.children?.forEach(walk);
  };
  walk(tree);
  return links;
}

/** What note-links needs of an entry: its id (slug) and how to read its file. */
export interface NoteSource {
  id: string;
  /** The entry file, as the build names it (`content/papers/agents/x.mdx`). */
  file: string;
  /** The entry's body as stored: only an entry whose body has a `[[` has its file read. */
  body: string;
  read(): string;
}

/**
 * For each paper, the ids of the papers whose notes link to it, in the order of `entries`
 * (each once, a paper's links to itself left out). Throws, naming the file and the line, on
 * a link to a slug no entry has.
 */
export function backlinks(entries: readonly NoteSource[]): Map<string, string[]> {
  const ids = new Set(entries.map((entry) => entry.id));
  const linkedFrom = new Map<string, string[]>();
  for (const entry of entries) {
    if (!entry.body.includes('[[')) continue;
    for (const { slug, line } of paperLinksIn(entry.read(), entry.file.endsWith('.md') ? 'md' : 'mdx')) {
      if (!ids.has(slug)) throw new Error(`${entry.file}:${line}: [[${slug}]] links to no paper: no entry has the slug "${slug}" (a paper's slug is the last part of its page's URL)`);
      if (slug === entry.id) continue;
      const from = linkedFrom.get(slug) ?? [];
      if (!from.includes(entry.id)) from.push(entry.id);
      linkedFrom.set(slug, from);
    }
  }
  return linkedFrom;
}
