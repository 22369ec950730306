/**
 * The parts of Citation.js 0.8 (untyped) we use: its public API (the site's exports and the tests),
 * then the modules deep in its plugins the bibliography readers call (src/lib/ingest/formats/).
 */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown, options?: Record<string, unknown>);
    data: Record<string, unknown>[];
    format(format: string, ...options: Record<string, unknown>[]): unknown;
  }
  interface Register<T> {
    add(name: string, value: T): void;
    has(name: string): boolean;
    get(name: string): T;
  }
  export const plugins: {
    config: { get(plugin: string): Record<string, unknown> };
    output: { format(format: string, data: readonly object[], options?: Record<string, unknown>): unknown };
  };
  export type { Register };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';

declare module '@citation-js/plugin-bibtex/lib/input/file.js' {
  export interface RawBibtexEntry {
    type: string;
    label: string;
    properties: Record<string, string | number>;
  }
  /** The file grammar; `defaultState.strings` is the table of `@string` macros each parse starts from (deep-copied). */
  export const bibtexGrammar: { defaultState: { strings: Record<string, string> } };
  /** BibTeX or BibLaTeX text to raw entries, `@string` macros expanded; throws a SyntaxError at the first fault. */
  export function parse(text: string): RawBibtexEntry[];
}

declare module '@citation-js/plugin-bibtex/lib/input/entries.js' {
  import type { RawBibtexEntry } from '@citation-js/plugin-bibtex/lib/input/file.js';
  /** Raw BibLaTeX entries (BibTeX's included) to CSL-JSON items, `crossref` resolved among them. */
  export function parse(entries: RawBibtexEntry[]): Record<string, unknown>[];
}

declare module '@citation-js/plugin-bibtex/lib/input/constants.js' {
  export const defaultStrings: Record<string, string>;
  export const commands: Record<string, string>;
  export const mathCommands: Record<string, string>;
  export const diacritics: Record<string, string>;
  export const formattingCommands: Record<string, string>;
  export const formattingEnvs: Record<string, string>;
  export const argumentCommands: Record<string, unknown>;
}

declare module '@citation-js/plugin-ris/lib/ris.js' {
  /** RIS text to records of tags (a tag given twice becomes a list). */
  export function parse(text: string): Record<string, string | string[]>[];
  /** One record to a CSL-JSON item, reading old and new RIS tags alike. */
  export function parseMixed(record: Record<string, string | string[]>): Record<string, unknown>;
}

declare module '@citation-js/core/lib/plugins/input/csl.js' {
  /** CSL-JSON items with each field corrected to CSL's type for it (string dates to numbers...), or dropped when it cannot be. */
  export function clean(items: Record<string, unknown>[]): Record<string, unknown>[];
}

declare module '@citation-js/plugin-bibtex/lib/input/value.js' {
  /** One field's BibTeX value to text, as the field's type reads it: a `separated` field (`keywords`) to its list, braces kept together. */
  export function parse(text: string, field: string): string[];
}
