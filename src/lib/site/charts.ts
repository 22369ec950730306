/**
 * Data and layout for the home page's charts, drawn at build time as inline SVG.
 * Pure: counts in, coordinates out (in SVG user units); the component only draws
 * what these return, and shows the same numbers as tables.
 */
import { plural } from './papers.ts';

export interface Datum {
  key: string;
  label: string;
  value: number;
}

export interface Bar extends Datum {
  /** The bar's rectangle. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Baseline of the label (right-aligned at `labelX`) and of the value (left-aligned at `valueX`). */
  textY: number;
  labelX: number;
  valueX: number;
}

export interface BarChartLayout {
  width: number;
  height: number;
  /** Largest value (at least 1): the full bar length. */
  max: number;
  bars: Bar[];
  /** Vertical grid lines, at round values. */
  ticks: { value: number; x: number }[];
  /** The x where bars start and their full length. */
  plotX: number;
  plotWidth: number;
}

export interface BarChartOptions {
  width?: number;
  /** Room for the labels, left of the bars. */
  labelWidth?: number;
  /** Room for the values, right of the longest bar. */
  valueWidth?: number;
  barHeight?: number;
  gap?: number;
}

/** A horizontal bar chart, one bar per datum in the given order. */
export function barChart(data: readonly Datum[], options: BarChartOptions = {}): BarChartLayout {
  const { width = 640, valueWidth = 48, barHeight = 18, gap = 6 } = options;
  const labelWidth = options.labelWidth ?? labelRoom(data.map((datum) => datum.label));
  const plotX = labelWidth + 8;
  const plotWidth = Math.max(1, width - plotX - valueWidth);
  const max = Math.max(1, ...data.map((datum) => datum.value));
  const scale = (value: number) => round((Math.max(0, value) / max) * plotWidth);
  const bars = data.map((datum, i) => {
    const y = i * (barHeight + gap);
    const barWidth = scale(datum.value);
    return {
      ...datum,
      x: plotX,
      y,
      width: barWidth,
      height: barHeight,
      textY: round(y + barHeight * 0.72),
      labelX: labelWidth,
      valueX: round(plotX + barWidth + 6),
    };
  });
  const height = Math.max(barHeight, data.length * (barHeight + gap) - gap);
  return { width, height, max, bars, ticks: niceTicks(max).map((value) => ({ value, x: round(plotX + scale(value)) })), plotX, plotWidth };
}

/** Round tick values from 0 to at most `max` (about five of them). */
export function niceTicks(max: number, target = 5): number[] {
  if (max <= 0) return [0];
  const rough = max / target;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((candidate) => candidate >= rough) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let value = 0; value <= max + 1e-9; value += step) ticks.push(round(value));
  return ticks;
}

export interface YearCounts {
  /** Every year from the first to the last known one (gaps as 0), oldest first. */
  years: { year: number; count: number }[];
  /** Papers whose year is not known. */
  unknown: number;
}

