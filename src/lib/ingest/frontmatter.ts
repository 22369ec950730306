import { isMap, isScalar, stringify } from 'yaml';
import { InputError } from './errors.ts';
import { parseYamlSource } from './yaml-source.ts';

/**
 * A piece of front matter text: one top-level field (its key line and everything
 * indented under it), or the comments and blank lines between fields (`key` null).
 * Joining the `text` of every segment gives back the front matter byte for byte.
 */
export interface Segment {
  key: string | null;
  text: string;
}

const isGap = (line: string) => line.trim() === '' || line.startsWith('#');

/**
 * Cuts YAML front matter into segments, so that fields can be replaced one by
 * one while every other byte a person wrote stays as it is.
 */
export function splitFrontmatter(yamlText: string, file: string): Segment[] {
  if (yamlText.trim() === '') return yamlText === '' ? [] : [{ key: null, text: yamlText }];
  const { document, lineOf } = parseYamlSource(yamlText, file);
  if (!isMap(document.contents)) throw new InputError(file, 1, 'front matter must be a YAML mapping of fields');
  const lines = yamlText.split(/(?<=\n)/);
  const oneFieldPerLine = 'write each front matter field on its own line, starting at the left margin';
  if (document.contents.flow) throw new InputError(file, 1, oneFieldPerLine);
  const starts = document.contents.items.map((pair) => {
    const line = lineOf(pair.key);
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (line === undefined || key === undefined || (lines[line - 1] ?? '').search(/\S/) !== 0) {
      throw new InputError(file, line, oneFieldPerLine);
    }
    return { key, index: line - 1 };
  });

  const segments: Segment[] = [];
  const pushGap = (from: number, to: number) => {
    if (to > from) segments.push({ key: null, text: lines.slice(from, to).join('') });
  };
  pushGap(0, starts[0]?.index ?? lines.length);
  starts.forEach(({ key, index }, position) => {
    const next = starts[position + 1]?.index ?? lines.length;
    let end = next;
    while (end > index + 1 && isGap(lines[end - 1] as string)) end--;
    segments.push({ key, text: lines.slice(index, end).join('') });
    pushGap(end, next);
  });
  return segments;
}

/** The yaml package's options for ingest's fields. */
export const YAML_OPTIONS = { lineWidth: 0, version: '1.1', indentSeq: true, aliasDuplicateObjects: false } as const;

/**
 * Fields as front matter segments, one per field in the record's order, in the same
 * YAML style for every entry. Written as YAML 1.1, the dialect Astro and gray-matter
 * read, so strings such as `2024-02-01` or `yes` are quoted and stay strings.
 * Most fields are words, numbers and lists of them, which `plainField` writes as the
 * yaml package would; the others go through it, in one `stringify` for all of them
 * (one per field costs most of an ingest of thousands of papers), cut where a line
 * starts at the margin: the yaml package indents everything under a top-level key,
 * sequences included.
 */
export function fieldSegments(fields: Record<string, unknown>): Segment[] {
  const keys = Object.keys(fields);
  const plain = new Map(keys.flatMap((key) => {
    const text = plainField(key, fields[key], '');
    return text === undefined ? [] : [[key, text] as const];
  }));
  const others = keys.filter((key) => !plain.has(key));
  const texts = others.length === 0 ? [] : stringify(Object.fromEntries(others.map((key) => [key, fields[key]])), YAML_OPTIONS).split(/(?<=\n)(?=\S)/);
  if (texts.length !== others.length) throw new Error(`front matter of ${others.length} fields came out as ${texts.length} segments`);
  const written = new Map(others.map((key, index) => [key, texts[index] as string]));
  return keys.map((key) => ({ key, text: plain.get(key) ?? (written.get(key) as string) }));
}

/**
 * A string YAML 1.1 reads back as that string when written plain: a letter first (no
 * indicator, number or date), then only letters, digits, spaces and punctuation that
 * mean nothing inside a plain scalar (no `:` or `#`, no quote or bracket that could open
 * anything), no space at the end, and not one of 1.1's words for true, false and null.
 */
