/**
 * Contract coverage: what the run reached. The suites record, per field and value class, what was sent and
 * what came of it (CheckResult.coverage); the runner sums that up with the rules' case counts and says, for
 * each class and rule, whether it was reached and why not (RunResult.coverage); reporting/ formats it.
 */
import type { Outcome, RuleId } from './rules.ts';

/** What became of the values of one class sent in one field. */
export interface ClassTally {
  /** Cases that sent it. */
  sent: number;
  /** Answers to those cases by status ("200", "422"; "none" for no answer). */
  statuses: Record<string, number>;
  /** After a 2xx: the answer's value was compared with the rule (S1 echo, or S2 for an omitted field). */
  stored: number;
  /** After a 2xx: a GET's value was compared with the answer (S4). */
  readBack: number;
  /** After a 4xx: the customer was compared with its state before (A1). */
  unchanged: number;
}

/** field → value class id → tally. */
export type ValueCoverage = Record<string, Record<string, ClassTally>>;

export interface CoverageCell {
  field: string;
  /** Value class id (generators/value-class.ts) and its label. */
  class: string;
  label: string;
  group: 'envelope' | 'null' | 'omitted' | 'wrong-type' | 'outside';
  outcome: Outcome;
  rule: RuleId;
  /** each-field: required in every field; any-field: required in some field (generators/value-class.ts). */
  reach: 'each-field' | 'any-field';
  tally: ClassTally;
  reached: boolean;
  /** Why not reached (reporting/coverage-view.ts says it in words, with the statuses seen). */
  reason?: CellReason;
  /** Listed in the contract's coverage.exempt, or its rule was not asked for: never a shortfall. */
  exempt: boolean;
}

/** One value class over every field it applies to: reached as its `reach` says. */
export interface ClassCoverage {
  class: string;
  label: string;
  group: CoverageCell['group'];
  outcome: Outcome;
  rule: RuleId;
  reach: CoverageCell['reach'];
  /** Summed over the fields. */
  tally: ClassTally;
  reached: boolean;
  /** any-field: why no field reached it (each-field: see each missing cell's reason). */
  reason?: CellReason;
  /** The cells that keep it from being reached: each-field, those not reached; any-field, all when none was. */
  missing: CoverageCell[];
  /** Every missing cell is exempt. */
  exempt: boolean;
}

/**
 * never-sent: no case held it; never-answered: no answer came; refused: every answer was a 4xx (or other
 * non-2xx), so what the backend stores was never seen; not-compared: accepted, but no check compared the stored
 * value (e.g. the case's baseline was refused); rule-not-run: its rule was not selected (--only) or --bail stopped.
 */
export type CellReason = 'never-sent' | 'never-answered' | 'refused' | 'not-compared' | 'rule-not-run';

/** not-selected: --only left it out; bailed: --bail stopped the run first; no-case: no case got to its checks. */
export type RuleReason = 'not-selected' | 'bailed' | 'no-case';

export interface RuleCoverage {
  rule: RuleId;
  cases: number;
  reached: boolean;
  reason?: RuleReason;
  exempt: boolean;
}

export interface CoverageSummary {
  /** --require-coverage or the contract's coverage.require: a shortfall fails the gate (exit 2). */
  required: boolean;
  cells: CoverageCell[];
  classes: ClassCoverage[];
  rules: RuleCoverage[];
  /** What is required and not reached: rule ids, any-field class ids ("nfd"), each-field "field:class". */
  shortfall: string[];
}
