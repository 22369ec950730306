import { isMap, isSeq } from 'yaml';
import { InputError } from './errors.ts';
import { URL_SEGMENT } from './slug.ts';
import type { Theme } from './types.ts';
import { parseYamlSource } from './yaml-source.ts';

/** The themes file, in the content folder (`content/themes.yaml`). */
export const THEMES_FILE = 'themes.yaml';

/** The theme a paper gets when no other theme's terms select it. */
export const UNSORTED_THEME_ID = 'unsorted';

/** Theme ids are URL segments and folder names. */
export function isThemeId(value: unknown): value is string {
  return typeof value === 'string' && URL_SEGMENT.test(value);
}

/**
 * Reads the user's theme file: a YAML list of `{ id, title, description, terms }`.
 * Every mistake is reported with its line, since people edit this file by hand.
 */
export function parseThemes(source: string, file: string): Theme[] {
  const { document, lineOf } = parseYamlSource(source, file);
  if (!isSeq(document.contents)) throw new InputError(file, 1, 'expected a list of themes (lines starting with "- id: ...")');

  const themes: Theme[] = [];
  for (const item of document.contents.items) {
    const line = lineOf(item);
    if (!isMap(item)) throw new InputError(file, line, 'each theme must be a mapping with id, title, description and terms');
    const value = item.toJSON() as Record<string, unknown>;
    const { id, title, description, terms = [] } = value;
    if (!isThemeId(id)) {
      throw new InputError(file, line, `theme id ${JSON.stringify(id)} must be lowercase letters, digits and hyphens`);
    }
    if (typeof title !== 'string' || title.trim() === '') throw new InputError(file, line, `theme "${id}" needs a title`);
    if (typeof description !== 'string' || description.trim() === '') throw new InputError(file, line, `theme "${id}" needs a description`);
    if (!Array.isArray(terms) || !terms.every((term) => typeof term === 'string' && term.trim() !== '')) {
      throw new InputError(file, line, `theme "${id}": terms must be a list of non-empty strings`);
    }
    if (themes.some((theme) => theme.id === id)) throw new InputError(file, line, `theme id "${id}" is defined twice`);
    themes.push({ id, title: title.trim(), description: description.trim(), terms: terms.map((term: string) => term.trim()) });
  }
  if (!themes.some((theme) => theme.id === UNSORTED_THEME_ID)) {
    throw new InputError(file, undefined, `add a theme with id "${UNSORTED_THEME_ID}" (and no terms): papers no other theme selects go there`);
  }
  return themes;
}
