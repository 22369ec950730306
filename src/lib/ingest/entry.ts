import matter from 'gray-matter';
import type { Root } from 'mdast';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { toMarkdown, type Unsafe } from 'mdast-util-to-markdown';
import { InputError } from './errors.ts';
import type { ClassifiedPaper } from './types.ts';

/** Frontmatter fields ingest writes; any other field in an entry belongs to the user. */
export const GENERATED_FIELDS = [
  'title', 'slug', 'themes', 'mainTheme', 'matchedTerms',
  'authorsCount', 'organisation', 'published', 'upvotes', 'sources',
] as const;

export interface EntryFile {
  data: Record<string, unknown>;
  body: string;
}

const refuseExecutableFrontmatter = (file: string) => () => {
  throw new InputError(file, 1, 'JavaScript front matter ("---js") is not allowed: entries hold data, not code');
};

/** Reads an entry's front matter as data only: gray-matter's JavaScript engine is switched off. */
export function readEntry(source: string, file: string): EntryFile {
  const refuse = { parse: refuseExecutableFrontmatter(file) };
  try {
    const parsed = matter(source, { engines: { js: refuse, javascript: refuse } });
    return { data: parsed.data, body: parsed.content };
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(file, 1, `front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
}

/**
 * mdxToMarkdown escapes `{` and `<` but not a line that starts with `import` or
 * `export`, which MDX reads as ESM code; its first letter becomes a character
 * reference (`&#x69;mport`), which MDX reads back as the letter.
 */
const esmUnsafe: Unsafe[] = [
  { character: 'i', atBreak: true, after: 'mport\\b' },
  { character: 'e', atBreak: true, after: 'xport\\b' },
];

/**
 * The abstract as MDX, serialised from an mdast tree by remark-mdx's own
 * serialiser, so `{`, `<`, `import` and Markdown syntax in scraped text are
 * escaped and come out as the same text.
 */
export function abstractToMdx(abstract: string): string {
  const tree: Root = { type: 'root', children: abstract === '' ? [] : [{ type: 'paragraph', children: [{ type: 'text', value: abstract }] }] };
  return toMarkdown(tree, { extensions: [mdxToMarkdown(), { unsafe: esmUnsafe }] });
}

export function entryData(paper: ClassifiedPaper): Record<string, unknown> {
  const data: Record<string, unknown> = {
    title: paper.title,
    slug: paper.slug,
    themes: paper.themes,
    mainTheme: paper.mainTheme,
    matchedTerms: paper.matchedTerms,
    authorsCount: paper.authorsCount,
    organisation: paper.organisation,
    published: paper.published,
    upvotes: paper.upvotes,
    sources: paper.sources,
  };
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));
}

/**
 * One paper's entry. Fields and body text a user added to an earlier version of
 * the entry are carried over untouched: the user's fields after ingest's, and
 * anything the user wrote after the abstract.
 */
export function serialiseEntry(paper: ClassifiedPaper, previous?: EntryFile): string {
  const userData = Object.fromEntries(
    Object.entries(previous?.data ?? {}).filter(([key]) => !(GENERATED_FIELDS as readonly string[]).includes(key)),
  );
  const abstract = abstractToMdx(paper.abstract);
  const userNotes = previous ? notesAfterAbstract(previous.body) : '';
  return matter.stringify(abstract + userNotes, { ...entryData(paper), ...userData });
}

/** The generated abstract is the body's first line (abstracts are one line); the rest is the user's. */
function notesAfterAbstract(body: string): string {
  const newline = body.indexOf('\n');
  return newline === -1 ? '' : body.slice(newline + 1);
}