/** Papers per year from ISO dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`); anything else counts as unknown. */
export function countByYear(dates: readonly (string | undefined)[]): YearCounts {
  const counts = new Map<number, number>();
  let unknown = 0;
  for (const date of dates) {
    const m = /^(\d{4})(?:-\d{2}(?:-\d{2})?)?$/.exec(date ?? '');
    if (!m) {
      unknown += 1;
      continue;
    }
    const year = Number(m[1]);
    counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  if (counts.size === 0) return { years: [], unknown };
  const first = Math.min(...counts.keys());
  const last = Math.max(...counts.keys());
  const years = [];
  for (let year = first; year <= last; year++) years.push({ year, count: counts.get(year) ?? 0 });
  return { years, unknown };
}

/**
 * Below this share of papers with a known year, years describe a few papers, not the list: a
 * Hugging Face listing gives no year for the year it was copied (371 of the 394 seed papers).
 */
export const KNOWN_YEAR_SHARE = 0.5;

export interface YearCoverage {
  /** Papers with a known year. */
  dated: number;
  total: number;
  /** Whether most papers have a known year, so that years (a chart, "newest first") describe the list. */
  telling: boolean;
}

export function yearCoverage(dated: number, total: number): YearCoverage {
  return { dated, total, telling: total === 0 || dated / total >= KNOWN_YEAR_SHARE };
}

/** "Only 23 of 394 papers have a known year" (`where`: " in this theme"). */
function onlyDated({ dated, total }: YearCoverage, where: string): string {
  return `Only ${dated} of ${plural(total, 'paper')}${where} ${dated === 1 ? 'has' : 'have'} a known year`;
}

/** Under the chart of papers per year: what it counts, and, when few papers have a year, that it is not the list's history. */
export function yearChartNote(coverage: YearCoverage): string {
  const { dated, total } = coverage;
  const undated = total - dated;
  if (!coverage.telling) {
    return `${onlyDated(coverage, '')} (the listings give none for the others): the chart counts ${dated === 1 ? 'that one' : `those ${dated}`}, and does not show how the list grew.`;
  }
  return `${plural(dated, 'paper')} with a known year; ${plural(undated, 'paper has', 'papers have')} no known year (the listing gives none) and ${undated === 1 ? 'is' : 'are'} not counted.`;
}

/**
 * Beside a list in date order (newest first), when few of its papers have a known year: those come
 * first, then the others by title (`comparePapers`). Undefined when years describe the list.
 */
export function dateOrderNote(coverage: YearCoverage, where = ''): string | undefined {
  if (coverage.telling) return undefined;
  if (coverage.dated === 0) return `No paper${where} has a known year: "newest first" lists them by title.`;
  return `${onlyDated(coverage, where)}: ${coverage.dated === 1 ? 'it comes' : 'they come'} first, newest first; the others follow by title.`;
}

/**
 * Co-occurrence counts: `matrix[i][j]` is the number of papers in both theme i and
 * theme j (so `matrix[i][i]` is the number of papers in theme i). Unknown theme ids
 * are ignored; a theme listed twice on one paper counts once.
 */
export function overlapMatrix(themeIds: readonly string[], paperThemes: readonly (readonly string[])[]): number[][] {
  const index = new Map(themeIds.map((id, i) => [id, i]));
  const matrix = themeIds.map(() => themeIds.map(() => 0));
  for (const themes of paperThemes) {
    const positions = [...new Set(themes.flatMap((id) => (index.has(id) ? [index.get(id)!] : [])))];
    for (const i of positions) for (const j of positions) matrix[i][j] += 1;
  }
  return matrix;
}

export interface HeatmapCell {
  row: number;
  col: number;
  value: number;
  x: number;
  y: number;
  size: number;
  /** 0..1: value relative to the largest off-diagonal value (0 on the diagonal). */
  intensity: number;
  diagonal: boolean;
}

export interface HeatmapLayout {
  width: number;
  height: number;
  cellSize: number;
  cells: HeatmapCell[];
  /** Right-aligned at `x`, baseline `y`. */
  rowLabels: { label: string; x: number; y: number }[];
  /** Start of each column label, to be rotated by `columnLabelAngle` degrees around (x, y). */
  columnLabels: { label: string; x: number; y: number }[];
  columnLabelAngle: number;
}

export interface HeatmapOptions {
  width?: number;
  labelWidth?: number;
  /** Room above the grid for the rotated column labels. */
  headerHeight?: number;
  maxCellSize?: number;
}

/** A square grid for an n×n matrix (rows and columns share `labels`). */
export function heatmap(labels: readonly string[], matrix: readonly (readonly number[])[], options: HeatmapOptions = {}): HeatmapLayout {
  const { width = 640, maxCellSize = 40 } = options;
  const columnLabelAngle = -55;
  const labelWidth = options.labelWidth ?? labelRoom(labels);
  const headerHeight = options.headerHeight ?? Math.ceil(labelRoom(labels) * Math.sin((-columnLabelAngle * Math.PI) / 180)) + 12;
  const n = labels.length;
  const gridX = labelWidth + 8;
  const cellSize = n === 0 ? maxCellSize : Math.min(maxCellSize, Math.floor((width - gridX) / n));
  let maxOff = 0;
  matrix.forEach((row, i) => row.forEach((value, j) => i !== j && (maxOff = Math.max(maxOff, value))));
  const cells: HeatmapCell[] = [];
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      const value = matrix[row]?.[col] ?? 0;
      const diagonal = row === col;
      cells.push({
        row,
        col,
        value,
        x: gridX + col * cellSize,
        y: headerHeight + row * cellSize,
        size: cellSize,
        intensity: diagonal || maxOff === 0 ? 0 : round(value / maxOff),
        diagonal,
      });
    }
  }
  return {
    // Room on the right for the slanted labels of the last columns.
    width: Math.max(width, Math.ceil(gridX + n * cellSize + labelRoom(labels) * Math.cos((columnLabelAngle * Math.PI) / 180))),
    height: headerHeight + n * cellSize,
    cellSize,
    cells,
    rowLabels: labels.map((label, i) => ({ label, x: labelWidth, y: round(headerHeight + i * cellSize + cellSize * 0.62) })),
    columnLabels: labels.map((label, i) => ({ label, x: round(gridX + i * cellSize + cellSize * 0.62), y: headerHeight - 6 })),
    columnLabelAngle,
  };
}

/** Average advance of a character of the charts' 13px sans-serif text, in user units. */
export const CHAR_WIDTH = 7;

/**
 * Room for labels: the longest label's estimated width (at CHAR_WIDTH per character),
 * between 40 and 280 units (the SVG scales down on narrow screens).
 */
export function labelRoom(labels: readonly string[]): number {
  const longest = Math.max(0, ...labels.map((label) => [...label].length));
  return Math.min(280, Math.max(40, Math.ceil(longest * CHAR_WIDTH) + 4));
}

/** Coordinates with at most two decimals, so the SVG stays small and builds stay byte-identical. */
function round(value: number): number {
  return Math.round(value * 100) / 100;
}