const PLAIN_STRING = /^\p{L}(?:[\p{L}\p{N} .,()'*\/+_-]*[\p{L}\p{N}.,()'*\/+_-])?$/u;
const YAML11_WORD = /^(?:y|n|yes|no|on|off|true|false|null)$/i;
/** Text whose double-quoted form needs no escape: letters, digits, spaces, ASCII punctuation but `"` and `\`. */
const QUOTABLE = /^[\p{L}\p{N} !#-\x5B\x5D-~]+$/u;
/** A YAML 1.1 timestamp, which the package double-quotes so that it stays a string: dates of published papers. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * What bibliographies give besides words, written plain by the yaml package: a year and month
 * (`2016-01`, no 1.1 timestamp), a DOI and a web address made of characters that mean nothing
 * in a plain scalar (no `:` after the scheme, no `#`, no space).
 */
const PLAIN_IDS = /^(?:\d{4}-\d{2}|10\.\d+\/[A-Za-z0-9._()\/-]+|https?:\/\/[A-Za-z0-9._~\/?=&%+-]+)$/;
/** Digits, or digits with a decimal point: a number to YAML 1.1, so quoted (a year, a new-style arXiv id). */
const NUMBER_LIKE = /^\d+(?:\.\d+)?$/;

/** A scalar as the yaml package writes it, for the commonest kinds; undefined for the others. */
function plainScalar(value: unknown): string | undefined {
  if (typeof value === 'string') {
    if ((PLAIN_STRING.test(value) && !YAML11_WORD.test(value)) || PLAIN_IDS.test(value)) return value;
    // `Name: what it does`, the commonest title that cannot be plain (`: ` would start a value).
    return ISO_DATE.test(value) || NUMBER_LIKE.test(value) || (value.includes(': ') && QUOTABLE.test(value)) ? `"${value}"` : undefined;
  }
  if (typeof value === 'number') return Number.isSafeInteger(value) && !Object.is(value, -0) ? String(value) : undefined;
  return undefined;
}

/** Plain objects only: the yaml package writes others through their toJSON or iterator. */
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && [Object.prototype, null].includes(Object.getPrototypeOf(value));

/** Longer keys the yaml package writes as explicit keys (`? key`). */
const MAX_IMPLICIT_KEY = 1024;

/**
 * `key: value` as the yaml package writes it with YAML_OPTIONS, at `indent`, for values
 * that are plain scalars, lists of them, and mappings of those (lists of such mappings
 * too), empty lists and mappings included: undefined for anything else, which is left
 * to the package.
 */
function plainField(key: string, value: unknown, indent: string): string | undefined {
  if (key.length > MAX_IMPLICIT_KEY || plainScalar(key) !== key) return undefined;
  const scalar = plainScalar(value);
  if (scalar !== undefined) return `${indent}${key}: ${scalar}\n`;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return `${indent}${key}: []\n`;
    let text = `${indent}${key}:\n`;
    for (const item of value) {
      const scalar = plainScalar(item);
      // A mapping in a list starts on the dash's line, its other keys under the first.
      const entry = scalar !== undefined ? `${scalar}\n` : isRecord(item) ? plainMapping(item, `${inner}  `)?.slice(inner.length + 2) : undefined;
      if (entry === undefined) return undefined;
      text += `${inner}- ${entry}`;
    }
    return text;
  }
  if (!isRecord(value)) return undefined;
  if (Object.keys(value).length === 0) return `${indent}${key}: {}\n`;
  const mapping = plainMapping(value, inner);
  return mapping === undefined ? undefined : `${indent}${key}:\n${mapping}`;
}

function plainMapping(record: Record<string, unknown>, indent: string): string | undefined {
  const entries = Object.entries(record);
  if (entries.length === 0) return undefined;
  let text = '';
  for (const [key, value] of entries) {
    const field = plainField(key, value, indent);
    if (field === undefined) return undefined;
    text += field;
  }
  return text;
}
