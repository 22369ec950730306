import matter from 'gray-matter';
import type { Root } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { mathToMarkdown } from 'mdast-util-math';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { toMarkdown, type Options, type Unsafe } from 'mdast-util-to-markdown';
import { isPlainMarkdown } from '../plain-markdown.ts';
import { plainMdx, WHY, type MdxReason } from '../plain-mdx.ts';
import { splitBody } from './body.ts';
import { InputError } from './errors.ts';
import { isListing } from './file-names.ts';
import { GENERATED_FIELDS, PINNABLE, SOURCED_FIELDS, type Pinnable } from './fields.ts';
import { fieldSegments, splitFrontmatter } from './frontmatter.ts';
import type { ClassifiedPaper } from './types.ts';


const isGenerated = (key: string) => (GENERATED_FIELDS as readonly string[]).includes(key);

/** An entry file: its front matter as data and as the text a person wrote, and its body. */
export interface EntryFile {
  data: Record<string, unknown>;
  frontmatter: string;
  body: string;
}

/** The line of the file where the front matter's top-level field `key` starts; 1 (the opening `---`) without it. */
export function fieldLine(entry: EntryFile, key: string): number {
  const at = entry.frontmatter.search(new RegExp(`^${key}[ \\t]*:`, 'm'));
  return at === -1 ? 1 : 2 + (entry.frontmatter.slice(0, at).match(/\n/g)?.length ?? 0);
}

const refuseExecutableFrontmatter = (file: string) => () => {
  throw new InputError(file, 1, 'JavaScript front matter ("---js") is not allowed: entries hold data, not code');
};

