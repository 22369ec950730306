import { describe, expect, it } from 'vitest';
import { classificationKey, entryFingerprint, readIngestCache, sameIngestCache, writeIngestCache, type IngestCache } from '../../src/lib/ingest/ingest-cache.ts';
import type { TermMatches } from '../../src/lib/ingest/classify.ts';
import type { ClassifiedPaper } from '../../src/lib/ingest/types.ts';

const paper = { key: 'a', slug: 'a', title: 'A', abstract: 'B', themes: ['agents'], mainTheme: 'agents' } as unknown as ClassifiedPaper;
const matches: TermMatches = [
  [0, true, 2],
  [3, false, 1],
];

describe('the ingest cache', () => {
  const cache: IngestCache = {
    entries: new Map([
      ['b/x.md', 'two'],
      ['a/y.md', 'one'],
    ]),
    termMatches: new Map([['k', matches]]),
    readings: new Map([['a/y.md', { hash: 'h', data: { title: 'Y', sources: [{ listing: 'a.txt', line: 1 }] }, frontmatter: [4, 40], body: 44, abstract: 'a' }]]),
    parses: new Map([['lab.bib', { key: 'k1', parsed: { listing: 'lab.bib', papers: [{ title: 'T', abstract: '', source: { listing: 'lab.bib', line: 3, key: 'doe2020' } }], warnings: [] } }]]),
  };

  it('reads back what it wrote, for the same code only', () => {
    const text = writeIngestCache('code-1', cache);
    expect(readIngestCache(text, 'code-1')).toEqual(cache);
    expect(readIngestCache(text, 'code-2')).toEqual({ entries: new Map(), termMatches: new Map(), readings: new Map(), parses: new Map() });
    const reversed = { ...cache, entries: new Map([...cache.entries].reverse()) };
    expect(writeIngestCache('code-1', reversed)).toBe(text);
  });

  it('is the same cache only with the same entries and the very same term matches', () => {
    const copy = (changes: Partial<IngestCache> = {}): IngestCache => ({
      entries: new Map(cache.entries),
      termMatches: new Map(cache.termMatches),
      readings: new Map(cache.readings),
      parses: new Map(cache.parses),
      ...changes,
    });
    expect(sameIngestCache(cache, copy())).toBe(true);
    expect(sameIngestCache(cache, copy({ entries: new Map([...cache.entries, ['c/z.md', 'three']]) }))).toBe(false);
    expect(sameIngestCache(cache, copy({ entries: new Map([['b/x.md', 'two'], ['a/y.md', 'changed']]) }))).toBe(false);
    expect(sameIngestCache(cache, copy({ entries: new Map([['b/x.md', 'two']]) }))).toBe(false);
    // Recomputed, even if equal: the file's text decides whether it is written.
    expect(sameIngestCache(cache, copy({ termMatches: new Map([['k', [...matches]]]) }))).toBe(false);
    expect(sameIngestCache(cache, copy({ termMatches: new Map() }))).toBe(false);
    expect(sameIngestCache(cache, copy({ readings: new Map([...cache.readings].map(([path, reading]) => [path, { ...reading }])) }))).toBe(false);
    expect(sameIngestCache(cache, copy({ parses: new Map() }))).toBe(false);
    expect(sameIngestCache(cache, copy({ readings: new Map() }))).toBe(false);
  });

  it('starts empty from a missing, broken or foreign file, and skips values of the wrong shape', () => {
    const empty = { entries: new Map(), termMatches: new Map(), readings: new Map(), parses: new Map() };
    for (const text of [undefined, '', '{', 'null', '[]', '{"code":"c","entries":null}']) expect(readIngestCache(text, 'c')).toEqual(empty);
    const mixed = '{"code":"c","entries":{"a.md":1,"b.md":"ok"},"termMatches":{"x":{"themes":"agents"},"y":' + JSON.stringify(matches) + '}}';
    expect(readIngestCache(mixed, 'c')).toEqual({ entries: new Map([['b.md', 'ok']]), termMatches: new Map([['y', matches]]), readings: new Map(), parses: new Map() });
    const termMatches = { ok: matches, none: [], notAList: { 0: [0, true, 1] }, short: [[0, true]], title: [[0, 1, 1]], negative: [[-1, true, 1]], fraction: [[0, false, 0.5]] };
    expect(readIngestCache(JSON.stringify({ code: 'c', termMatches }), 'c').termMatches).toEqual(new Map([['ok', matches], ['none', []]]));
    const reading = { hash: 'h', data: {}, frontmatter: [0, 0], body: 8, abstract: 'a' };
    const readings = { ok: reading, noHash: { ...reading, hash: 1 }, noAbstract: { ...reading, abstract: undefined }, noData: { ...reading, data: [] }, short: { ...reading, frontmatter: [0] }, negative: { ...reading, body: -1 }, fraction: { ...reading, frontmatter: [0, 0.5] }, reversed: { ...reading, frontmatter: [4, 2] } };
    expect(readIngestCache(JSON.stringify({ code: 'c', readings }), 'c').readings).toEqual(new Map([['ok', reading]]));
    const parse = { key: 'k', parsed: { listing: 'a.bib', papers: [], warnings: [] } };
    const parses = { ok: parse, noKey: { ...parse, key: 1 }, noParse: { key: 'k' }, noPapers: { key: 'k', parsed: { listing: 'a.bib', warnings: [] } } };
    expect(readIngestCache(JSON.stringify({ code: 'c', parses }), 'c').parses).toEqual(new Map([['ok', parse]]));
  });

  it('fingerprints change with the paper and with the entry text', () => {
    const base = entryFingerprint(paper, 'text');
    expect(entryFingerprint(paper, 'text')).toBe(base);
    expect(entryFingerprint(paper, 'text ')).not.toBe(base);
    expect(entryFingerprint({ ...paper, themes: ['skills'] }, 'text')).not.toBe(base);
  });

  it('classification keys change with the themes file, the title and the abstract, and never merge the two', () => {
    const key = classificationKey('themes-1', { title: 'A', abstract: 'B' });
    expect(classificationKey('themes-1', { title: 'A', abstract: 'B' })).toBe(key);
    expect(classificationKey('themes-2', { title: 'A', abstract: 'B' })).not.toBe(key);
    expect(classificationKey('themes-1', { title: 'A ', abstract: 'B' })).not.toBe(key);
    expect(classificationKey('themes-1', { title: 'AB', abstract: '' })).not.toBe(classificationKey('themes-1', { title: 'A', abstract: 'B' }));
    // Keywords count as much as the title (classify.ts): another list, another key; no keywords and none, one.
    expect(classificationKey('themes-1', { title: 'A', abstract: 'B', keywords: ['agents'] })).not.toBe(key);
    expect(classificationKey('themes-1', { title: 'A', abstract: 'B', keywords: ['agents', 'skills'] })).not.toBe(classificationKey('themes-1', { title: 'A', abstract: 'B', keywords: ['agents skills'] }));
    expect(classificationKey('themes-1', { title: 'A', abstract: 'B', keywords: [] })).toBe(key);
  });
});
