import { describe, expect, it } from 'vitest';
import { isUtf16 } from '../../src/lib/ingest/utf16.ts';

const utf16le = (text: string) => Buffer.from(text, 'utf16le');
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();

describe('isUtf16', () => {
  it.each([
    ['little-endian with a byte-order mark', utf16le('\ufeffTitle\n')],
    ['little-endian without one', utf16le('Title\n\nAn abstract.\n')],
    ['big-endian without one', utf16be('@article{k, title = {A Paper}}\n')],
    ['mostly ASCII with some other letters', utf16le('Ünïcöde Tïtle, then an abstract in English.\n')],
  ])('knows UTF-16 %s', (_, bytes) => {
    expect(isUtf16(bytes)).toBe(true);
  });

  it.each([
    ['UTF-8 text', Buffer.from('Title\n\nAn abstract.\n')],
    ['a binary file with a few NUL bytes', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])],
    ['text followed by binary', Buffer.from('@article{bin, title = {Binary}}\n\0\x01\x02\x03')],
    ['NUL bytes on both sides', Buffer.alloc(64)],
    ['nothing', Buffer.alloc(0)],
  ])('does not take %s for UTF-16', (_, bytes) => {
    expect(isUtf16(bytes)).toBe(false);
  });
});
