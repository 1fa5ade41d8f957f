/**
 * A check is one small named function over (context, trace, scenario) that returns the violations it finds
 * of its rule. Conditions for running a check are wrappers (see conditions.ts), not ifs inside each check.
 */
import type { Contract } from '../../contracts/load.ts';
import type { Violation } from '../../core/failure.ts';
import type { RuleId } from '../../core/rules.ts';
import type { Trace } from '../scenarios/play.ts';
import type { Scenario } from '../scenarios/scenario.ts';
import type { WrittenValues } from '../written-values.ts';

export type Resolved = 'merge' | 'replace' | undefined;

export interface JudgeContext {
  contract: Contract;
  /** The PUT semantics the backend showed (or the contract pinned); undefined when unknown. */
  semantics: Resolved;
  /** Documented fields of each fixture at the start of the run. */
  initial: Partial<Record<'A' | 'B', Record<string, unknown>>>;
  /** Which customer each value was sent to, run-wide: a value another customer was sent is a leak (S6). */
  written?: WrittenValues;
}

export interface Check {
  name: string;
  /** The rule it holds; a function when the scenario decides (a status check blames the case's rule). */
  rule: RuleId | ((scenario: Scenario, ctx: JudgeContext) => RuleId);
  /** Whether the check has anything to judge in this trace. */
  applies(trace: Trace, scenario: Scenario, ctx: JudgeContext): boolean;
  run(trace: Trace, scenario: Scenario, ctx: JudgeContext): Violation[];
}

export function ruleOf(check: Check, scenario: Scenario, ctx: JudgeContext): RuleId {
  return typeof check.rule === 'function' ? check.rule(scenario, ctx) : check.rule;
}
