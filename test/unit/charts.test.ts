import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { barChart, countByYear, heatmap, labelRoom, niceTicks, overlapMatrix } from '../../src/lib/site/charts.ts';

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
