/** The console's coverage lines: one line of counts (and what was not reached), and the gate's when required. */
import type { RunResult } from '../core/result.ts';
import { coverageGateLine, coverageLine } from './coverage-view.ts';

export function coverageConsoleLines(result: RunResult): string[] {
  if (!result.coverage) return [];
  const gate = coverageGateLine(result.coverage);
  return ['', coverageLine(result.coverage), ...(gate === undefined ? [] : [gate])];
}
