import { describe, expect, it } from 'vitest';
import { entryFingerprint, readEntryCache, writeEntryCache } from '../../src/lib/ingest/entry-cache.ts';
import type { ClassifiedPaper } from '../../src/lib/ingest/types.ts';

const paper = { key: 'a', slug: 'a', title: 'A', abstract: 'B', themes: ['agents'], mainTheme: 'agents' } as unknown as ClassifiedPaper;

describe('the entry cache', () => {
  it('reads back what it wrote, for the same code only', () => {
    const fingerprints = new Map([
      ['b/x.mdx', 'two'],
      ['a/y.mdx', 'one'],
    ]);
    const text = writeEntryCache('code-1', fingerprints);
    expect(readEntryCache(text, 'code-1')).toEqual(fingerprints);
    expect(readEntryCache(text, 'code-2')).toEqual(new Map());
    expect(text).toBe(writeEntryCache('code-1', new Map([...fingerprints].reverse())));
  });

  it('starts empty from a missing, broken or foreign file', () => {
    for (const text of [undefined, '', '{', 'null', '[]', '{"code":"c","entries":null}']) expect(readEntryCache(text, 'c')).toEqual(new Map());
    expect(readEntryCache('{"code":"c","entries":{"a.mdx":1,"b.mdx":"ok"}}', 'c')).toEqual(new Map([['b.mdx', 'ok']]));
  });

  it('fingerprints change with the paper and with the entry text', () => {
    const base = entryFingerprint(paper, 'text');
    expect(entryFingerprint(paper, 'text')).toBe(base);
    expect(entryFingerprint(paper, 'text ')).not.toBe(base);
    expect(entryFingerprint({ ...paper, themes: ['skills'] }, 'text')).not.toBe(base);
  });
});
