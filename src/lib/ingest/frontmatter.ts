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

/**
 * Fields as front matter segments, one per field in the record's order, in the same
 * YAML style for every entry. Written as YAML 1.1, the dialect Astro and gray-matter
 * read, so strings such as `2024-02-01` or `yes` are quoted and stay strings.
 * One `stringify` for all the fields (one per field costs most of an ingest of
 * thousands of papers), cut where a line starts at the margin: the yaml package
 * indents everything under a top-level key, sequences included.
 */
export function fieldSegments(fields: Record<string, unknown>): Segment[] {
  const keys = Object.keys(fields);
  if (keys.length === 0) return [];
  const texts = stringify(fields, { lineWidth: 0, version: '1.1', indentSeq: true, aliasDuplicateObjects: false }).split(/^(?=\S)/m);
  if (texts.length !== keys.length) throw new Error(`front matter of ${keys.length} fields came out as ${texts.length} segments`);
  return keys.map((key, index) => ({ key, text: texts[index] as string }));
}
