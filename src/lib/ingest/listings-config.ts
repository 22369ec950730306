import { isMap, isScalar } from 'yaml';
import { isIsoDay } from './dates.ts';
import { InputError } from './errors.ts';
import { unknownKeyReason } from './known-keys.ts';
import { parseYamlSource } from './yaml-source.ts';

/** Per-listing settings from `seeds/listings.yaml`, keyed by listing file name. */
export interface ListingSettings {
  /** ISO day the listing was captured: gives a year to dates shown without one. */
  captured?: string;
  /** Where the listing's name stands in the file, for messages. */
  line: number;
}

/** The settings a listing takes: any other key is a typo that would be read as nothing. */
const LISTING_SETTINGS = ['captured'] as const;

export function parseListingsConfig(source: string, file: string): Map<string, ListingSettings> {
  const { document, lineOf } = parseYamlSource(source, file);
  const settings = new Map<string, ListingSettings>();
  if (document.contents === null) return settings;
  if (!isMap(document.contents)) throw new InputError(file, 1, 'expected a mapping of listing file names to settings');
  for (const pair of document.contents.items) {
    const line = lineOf(pair.key) ?? 1;
    const name = String(isScalar(pair.key) ? pair.key.value : pair.key);
    const value: unknown = isMap(pair.value) ? pair.value.toJS(document) : undefined;
    if ((LISTING_SETTINGS as readonly string[]).includes(name)) {
      throw new InputError(file, line, `"${name}" is a setting of one listing: write it under the listing's file name, e.g. "000_listing.txt: { ${name}: ... }"`);
    }
    if (value === undefined) throw new InputError(file, line, `settings for "${name}" must be a mapping, e.g. "captured: 2025-12-11"`);
    const { captured, ...unknown } = value as Record<string, unknown>;
    /** The line of one setting of this listing. */
    const lineOfSetting = (key: string) => {
      const item = isMap(pair.value) ? pair.value.items.find((candidate) => isScalar(candidate.key) && candidate.key.value === key) : undefined;
      return item ? lineOf(item.value ?? item.key) : line;
    };
    const unknownKey = Object.keys(unknown)[0];
    if (unknownKey !== undefined) throw new InputError(file, lineOfSetting(unknownKey), unknownKeyReason(unknownKey, `for "${name}"`, LISTING_SETTINGS, 'a listing takes'));
    if (captured !== undefined && (typeof captured !== 'string' || !isIsoDay(captured))) {
      throw new InputError(file, lineOfSetting('captured'), `"captured" for "${name}" must be a day written YYYY-MM-DD`);
    }
    settings.set(name, captured === undefined ? { line } : { captured, line });
  }
  return settings;
}
