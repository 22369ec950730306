import { describe, expect, it } from 'vitest';
import { counted } from '../../src/lib/ingest/counted.ts';

describe('counted', () => {
  it.each([
    [0, '0 entries'],
    [1, '1 entry'],
    [2, '2 entries'],
  ])('writes %i in agreement', (count, text) => {
    expect(counted(count, 'entry', 'entries')).toBe(text);
  });
});
