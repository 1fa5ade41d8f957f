/** report.json's coverage: per field, each value class with what was sent, the answers and what was judged. */
import type { CoverageSummary } from '../core/coverage.ts';
import { cellReasonText, fieldsOf, ruleReasonText } from './coverage-view.ts';

export interface ReportCoverage {
  /** Whether a shortfall fails the gate (--require-coverage or the contract's coverage.require). */
  required: boolean;
  /** What was required and not reached: rule ids and "field:class". */
  shortfall: string[];
  rules: { rule: string; cases: number; reached: boolean; reason: string | null; exempt: boolean }[];
  fields: Record<
    string,
    {
      class: string;
      label: string;
      group: string;
      outcome: string;
      rule: string;
      sent: number;
      statuses: Record<string, number>;
      /** Cases whose stored value was compared (S1 echo, or S2 for omitted), read back (S4), kept after a 4xx (A1). */
      stored: number;
      readBack: number;
      unchanged: number;
      reached: boolean;
      reason: string | null;
      exempt: boolean;
    }[]
  >;
}

export function coverageJson(coverage: CoverageSummary | undefined): ReportCoverage | null {
  if (!coverage) return null;
  return {
    required: coverage.required,
    shortfall: coverage.shortfall,
    rules: coverage.rules.map((r) => ({
      rule: r.rule,
      cases: r.cases,
      reached: r.reached,
      reason: r.reached ? null : ruleReasonText(r),
      exempt: r.exempt,
    })),
    fields: Object.fromEntries(
      fieldsOf(coverage).map((field) => [
        field,
        coverage.cells
          .filter((c) => c.field === field)
          .map((c) => ({
            class: c.class,
            label: c.label,
            group: c.group,
            outcome: c.outcome,
            rule: c.rule,
            ...c.tally,
            reached: c.reached,
            reason: c.reached ? null : cellReasonText(c),
            exempt: c.exempt,
          })),
      ]),
    ),
  };
}
