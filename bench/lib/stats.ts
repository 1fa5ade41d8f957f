/** Small numeric and table helpers for the benchmark's output. */

export interface Spread {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function spread(values: number[]): Spread {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return { median: NaN, min: NaN, max: NaN, n: 0 };
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { median, min: sorted[0] as number, max: sorted[sorted.length - 1] as number, n: sorted.length };
}

/** A number with a fixed count of decimals, or "n/a". */
export function fmt(value: number, decimals = 1): string {
  return Number.isFinite(value) ? value.toFixed(decimals) : 'n/a';
}

/** "median (min–max)", or the single value when there is one. */
export function fmtSpread(s: Spread, decimals = 1, unit = ''): string {
  if (s.n === 0) return 'n/a';
  if (s.n === 1 || s.min === s.max) return `${fmt(s.median, decimals)}${unit}`;
  return `${fmt(s.median, decimals)}${unit} (${fmt(s.min, decimals)}–${fmt(s.max, decimals)})`;
}

export type Row = string[];

/** A markdown table; printed as it is on the console too (it reads well in both). */
export function table(header: Row, rows: Row[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: Row) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** Wall-clock milliseconds on one clock shared by the backend marks and the child-process timings. */
export const now = (): number => performance.timeOrigin + performance.now();
