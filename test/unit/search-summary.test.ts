import { describe, expect, it } from 'vitest';
import { matchSummary, unloadedSummary } from '../../src/lib/site/search.ts';

describe('the line above the search results', () => {
  it('counts the matches, and says nothing without words', () => {
    expect([matchSummary(0, 'agents'), matchSummary(1, 'agents'), matchSummary(12, 'agents'), matchSummary(3, '')]).toEqual([
      'No paper matches “agents”.',
      '1 paper matches “agents”.',
      '12 papers match “agents”.',
      '',
    ]);
  });

  it('says how many of the results could not be loaded, in words that fit the count', () => {
    expect([unloadedSummary(1, 1), unloadedSummary(1, 10), unloadedSummary(2, 20), unloadedSummary(10, 12)]).toEqual([
      'It could not be loaded; try again later.',
      'One of them could not be loaded; try again later.',
      '2 of them could not be loaded; try again later.',
      '10 of them could not be loaded; try again later.',
    ]);
  });
});
