import { describe, expect, it } from 'vitest';
import { ENTRY_EXTENSIONS, SEED_EXTENSIONS, readableName } from '../../src/lib/ingest/file-names.ts';

describe('readableName', () => {
  it.each([
    ['June.TXT', SEED_EXTENSIONS, 'June.txt'],
    ['june.Txt', SEED_EXTENSIONS, 'june.txt'],
    ['Lab.BIB', SEED_EXTENSIONS, 'Lab.bib'],
    ['zotero.JSON', SEED_EXTENSIONS, 'zotero.json'],
    ['mine/Notes.MD', ENTRY_EXTENSIONS, 'mine/Notes.md'],
    ['a.b.MDX', ENTRY_EXTENSIONS, 'a.b.mdx'],
    ['x.markdown', ENTRY_EXTENSIONS, 'x.md'],
    ['x.MARKDOWN', ENTRY_EXTENSIONS, 'x.md'],
  ])('reads %s as %s', (name, extensions, readable) => {
    expect(readableName(name, extensions)).toBe(readable);
  });

  it.each([
    ['june.txt', SEED_EXTENSIONS],
    ['notes.md', SEED_EXTENSIONS],
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