/** Reads an entry's front matter as data only: gray-matter's JavaScript engine is switched off. */
export function readEntry(source: string, file: string): EntryFile {
  const refuse = { parse: refuseExecutableFrontmatter(file) };
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(source, { engines: { js: refuse, javascript: refuse } });
  } catch (error) {
    if (error instanceof InputError) throw error;
    // js-yaml's position counts from the opening `---` line, so its line is the file's.
    const { reason, mark } = error as { reason?: string; mark?: { line: number; column: number } };
    if (reason === undefined || mark === undefined) throw new InputError(file, 1, `front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
    throw new InputError(file, mark.line + 1, `front matter is not valid YAML (column ${mark.column + 1}): ${reason}`);
  }
  const frontmatter = parsed.matter.replace(/^\r?\n/, '');
  return {
    data: parsed.data,
    frontmatter: frontmatter === '' || frontmatter.endsWith('\n') ? frontmatter : `${frontmatter}\n`,
    body: parsed.content,
  };
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
 * The site's processor reads GFM and math (src/lib/markdown/features.ts): their serialisers
 * escape `~` (strikethrough), `$` (math) and what starts an autolink (`www\.`, `https\://`,
 * `a\@b.c`). A `|` they escape only in a table; escaped everywhere, an abstract line never
 * becomes a table's heading, whatever the notes below it start with. A `[` is escaped by
 * mdast-util-to-markdown itself, so `[[x]]` is no link between papers.
 */
const SITE_SYNTAX: Options[] = [gfmToMarkdown(), mathToMarkdown(), { unsafe: [{ character: '|' }] }];

/**
 * How an entry's body is written. Ingest writes MDX (`.mdx`), so notes may use components;
 * the site renders an entry that uses nothing of MDX as Markdown (src/lib/site/papers-loader.ts).
 * Markdown (`.md`) is for hand-written entries, and for generated ones written as `.md` by an
 * earlier version whose notes MDX would read differently (`mdxDifference`).
 */
export type EntryFormat = 'md' | 'mdx';

/**
 * The abstract as one line of Markdown or MDX, serialised from an mdast tree by
 * mdast-util-to-markdown (with GFM's and math's serialisers, and remark-mdx's for MDX), so
 * Markdown syntax, GFM and math, HTML (`<`, `&`) and for MDX `{` and `import` lines in
 * scraped text are escaped and come out as the same text.
 */
export function abstractToMarkdown(abstract: string, format: EntryFormat): string {
  // Most abstracts need no escape; serialising each took 0.44 s of a cold ingest at 10,000 papers.
  if (isPlainAbstract(abstract) && (format === 'md' || plainMdx(abstract).plain)) return abstract;
  const tree: Root = { type: 'root', children: abstract === '' ? [] : [{ type: 'paragraph', children: [{ type: 'text', value: abstract }] }] };
  const extensions = format === 'mdx' ? [...SITE_SYNTAX, mdxToMarkdown(), { unsafe: esmUnsafe }] : SITE_SYNTAX;
  return toMarkdown(tree, { extensions }).replace(/\n$/, '');
}

/** One line of Markdown that means just its text, with no white space at either end that Markdown would drop. */
const isPlainAbstract = (abstract: string) => isPlainMarkdown(abstract) && /^\S(?:[^\n\r]*\S)?$/.test(abstract);

/** The fields a user pinned in an entry; `unknown` lists names that are not pinnable. */
export function pinnedFields(data: Record<string, unknown>): { pinned: Set<Pinnable>; unknown: string[] } {
  const listed = Array.isArray(data['pinned']) ? data['pinned'].map(String) : [];
  const isPinnable = (name: string): name is Pinnable => (PINNABLE as readonly string[]).includes(name);
  return { pinned: new Set(listed.filter(isPinnable)), unknown: listed.filter((name) => !isPinnable(name)) };
}

/** Whether an entry holds anything of the user's: a field of their own, a pin, or notes. */
export function hasUserContent(entry: EntryFile): boolean {
  return Object.keys(entry.data).some((key) => !isGenerated(key)) || splitBody(entry.body).notes.trim() !== '';
}

/**
 * Where what a person wrote in a `.md` entry (its notes, a pinned abstract line) would read
 * differently as MDX, and why; undefined when it means the same in both, so that the entry can
 * become `.mdx` with that text kept byte for byte. `line` counts from the body's first line.
 */
export function mdxDifference(entry: EntryFile): { line: number; inAbstract: boolean; reason: MdxReason; why: string } | undefined {
  const { abstract, notes } = splitBody(entry.body);
  const ownAbstract = pinnedFields(entry.data).pinned.has('abstract') && abstract.trim() !== '' && !Object.values(NO_ABSTRACT).includes(abstract);
  const [text, offset] = ownAbstract ? [entry.body, 0] : [notes, 1];
  const read = plainMdx(text);
  const at = (line: number, reason: MdxReason) => ({ line: line + offset, inAbstract: ownAbstract && line === 1, reason, why: WHY[reason] });
  if (!read.plain) return at(read.line, read.reason);
  // A comment line plainMdx would empty: Markdown shows it as text, MDX hides it.
  const lines = text.split('\n');
  const emptied = read.markdown.split('\n').findIndex((line, index) => line !== lines[index]);
  return emptied === -1 ? undefined : at(emptied + 1, 'expression');
}

/**
 * The abstract line of a paper its listings give none: never blank, because Astro trims an
 * entry's body, and would then take the first line of the reader's notes for the abstract.
 * It renders as nothing, and says why it is there.
 */
const NO_ABSTRACT: Record<EntryFormat, string> = { md: '<!-- no abstract in the listings -->', mdx: '{/* no abstract in the listings */}' };

/** Whether ingest keeps an entry's own value of the field `key` rather than write the paper's. */
function keepsField(paper: ClassifiedPaper, pinned: ReadonlySet<Pinnable>, key: Pinnable): boolean {
  // Listings (`.txt`) give none of the fields only bibliographies give: in the entry of a paper only
  // listings hold, such a field is the user's.
  const listingsOnly = paper.sources.every((source) => isListing(source.listing));
  return pinned.has(key) || (listingsOnly && SOURCED_FIELDS.has(key) && paper[key as keyof ClassifiedPaper] === undefined);
}

/** A generated field a user edited without pinning it, which ingest replaces with the paper's value. */
export interface ReplacedEdit {
  key: (typeof GENERATED_FIELDS)[number];
  yours: unknown;
  /** Undefined when no source gives the field: it is removed. */
  source: unknown;
}

/**
 * The generated fields of `entry` a user edited since ingest last left it (`last`, its data then)
 * and that ingest now replaces: each value that is neither the one ingest left nor the paper's.
 * Values compare as JSON, as the YAML of both was read the same way.
 */
export function replacedEdits(paper: ClassifiedPaper, entry: EntryFile, last: Record<string, unknown>): ReplacedEdit[] {
  const { pinned } = pinnedFields(entry.data);
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return GENERATED_FIELDS.flatMap((key) => {
    const yours = entry.data[key];
    const source = paper[key];
    return keepsField(paper, pinned, key) || same(yours, last[key]) || same(yours, source) ? [] : [{ key, yours, source }];
  });
}

/**
 * One paper's entry. What the user wrote in an earlier version of it is carried
 * over byte for byte: their own fields (after ingest's), pinned fields, the fields only a
 * bibliography gives (SOURCED_FIELDS) when only listings hold the paper, a pinned abstract,
 * and everything after the abstract line. `format` is the file's (`.md` unless
 * the entry is an annotated `.mdx` one, see entry-store.ts).
 */
export function serialiseEntry(paper: ClassifiedPaper, previous?: { entry: EntryFile; file: string }, format: EntryFormat = 'md'): string {
  const segments = previous ? splitFrontmatter(previous.entry.frontmatter, previous.file) : [];
  const { pinned } = pinnedFields(previous?.entry.data ?? {});
  const written = fieldSegments(
    Object.fromEntries(GENERATED_FIELDS.flatMap((key) => (pinned.has(key) || paper[key] === undefined ? [] : [[key, paper[key]]]))),
  );
  const keeps = (key: Pinnable) => keepsField(paper, pinned, key);
  const generated = GENERATED_FIELDS.flatMap((key) =>
    keeps(key) ? segments.filter((segment) => segment.key === key) : written.filter((segment) => segment.key === key),
  );
  const userOwn = segments.filter((segment) => segment.key === null || !isGenerated(segment.key));
  const frontmatter = [...generated, ...userOwn].map((segment) => segment.text).join('');
  const before = previous ? splitBody(previous.entry.body) : { abstract: '', notes: '' };
  const kept = pinned.has('abstract') && previous ? before.abstract : abstractToMarkdown(paper.abstract, format);
  // A blank or no-abstract line, pinned or not, in the form this file's format reads.
  const abstract = kept.trim() === '' || Object.values(NO_ABSTRACT).includes(kept) ? NO_ABSTRACT[format] : kept;
  return `---\n${frontmatter}---\n${abstract}\n${before.notes}`;
}
