/** Applies every registered check that has something to judge in a trace. */
import type { Violation } from '../core/failure.ts';
import type { RuleId } from '../core/rules.ts';
import { ruleOf, type JudgeContext } from './checks/check.ts';
import { CHECKS } from './checks/registry.ts';
import { withFingerprints } from './fingerprint.ts';
import type { Trace } from './scenarios/play.ts';
import type { Scenario } from './scenarios/scenario.ts';

export interface Judgement {
  violations: Violation[];
  /** Rules whose checks judged this trace: each counts one case. */
  judged: RuleId[];
  /** Names of the checks that judged it (what coverage records). */
  applied: string[];
}

export function judge(trace: Trace, scenario: Scenario, ctx: JudgeContext): Judgement {
  const violations: Violation[] = [];
  const judged = new Set<RuleId>();
  const applied: string[] = [];
  for (const check of CHECKS.all()) {
    if (!check.applies(trace, scenario, ctx)) continue;
    applied.push(check.name);
    judged.add(ruleOf(check, scenario, ctx));
    const found = check.run(trace, scenario, ctx);
    const attributed = ctx.written ? ctx.written.attribute(found, trace.exchanges) : found;
    violations.push(...withFingerprints(attributed, scenario, trace.exchanges));
  }
  return { violations, judged: [...judged], applied };
}
