import { describe, expect, it } from 'vitest';
import { parseListingsConfig } from '../../src/lib/ingest/listings-config.ts';

describe('parseListingsConfig', () => {
  it('reads each listing\'s capture day, with the line of its name', () => {
    expect([...parseListingsConfig('# days\na.txt:\n  captured: 2025-12-11\nb.txt: {}\n', 'listings.yaml')]).toEqual([
      ['a.txt', { captured: '2025-12-11', line: 2 }],
      ['b.txt', { line: 4 }],
    ]);
  });

  it.each([
    ['a.txt:\n  captured: 2025-12-11\nb.txt:\n  captured: 2025-13-45\n', 'listings.yaml:4: "captured" for "b.txt" must be a day written YYYY-MM-DD'],
    ['a.txt:\n  captured: March 10 2025\n', 'listings.yaml:2: "captured" for "a.txt" must be a day written YYYY-MM-DD'],
    ['a.txt:\n  captured: 2025-12-11\n  capture: 2025-12-11\n', 'listings.yaml:3: unknown key "capture" for "a.txt" (did you mean "captured"?); a listing takes captured'],
    ['a.txt:\n  colour: red\n', 'listings.yaml:2: unknown key "colour" for "a.txt"; a listing takes captured'],
    ['captured: 2025-12-11\n', 'listings.yaml:1: "captured" is a setting of one listing: write it under the listing\'s file name, e.g. "000_listing.txt: { captured: ... }"'],
    ['a.txt: 2025-12-11\n', 'listings.yaml:1: settings for "a.txt" must be a mapping, e.g. "captured: 2025-12-11"'],
  ])('names the line at fault', (source, message) => {
    expect(() => parseListingsConfig(source, 'listings.yaml')).toThrow(expect.objectContaining({ message }));
  });
});
