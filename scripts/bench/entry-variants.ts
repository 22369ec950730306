/**
 * The entries each build of `npm run bench` renders, made from what ingest wrote (every
 * entry `.mdx`, abstracts only): the same entries as `.md`; 1% of them with a component
 * in their notes; 10% with three formulas in theirs. Pure: entries (path -> text) in,
 * entries out, the same ones every time.
 */

export type Entries = ReadonlyMap<string, string>;

/** Every `1 / share`-th entry in path order: spread over the themes (folders), the same every run. */
export function chosenPaths(paths: Iterable<string>, share: number): Set<string> {
  const step = Math.round(1 / share);
  return new Set([...paths].sort().filter((_, index) => index % step === step - 1));
}

/** The same entries as `.md` files (ingest's abstracts read the same in both). */
export function asMarkdown(entries: Entries): Map<string, string> {
  return new Map([...entries].map(([path, text]) => [path.replace(/\.mdx$/, '.md'), text]));
}

/** Notes below the abstract, as a person adds them (the body's first line is the abstract). */
const withNotes = (text: string, notes: string) => `${text.endsWith('\n') ? text : `${text}\n`}\n${notes}`;

/**
 * Notes importing one of the project's own components and using it, as the README tells
 * users to: the entry needs MDX's compiler. `path` is the entry's path under content/papers.
 */
export function componentNotes(path: string): string {
  const up = '../'.repeat(path.split('/').length + 1);
  return [
    `import PublishedDate from '${up}src/components/PublishedDate.astro';`,
    '',
    'Read again after the <PublishedDate published={{ text: "March 2024", date: "2024-03", precision: "month" }} /> revision.',
    '',
  ].join('\n');
}

/**
 * Notes with three formulas, two inline and one displayed, as TeX is written: with
 * braces. The braces hold numbers, so the notes also compile as MDX without a math
 * plugin (`{2}` is an expression); what the build does with them is what is measured.
 */
export const MATH_NOTES = [
  'The loss is $L = -\\sum_i y_i \\log p_i$, trained with $\\eta = 10^{-3}$ and the regulariser',
  '',
  '$$',
  '\\frac{1}{2} \\lVert w \\rVert^{2} + \\lambda \\sum_j \\lvert w_j \\rvert',
  '$$',
  '',
].join('\n');

/** `entries` with the notes `notes(path)` added to the entries `chosenPaths` picks at `share`. */
export function withNotesOn(entries: Entries, share: number, notes: (path: string) => string): Map<string, string> {
  const chosen = chosenPaths(entries.keys(), share);
  return new Map([...entries].map(([path, text]) => [path, chosen.has(path) ? withNotes(text, notes(path)) : text]));
}
