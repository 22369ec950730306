/**
 * Whether an MDX body means, read as Markdown, exactly what MDX makes of it: then the
 * site renders it with the Markdown processor while content loads, instead of compiling
 * it into a module of the build (src/lib/site/papers-loader.ts), and ingest may turn a
 * `.md` entry's notes into `.mdx` ones unchanged (src/lib/ingest/entry-store.ts).
 *
 * MDX is CommonMark without indented code, HTML and autolinks, plus JSX, `{expressions}`
 * and ESM `import`/`export` lines. This check never says "plain" where either reading could
 * differ: it looks at characters and line starts, not at a parse, so anything that might
 * be one of those constructs (a `<` in a code span, `{` in a link title) counts as MDX.
 * The one MDX construct it accepts is a pure comment (`{/* … *\/}`, ingest's
 * no-abstract line) alone on a line before any content, which renders as nothing.
 */

export type PlainMdx =
  /** `markdown` is the text to render as Markdown: the text with its leading comment lines emptied. */
  | { plain: true; markdown: string }
  /** `line` (1-based, within the text) holds the first construct that needs MDX's compiler, of kind `reason`, which `why` names. */
  | { plain: false; line: number; reason: MdxReason; why: string };

export type MdxReason = 'html' | 'expression' | 'image' | 'indented-code' | 'esm' | 'carriage-return';

export const WHY: Record<MdxReason, string> = {
  html: 'a `<` (HTML, JSX or an autolink)',
  expression: 'a `{` (an expression)',
  image: 'an image (MDX renders it with Astro\'s Image component)',
  'indented-code': 'an indented line (indented code in Markdown, not in MDX)',
  esm: 'a line starting with `import` or `export` (ESM in MDX)',
  'carriage-return': 'a line ending in a lone carriage return',
};

/** A comment expression alone on a line, with nothing in it that could end the expression early. */
const COMMENT_LINE = /^\{\/\*(?:[^{}*\r\n]|\*(?!\/))*\*\/\}$/;
/** A line a fenced code block starts with, at the margin (indented ones, maybe in a list, are not followed). */
const FENCE_OPENING = /^(`{3,})[^`\r\n]*$|^(~{3,})[^\r\n]*$/;
/** A line starting, after any list or quote markers, with the word `import` or `export`: MDX may read it as ESM. */
const ESM_START = /^[^\p{L}\p{N}]*(?:import|export)(?![\p{L}\p{N}_$])/u;
/** Markers and white space a line starts with; four spaces or a tab there may make indented code. */
const LINE_PREFIX = /^[ \t>*+\-.)0-9]*/;
/**
 * `<` (HTML, JSX, autolinks), `{` (an expression), `![` (an image, which MDX turns into
 * Astro's Image component), each unless escaped with a backslash. Only `{` opens an
 * expression: a `}` outside one is text in MDX too (ingest's serialiser leaves it unescaped).
 */
const MDX_CHARACTER = /\\[!-/:-@[-`{-~]|([<{]|!\[)/g;

const REASON_OF: Record<string, MdxReason> = { '<': 'html', '{': 'expression', '![': 'image' };

export function plainMdx(text: string): PlainMdx {
  // A lone CR ends a line in both readings, but nothing here splits on it: unsure, so MDX.
  if (/\r(?!\n)/.test(text)) return { plain: false, line: lineOf(text, text.search(/\r(?!\n)/)), reason: 'carriage-return', why: WHY['carriage-return'] };
  const lines = text.split('\n');
  let content = false;
  let fence: { char: string; length: number } | undefined;
  for (const [index, raw] of lines.entries()) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const mdx = (reason: MdxReason) => ({ plain: false as const, line: index + 1, reason, why: WHY[reason] });
    if (fence) {
      // Inside a fenced block, text is code in both readings, until a closing fence.
      const closing = new RegExp(`^ {0,3}\\${fence.char}{${fence.length},}[ \\t]*$`);
      if (closing.test(line)) fence = undefined;
      continue;
    }
    if (!content && COMMENT_LINE.test(line)) {
      lines[index] = raw.endsWith('\r') ? '\r' : '';
      continue;
    }
    if (line.trim() === '') continue;
    content = true;
    const opening = FENCE_OPENING.exec(line);
    if (opening) {
      const run = (opening[1] ?? opening[2]) as string;
      fence = { char: run[0] as string, length: run.length };
      continue;
    }
    const prefix = (LINE_PREFIX.exec(line) as RegExpExecArray)[0];
    if (prefix.includes('\t') || prefix.includes('    ')) return mdx('indented-code');
    if (ESM_START.test(line)) return mdx('esm');
    for (const match of line.matchAll(MDX_CHARACTER)) {
      if (match[1] !== undefined) return mdx(REASON_OF[match[1]] as MdxReason);
    }
  }
  return { plain: true, markdown: lines.join('\n') };
}

const lineOf = (text: string, at: number) => text.slice(0, at).split('\n').length;
