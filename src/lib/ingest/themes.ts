import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import { InputError } from './errors.ts';
import { unknownKeyReason } from './known-keys.ts';
import { words } from './normalise.ts';
import { URL_SEGMENT } from './slug.ts';
import type { Theme, Warning } from './types.ts';
import { parseYamlSource } from './yaml-source.ts';

/** The themes file, in the content folder (`content/themes.yaml`). */
export const THEMES_FILE = 'themes.yaml';

/** The theme a paper gets when no other theme's terms select it. */
export const UNSORTED_THEME_ID = 'unsorted';

/** The keys a theme takes: any other is a typo that would be read as nothing. */
export const THEME_KEYS = ['id', 'title', 'description', 'terms', 'exclude'] as const;

/** Theme ids are URL segments and folder names. */
export function isThemeId(value: unknown): value is string {
  return typeof value === 'string' && URL_SEGMENT.test(value);
}

export interface ThemesFile {
  themes: Theme[];
  /** Themes and terms that can select no paper. */
  warnings: Warning[];
}

/** A theme mapping's keys as written, each with its node for its line. */
const keysOf = (item: YAMLMap) => item.items.map((pair) => ({ key: String(isScalar(pair.key) ? pair.key.value : pair.key), node: pair.key }));

/**
 * Reads the user's theme file: a YAML list of `{ id, title, description, terms, exclude }`.
 * Every mistake is reported with its line, since people edit this file by hand.
 */
export function parseThemes(source: string, file: string): ThemesFile {
  const { document, lineOf } = parseYamlSource(source, file);
  if (!isSeq(document.contents)) throw new InputError(file, 1, 'expected a list of themes (lines starting with "- id: ...")');

  const themes: Theme[] = [];
  const warnings: Warning[] = [];
  for (const item of document.contents.items) {
    const line = lineOf(item);
    if (!isMap(item)) throw new InputError(file, line, 'each theme must be a mapping with id, title, description and terms');
    const value = item.toJSON() as Record<string, unknown>;
    const { id, title, description, terms = [], exclude = [] } = value;
    const keys = keysOf(item);
    for (const { key, node } of keys) {
      if (!(THEME_KEYS as readonly string[]).includes(key)) {
        throw new InputError(file, lineOf(node) ?? line, unknownKeyReason(key, isThemeId(id) ? `in theme "${id}"` : 'in this theme', THEME_KEYS, 'a theme takes'));
      }
    }
    if (!isThemeId(id)) {
      throw new InputError(file, line, `theme id ${JSON.stringify(id)} must be lowercase letters, digits and hyphens`);
    }
    if (typeof title !== 'string' || title.trim() === '') throw new InputError(file, line, `theme "${id}" needs a title`);
    if (typeof description !== 'string' || description.trim() === '') throw new InputError(file, line, `theme "${id}" needs a description`);
    const lineOfKey = (name: string) => lineOf(keys.find(({ key }) => key === name)?.node) ?? line ?? 1;
    for (const [name, list] of [['terms', terms], ['exclude', exclude]] as const) {
      if (!Array.isArray(list) || !list.every((term) => typeof term === 'string' && term.trim() !== '')) {
        throw new InputError(file, lineOfKey(name), `theme "${id}": ${name} must be a list of non-empty strings, e.g. ${name}: [${name === 'terms' ? 'skill*, skill library' : 'job market, recruit*'}]`);
      }
    }
    if (themes.some((theme) => theme.id === id)) throw new InputError(file, line, `theme id "${id}" is defined twice`);
    const trimmed = (terms as string[]).map((term) => term.trim());
    const excluded = (exclude as string[]).map((term) => term.trim());
    warnings.push(...unmatchable(id, trimmed).map((message) => ({ file, line: lineOfKey('terms'), message })));
    warnings.push(...exclusionMistakes(id, excluded, trimmed).map((message) => ({ file, line: lineOfKey('exclude'), message })));
    themes.push({ id, title: title.trim(), description: description.trim(), terms: trimmed, exclude: excluded });
  }
  if (!themes.some((theme) => theme.id === UNSORTED_THEME_ID)) {
    throw new InputError(file, undefined, `add a theme with id "${UNSORTED_THEME_ID}" (and no terms): papers no other theme selects go there`);
  }
  return { themes, warnings };
}

/**
 * What of a theme's terms can select no paper: a theme without terms (but `unsorted`,
 * which no term selects), a term without a letter or digit, any term of `unsorted`.
 */
function unmatchable(id: string, terms: readonly string[]): string[] {
  if (id === UNSORTED_THEME_ID) {
    return terms.length === 0 ? [] : [`theme "${UNSORTED_THEME_ID}" holds the papers no other theme selects, so its terms are not used: move them to another theme`];
  }
  if (terms.length === 0) return [`theme "${id}" has no terms, so no paper is sorted into it: list words or phrases under terms, e.g. terms: [${id.replaceAll('-', ' ')}]`];
  return terms.filter((term) => words(term).length === 0).map((term) => `term ${JSON.stringify(term)} of theme "${id}" has no letter or digit, so it matches nothing: remove it or write a word`);
}

/**
 * What of a theme's exclude terms does not do what it says: any of `unsorted`'s (no term selects its papers),
 * one without a letter or digit (keeps no paper out), one that is also a term of the theme (keeps out every paper that term selects).
 */
function exclusionMistakes(id: string, exclude: readonly string[], terms: readonly string[]): string[] {
  if (id === UNSORTED_THEME_ID) {
    return exclude.length === 0 ? [] : [`theme "${UNSORTED_THEME_ID}" holds the papers no other theme selects, so its exclude terms are not used: remove them`];
  }
  return exclude.flatMap((term) =>
    words(term).length === 0
      ? [`exclude term ${JSON.stringify(term)} of theme "${id}" has no letter or digit, so it keeps no paper out: remove it or write a word`]
      : terms.includes(term)
        ? [`"${term}" is both a term and an exclude term of theme "${id}", so it keeps out every paper it selects: remove it from one of the two`]
        : [],
  );
}
