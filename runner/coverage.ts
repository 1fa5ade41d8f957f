/**
 * What the run reached: the suites' per-field, per-class tallies and the rules' case counts, judged as reached
 * or not (and why not), with the contract's exemptions. A class is reached when the part of its rule that
 * matters was judged at least once: for a value a backend must or may store, that it came back as stored; for
 * a value it must refuse, that it was answered.
 */
import type { Contract } from '../contracts/load.ts';
import type {
  CellReason,
  ClassCoverage,
  ClassTally,
  CoverageCell,
  CoverageSummary,
  RuleCoverage,
  RuleReason,
} from '../core/coverage.ts';
import type { CheckResult, RuleSummary } from '../core/result.ts';
import type { RuleId } from '../core/rules.ts';
import { classesFor, type ValueClass } from '../generators/value-class.ts';
import { mergeCoverage, sumTallies } from '../suites/coverage.ts';

export interface CoverageOptions {
  /** --require-coverage (or the contract's coverage.require). */
  required: boolean;
  /** --only: the rules of the checks it left out, and their value classes, are not required. */
  only: readonly string[];
  /** --bail stopped the run: what was not run is no shortfall of the backend's (the verdict is 1 anyway). */
  bailed: boolean;
}

const EMPTY: ClassTally = { sent: 0, statuses: {}, stored: 0, readBack: 0, unchanged: 0 };

const accepted = (tally: ClassTally) =>
  Object.entries(tally.statuses).some(([status, n]) => n > 0 && /^2\d\d$/.test(status));

function whyNotReached(kind: Pick<ValueClass, 'outcome'>, tally: ClassTally): CellReason | undefined {
  if (tally.sent === 0) return 'never-sent';
  if (kind.outcome === 'MUST-REJECT')
    return tally.sent > (tally.statuses['none'] ?? 0) ? undefined : 'never-answered';
  if (tally.stored > 0) return undefined;
  return accepted(tally) ? 'not-compared' : 'refused';
}

function ruleReason(rule: RuleSummary, options: CoverageOptions): RuleReason {
  if (options.bailed) return 'bailed';
  if (options.only.length > 0 && !options.only.includes(rule.rule)) return 'not-selected';
  return 'no-case';
}

export function coverageOf(
  checks: readonly CheckResult[],
  rules: readonly RuleSummary[],
  contract: Contract,
  options: CoverageOptions,
): CoverageSummary {
  const merged = mergeCoverage(checks.map((check) => check.coverage));
  const exempt = new Set(contract.tolerances.coverage?.exempt ?? []);
  // Under --only (or after --bail) what was asked for is the rules of the checks that ran (what --only selects
  // on) and the rules it names: a rule outside them, and its value classes, are not required.
  const ran = new Set(checks.flatMap((check) => check.rules));
  const unasked = (rule: RuleId) =>
    (options.only.length > 0 || options.bailed) && !ran.has(rule) && !options.only.includes(rule);

  const cells: CoverageCell[] = contract.fields.updatable.flatMap((field) =>
    classesFor(contract, field).map((kind) => {
      const tally = merged[field]?.[kind.id] ?? EMPTY;
      const why = whyNotReached(kind, tally);
      const reason = why !== undefined && unasked(kind.rule) ? 'rule-not-run' : why;
      return {
        field,
        class: kind.id,
        label: kind.label,
        group: kind.group,
        outcome: kind.outcome,
        rule: kind.rule,
        reach: kind.reach,
        tally,
        reached: reason === undefined,
        ...(reason === undefined ? {} : { reason }),
        exempt:
          exempt.has(kind.rule) ||
          exempt.has(kind.id) ||
          exempt.has(`${field}:${kind.id}`) ||
          unasked(kind.rule),
      };
    }),
  );
  const ruleCoverage: RuleCoverage[] = rules.map((r) => ({
    rule: r.rule,
    cases: r.cases,
    reached: r.cases > 0,
    ...(r.cases > 0 ? {} : { reason: ruleReason(r, options) }),
    exempt: exempt.has(r.rule) || unasked(r.rule),
  }));
  const classes = classCoverage(cells, unasked);
  const shortfall = [
    ...ruleCoverage.filter((r) => !r.reached && !r.exempt).map((r) => r.rule),
    ...classes.flatMap((c) => {
      if (c.reached || c.exempt) return [];
      if (c.reach === 'any-field') return [c.class];
      return c.missing.filter((cell) => !cell.exempt).map((cell) => `${cell.field}:${cell.class}`);
    }),
  ];
  return { required: options.required, cells, classes, rules: ruleCoverage, shortfall };
}

function classCoverage(cells: readonly CoverageCell[], unasked: (rule: RuleId) => boolean): ClassCoverage[] {
  const byClass = new Map<string, CoverageCell[]>();
  for (const cell of cells) byClass.set(cell.class, [...(byClass.get(cell.class) ?? []), cell]);
  return [...byClass.values()].map((of) => {
    const first = of[0] as CoverageCell;
    const missing =
      first.reach === 'each-field' ? of.filter((c) => !c.reached) : of.some((c) => c.reached) ? [] : of;
    const tally = sumTallies(of.map((c) => c.tally));
    const why = first.reach === 'any-field' && missing.length > 0 ? whyNotReached(first, tally) : undefined;
    const reason = why !== undefined && unasked(first.rule) ? 'rule-not-run' : why;
    return {
      class: first.class,
      label: first.label,
      group: first.group,
      outcome: first.outcome,
      // A class's rule can differ by field (null is B1 in a required field, B2 in an optional one).
      rule: (missing[0] ?? first).rule,
      reach: first.reach,
      tally,
      reached: missing.length === 0,
      ...(reason === undefined ? {} : { reason }),
      missing,
      exempt: missing.length > 0 && missing.every((c) => c.exempt),
    };
  });
}
