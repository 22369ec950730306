import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { titleKey, words } from '../../src/lib/ingest/normalise.ts';

describe('words', () => {
  it('lowercases, splits on anything but letters and digits, and keeps no empty token', () => {
    expect(words('Self-Improving AGENTS, 2024!  (v2)')).toEqual(['self', 'improving', 'agents', '2024', 'v2']);
    expect(words('Ｆｕｌｌｗｉｄｔｈ Café\u00ADs zero\u200Bwidth')).toEqual(['fullwidth', 'cafés', 'zerowidth']);
  });

  it('tokenises ASCII text (its fast path) as it does the same text among other characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 60 }), (ascii) => {
        // A non-ASCII word after a space sends the whole text down the general path.
        expect(words(`${ascii} é`)).toEqual([...words(ascii), 'é']);
      }),
      { numRuns: 500 },
    );
  });
});

describe('titleKey', () => {
  it('keys titles on their letters and digits, case, punctuation, spacing and invisible characters aside', () => {
    expect(titleKey('Self-Play: Fine-Tuning  LLMs!')).toBe('self play fine tuning llms');
    expect(titleKey('ＳＥＬＦ\u00ADplay — fine\u200Btuning LLMs')).toBe('selfplay finetuning llms');
    expect(titleKey('  ?!  ...  ')).toBe('?! ...');
  });

  it('keys an ASCII title (its fast path) as it does the same title with a non-ASCII space after it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 60 }), (ascii) => {
        // The no-break space sends the title down the general path, where NFKC makes it a space.
        expect(titleKey(`${ascii}\u00a0`)).toBe(titleKey(ascii));
      }),
      { numRuns: 1000 },
    );
  });
});
