import { describe, expect, it } from 'vitest';
import { filteredOutSummary, filteredSummary, matchSummary, unloadedSummary } from '../../src/lib/site/search.ts';

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

  it('says when the filters emptied a search, which filters, and how many papers match without them', () => {
    expect([
      filteredOutSummary('x', [{ label: 'Theme', values: ['Agents'] }], 1),
      filteredOutSummary('x', [{ label: 'Theme', values: ['Agents'] }, { label: 'Year', values: ['2024', '2023'] }], 7),
    ]).toEqual([
      'No paper matches “x” with the filter Theme: Agents; 1 paper matches without it.',
      'No paper matches “x” with the filters Theme: Agents, Year: 2024 or 2023; 7 papers match without them.',
    ]);
  });

  it('says how many papers ticked filters let through when no words are searched', () => {
    expect([
      filteredSummary(12, [{ label: 'Theme', values: ['Skills'] }]),
      filteredSummary(1, [{ label: 'Theme', values: ['Skills', 'Agents'] }]),
      filteredSummary(0, [{ label: 'Theme', values: ['Skills'] }, { label: 'Tag', values: ['rl'] }]),
    ]).toEqual(['12 papers with the filter Theme: Skills.', '1 paper with the filters Theme: Skills or Agents.', 'No paper with the filters Theme: Skills, Tag: rl.']);
  });
});
