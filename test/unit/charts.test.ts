import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { barChart, countByYear, dateOrderNote, heatmap, KNOWN_YEAR_SHARE, labelRoom, niceTicks, overlapMatrix, yearChartNote, yearCoverage } from '../../src/lib/site/charts.ts';

describe('countByYear', () => {
  test('counts known years, fills gaps with 0 and counts the rest as unknown', () => {
    expect(countByYear(['2021-05-01', '2023', '2023-01', undefined, 'Jun 26', '2021'])).toEqual({
      years: [
        { year: 2021, count: 2 },
        { year: 2022, count: 0 },
        { year: 2023, count: 2 },
      ],
      unknown: 2,
    });
    expect(countByYear([undefined])).toEqual({ years: [], unknown: 1 });
  });
});

describe('overlapMatrix', () => {
  test('is symmetric, its diagonal counts each theme, a repeated theme counts once, unknown ids are ignored', () => {
    const matrix = overlapMatrix(['a', 'b', 'c'], [['a', 'b'], ['a', 'a'], ['b', 'c', 'zzz'], ['c']]);
    expect(matrix).toEqual([
      [2, 1, 0],
      [1, 2, 1],
      [0, 1, 2],
    ]);
  });
});

describe('barChart', () => {
  test('bars are proportional, the largest fills the plot, everything fits the width', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ key: fc.string(), label: fc.string({ maxLength: 50 }), value: fc.nat(500) }), { minLength: 1, maxLength: 20 }), (data) => {
        const chart = barChart(data);
        const max = Math.max(1, ...data.map((datum) => datum.value));
        expect(chart.bars).toHaveLength(data.length);
        for (const [i, bar] of chart.bars.entries()) {
          expect(bar.value).toBe(data[i].value);
          expect(bar.width).toBeCloseTo((data[i].value / max) * chart.plotWidth, 1);
          expect(bar.x + bar.width).toBeLessThanOrEqual(chart.width);
          expect(bar.y + bar.height).toBeLessThanOrEqual(chart.height);
        }
        if (max > 0 && data.some((datum) => datum.value === max)) {
          expect(Math.max(...chart.bars.map((bar) => bar.width))).toBeCloseTo(chart.plotWidth, 1);
        }
      }),
    );
  });

  test('ticks are round values within the range', () => {
    expect(niceTicks(224)).toEqual([0, 50, 100, 150, 200]);
    expect(niceTicks(11)).toEqual([0, 5, 10]);
    expect(niceTicks(0)).toEqual([0]);
  });

  test('label room grows with the longest label, within bounds', () => {
    expect(labelRoom(['ab'])).toBe(40);
    expect(labelRoom(['x'.repeat(20)])).toBe(144);
    expect(labelRoom(['x'.repeat(500)])).toBe(280);
  });
});

describe('heatmap', () => {
  test('one cell per pair inside the drawing; intensity 0..1 relative to the largest off-diagonal count', () => {
    const labels = ['Alpha', 'Beta', 'Gamma'];
    const matrix = overlapMatrix(['a', 'b', 'c'], [['a', 'b'], ['a', 'b'], ['b', 'c'], ['a']]);
    const grid = heatmap(labels, matrix);
    expect(grid.cells).toHaveLength(9);
    for (const cell of grid.cells) {
      expect(cell.value).toBe(matrix[cell.row][cell.col]);
      expect(cell.x + cell.size).toBeLessThanOrEqual(grid.width);
      expect(cell.y + cell.size).toBeLessThanOrEqual(grid.height);
      expect(cell.intensity).toBeGreaterThanOrEqual(0);
      expect(cell.intensity).toBeLessThanOrEqual(1);
    }
    expect(grid.cells.find((cell) => cell.row === 0 && cell.col === 1)!.intensity).toBe(1);
    expect(grid.cells.find((cell) => cell.row === 1 && cell.col === 2)!.intensity).toBe(0.5);
    expect(grid.cells.filter((cell) => cell.diagonal).every((cell) => cell.intensity === 0)).toBe(true);
    expect(grid.rowLabels.map((label) => label.label)).toEqual(labels);
  });
});

describe('yearCoverage and what a list says about its dates', () => {
  test('years describe the list when at least half of its papers have one', () => {
    expect(yearCoverage(23, 394).telling).toBe(false);
    expect(yearCoverage(KNOWN_YEAR_SHARE * 394, 394).telling).toBe(true);
    expect(yearCoverage(196, 394).telling).toBe(false);
    expect(yearCoverage(394, 394).telling).toBe(true);
    expect(yearCoverage(0, 0).telling).toBe(true);
  });

  test('when few papers have a year, the chart and date-ordered lists say how few', () => {
    const few = yearCoverage(23, 394);
    expect(yearChartNote(few)).toBe(
      'Only 23 of 394 papers have a known year (the listings give none for the others): the chart counts those 23, and does not show how the list grew.',
    );
    expect(dateOrderNote(few)).toBe('Only 23 of 394 papers have a known year: they come first, newest first; the others follow by title.');
    expect(dateOrderNote(yearCoverage(1, 12), ' in this theme')).toBe('Only 1 of 12 papers in this theme has a known year: it comes first, newest first; the others follow by title.');
    expect(dateOrderNote(yearCoverage(0, 5))).toBe('No paper has a known year: "newest first" lists them by title.');
  });

  test('when most papers have a year, the chart counts the rest apart and lists need no note', () => {
    const most = yearCoverage(300, 394);
    expect(yearChartNote(most)).toBe('300 papers with a known year; 94 papers have no known year (the listing gives none) and are not counted.');
    expect(yearChartNote(yearCoverage(2, 3))).toBe('2 papers with a known year; 1 paper has no known year (the listing gives none) and is not counted.');
    expect(dateOrderNote(most)).toBeUndefined();
  });
});
