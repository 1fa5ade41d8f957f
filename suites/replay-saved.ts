/**
 * Replays a saved failure: the same scenario, sent again, judged again. Used by the regression suite and by
 * `npm run replay`. It is judged by the semantics the backend shows now (the caller's context), not the one
 * saved: a regression file taken from a merge backend must not fail a correct replace backend.
 */
import type { Counterexample } from '../core/failure.ts';
import type { FailureFile } from '../core/failure-file.ts';
import type { RuleId } from '../core/rules.ts';
import type { ApiClient } from '../http/api-client.ts';
import type { JudgeContext } from './checks/check.ts';
import { judge } from './judge.ts';
import { expectationFor } from './scenarios/expectation.ts';
import { play } from './scenarios/play.ts';
import type { Scenario } from './scenarios/scenario.ts';

export interface Replayed {
  /** The failure as it shows now; absent once fixed. */
  failure?: Counterexample;
  judged: RuleId[];
}

export async function replaySaved(
  saved: FailureFile,
  checkId: string,
  client: ApiClient,
  ctx: JudgeContext,
): Promise<Replayed> {
  const scenario = saved.scenario as Scenario;
  const trace = await play(scenario, client);
  const { violations, judged } = judge(trace, scenario, ctx);
  const first = violations[0];
  if (!first) return { judged };
  return {
    judged,
    failure: {
      checkId,
      rule: first.rule,
      outcome: expectationFor(scenario, ctx.contract).outcome,
      violations,
      scenario,
      exchanges: trace.exchanges,
      seed: saved.seed,
      ...(saved.path !== undefined ? { path: saved.path } : {}),
      numRuns: 1,
      numShrinks: 0,
      putSemantics: ctx.semantics ?? 'unknown',
    },
  };
}
