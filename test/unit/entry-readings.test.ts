import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readEntry } from '../../src/lib/ingest/entry.ts';
import { entryReader } from '../../src/lib/ingest/entry-readings.ts';
import { readIngestCache, writeIngestCache } from '../../src/lib/ingest/ingest-cache.ts';

/** The readings one reader recorded, as the next run reads them back from the cache file. */
function throughCacheFile(reader: ReturnType<typeof entryReader>) {
  const text = writeIngestCache('code', { entries: new Map(), termMatches: new Map(), readings: reader.readings, parses: new Map() });
  return readIngestCache(text, 'code').readings;
}

const generated = `---
title: "Self-Play: Fine-Tuning"
slug: self-play-fine-tuning
themes:
  - agents
matchedTerms: {}
published:
  text: Jan 2, 2024
  date: "2024-01-02"
sources:
  - listing: a.txt
    line: 3
---
An abstract.
`;

const SOURCES = {
  generated,
  annotated: `${generated}\nMy notes, with *emphasis*.\n`,
  'hand-written': '---\ntitle: Mine\n# a comment\nthemes: [agents]\n---\n\nText.',
  crlf: generated.replaceAll('\n', '\r\n'),
  'no front matter': 'Just text.\n',
  'empty front matter': '---\n---\nText.\n',
  'front matter not closed': '---\ntitle: Open\n',
  'no newline after the front matter': '---\ntitle: A\n---',
};

/** Front matter whose data JSON does not carry exactly. */
const NOT_JSON = {
  'a date': '---\ntitle: A\nadded: 2024-01-02\n---\nText.\n',
  'an infinity': '---\ntitle: A\nweight: .inf\n---\nText.\n',
  'a negative zero': '---\ntitle: A\nweight: -0.0\n---\nText.\n',
};

describe('entryReader', () => {
  it('reads an unchanged text back from the cache as readEntry reads it, without parsing it again', () => {
    const first = entryReader(new Map());
    for (const [path, source] of Object.entries(SOURCES)) expect(first.read(path, source, path)).toEqual(readEntry(source, path));
    expect([...first.readings.keys()]).toEqual(Object.keys(SOURCES));

    let parsed = 0;
    const again = entryReader(throughCacheFile(first), (source, file) => {
      parsed++;
      return readEntry(source, file);
    });
    for (const [path, source] of Object.entries(SOURCES)) expect(again.read(path, source, path)).toEqual(readEntry(source, path));
    expect(parsed).toBe(0);
  });

  it('parses a text that changed, and one at another path', () => {
    const first = entryReader(new Map());
    first.read('a.md', generated, 'a.md');
    const again = entryReader(throughCacheFile(first));
    const edited = generated.replace('slug: self-play-fine-tuning', 'slug: edited');
    expect(again.read('a.md', edited, 'a.md').data['slug']).toBe('edited');
    expect(again.read('b.md', generated, 'b.md')).toEqual(readEntry(generated, 'b.md'));
    expect(again.readings.get('a.md')).not.toEqual(first.readings.get('a.md'));
  });

  it('keeps nothing for front matter whose data JSON would change, or that is not a piece of the text', () => {
    const reader = entryReader(new Map());
    const sources = {
      ...NOT_JSON,
      // readEntry ends the front matter with a newline the text does not have.
      'front matter neither closed nor ended': '---\ntitle: A',
      'a list for front matter': '---\n- a list, not a mapping\n---\nText.\n',
      'a string for front matter': '---\njust words\n---\nText.\n',
    };
    for (const [path, source] of Object.entries(sources)) expect(reader.read(path, source, path)).toEqual(readEntry(source, path));
    expect(reader.readings.size).toBe(0);
  });

  it('keeps nothing for YAML aliases: an object inside itself, one object in two places, an alias bomb', () => {
    const bomb = ['---', 'l0: &l0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level <= 8; level++) bomb.push(`l${level}: &l${level} [${Array(10).fill(`*l${level - 1}`).join(', ')}]`);
    const sources = {
      cycle: '---\ntitle: My own note\nrefs: &r\n  - see: *r\n---\nText.\n',
      shared: '---\ntitle: A\nbase: &b {k: 1}\ncopy: *b\n---\nText.\n',
      bomb: `${bomb.join('\n')}\n---\nText.\n`,
    };
    const reader = entryReader(new Map());
    for (const [path, source] of Object.entries(sources)) reader.read(path, source, path);
    expect(reader.readings.size).toBe(0);
  });

  it('forgets a path', () => {
    const reader = entryReader(new Map());
    reader.read('a.md', generated, 'a.md');
    reader.forget('a.md');
    expect(reader.readings.size).toBe(0);
  });

  it('reads any text from the cache as readEntry does', () => {
    const line = fc.constantFrom(
      ...['---', 'title: A', 'title: "B: c"', 'n: 1', 'list:', '  - x', '  - listing: a.txt', '    line: 2', 'm: {}', 'e: []', '# note', ''],
      ...['x: 2024-01-02', 'y: .inf', 'z: ~', 'a: &a', '  - k: *a', 'b: &b {k: 1}', 'c: *b', '- item', 'Text *em*', '\r', ' '],
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), (lines, newline) => {
        const source = lines.join(newline);
        let expected: ReturnType<typeof readEntry>;
        try {
          expected = readEntry(source, 'x.md');
        } catch {
          return; // Front matter readEntry refuses is never kept.
        }
        const first = entryReader(new Map());
        first.read('x.md', source, 'x.md');
        expect(entryReader(throughCacheFile(first)).read('x.md', source, 'x.md')).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
