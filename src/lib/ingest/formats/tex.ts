import { latex2unicode } from 'unicode2latex';

/**
 * TeX commands in bibliography text, as Unicode: Better BibTeX's LaTeX-to-Unicode table
 * (`\times` ×, `\leq` ≤, `\mathbb{R}` ℝ, `\hspace{0pt}` a zero-width space...). Only the
 * entries for one control word, with or without one braced argument, are used: the table's
 * other keys are ligatures and accents, which the readers of each format handle themselves.
 */
const TABLE: ReadonlyMap<string, string> = new Map(
  Object.entries(latex2unicode).flatMap(([command, text]) => (typeof text === 'string' && /^\\[A-Za-z]+(\{[^{}\\]*\})?$/.test(command) ? [[command, text]] : [])),
);

/** Math operators TeX prints as their name in roman type (`\log n` is "log n"). */
const OPERATORS = new Set(['arccos', 'arcsin', 'arctan', 'arg', 'cos', 'cosh', 'cot', 'deg', 'det', 'dim', 'exp', 'gcd', 'inf', 'ker', 'lg', 'lim', 'ln', 'log', 'max', 'min', 'Pr', 'sin', 'sinh', 'sup', 'tan', 'tanh']);

/** A box of text (`\mbox{$\times$}`) prints its argument, whatever it holds (one level of braces within). */
const BOX = /\\(?:mbox|hbox|text)[ \t]*\{((?:[^{}]|\{[^{}]*\})*)\}/g;
/** Commands that print nothing (`{\relax MA}`, Better BibTeX's guard of initials). */
const NO_OPS = new Set(['relax', 'protect']);

/** A control word, then its braced argument or, as TeX does, the spaces after it. */
const COMMAND = /\\([A-Za-z]+)(?:(\{[^{}\\]*\})|[ \t\r\n]*)/g;

export interface ConvertedTex {
  text: string;
  /** Commands neither the table nor `keep` knows: with an argument, only the argument is kept (`\rpackage{irace}` -> `irace`); alone, they stay. */
  unknown: string[];
}

/**
 * `text` with every control word the table knows replaced by its character, except those
 * `keep` names (another reader converts them). A command's argument is kept when only the
 * command itself is known (`\alpha{}` -> `α{}`).
 */
export function convertTex(text: string, keep: (name: string) => boolean = () => false): ConvertedTex {
  const unknown = new Set<string>();
  if (!text.includes('\\')) return { text, unknown: [] };
  const converted = text.replace(BOX, '{$1}').replace(COMMAND, (match, name: string, argument: string | undefined) => {
    if (keep(name)) return match;
    if (NO_OPS.has(name)) return argument ?? '';
    const withArgument = argument === undefined ? undefined : TABLE.get(`\\${name}${argument}`);
    if (withArgument !== undefined) return withArgument;
    const alone = TABLE.get(`\\${name}`) ?? (OPERATORS.has(name) ? `${name}${argument === undefined && match.length > name.length + 1 ? ' ' : ''}` : undefined);
    if (alone !== undefined) return `${alone}${argument ?? ''}`;
    unknown.add(`\\${name}`);
    return argument === undefined ? match : argument.slice(1, -1);
  });
  return { text: converted, unknown: [...unknown] };
}
