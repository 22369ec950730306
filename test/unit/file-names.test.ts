import { describe, expect, it } from 'vitest';
import { ENTRY_EXTENSIONS, LISTING_EXTENSIONS, readableName } from '../../src/lib/ingest/file-names.ts';

describe('readableName', () => {
  it.each([
    ['June.TXT', LISTING_EXTENSIONS, 'June.txt'],
    ['june.Txt', LISTING_EXTENSIONS, 'june.txt'],
    ['mine/Notes.MD', ENTRY_EXTENSIONS, 'mine/Notes.md'],
    ['a.b.MDX', ENTRY_EXTENSIONS, 'a.b.mdx'],
    ['x.markdown', ENTRY_EXTENSIONS, 'x.md'],
    ['x.MARKDOWN', ENTRY_EXTENSIONS, 'x.md'],
  ])('reads %s as %s', (name, extensions, readable) => {
    expect(readableName(name, extensions)).toBe(readable);
  });

  it.each([
    ['june.txt', LISTING_EXTENSIONS],
    ['notes.md', LISTING_EXTENSIONS],
    ['notes.md', ENTRY_EXTENSIONS],
    ['notes.mdx', ENTRY_EXTENSIONS],
    ['figure.PNG', ENTRY_EXTENSIONS],
    ['README', ENTRY_EXTENSIONS],
    ['.MD', ENTRY_EXTENSIONS],
    ['mine/.MD', ENTRY_EXTENSIONS],
    ['MD', ENTRY_EXTENSIONS],
  ])('leaves %s alone: read already, or not meant as one', (name, extensions) => {
    expect(readableName(name, extensions)).toBeUndefined();
  });
});
