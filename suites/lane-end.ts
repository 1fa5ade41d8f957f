/**
 * The end-of-run read of every lane's customers, judged by S6 (checks/lane-customers-kept.ts): a backend that
 * writes to the wrong customer is caught across lanes too, not only within a case.
 */
import type { Counterexample } from '../core/failure.ts';
import type { RuleId } from '../core/rules.ts';
import type { CheckResult } from '../core/result.ts';
import { laneCustomerKept } from './checks/lane-customers-kept.ts';
import type { Lane } from './lanes.ts';
import type { CheckSpec } from './run-check.ts';
import { expectationFor } from './scenarios/expectation.ts';

export const LANE_END_SPEC: CheckSpec = {
  id: 'isolation-at-end',
  title: 'at the end of the run every lane’s customers hold what their own lane last wrote',
  suite: 'stateful',
  rules: ['S6'],
};

/** Judges one lane's customers; a lane that played nothing has nothing to hold and is not judged. */
async function judgeLane(lane: Lane, runSeed: number): Promise<{ judged: number; failure?: Counterexample }> {
  const scenario = lane.lastScenario;
  if (!scenario) return { judged: 0 };
  const aliases = (['A', 'B'] as const).filter((alias) => lane.client.options.fixtures[alias] !== undefined);
  let judged = 0;
  for (const alias of aliases) {
    const seen = lane.lastSeen[alias];
    const expected = seen?.data ?? lane.ctx.initial[alias];
    if (!expected) continue;
    const final = await lane.client.send(
      { op: 'read', target: { fixture: alias }, auth: 'valid' },
      'final-read',
    );
    judged++;
    const violations = laneCustomerKept(
      {
        lane: lane.index,
        alias,
        expected,
        ...(seen?.written ? { written: seen.written } : {}),
        ...(seen ? { seen: seen.seen } : {}),
        final,
      },
      lane.ctx.contract,
    );
    if (violations.length === 0) continue;
    const shown = [seen?.written, seen?.seen, final].filter(
      (e, i, all) => e !== undefined && all.indexOf(e) === i,
    );
    return {
      judged,
      failure: {
        checkId: LANE_END_SPEC.id,
        rule: 'S6',
        outcome: expectationFor(scenario, lane.ctx.contract).outcome,
        violations,
        // The lane's last case: what its customer should still show. The write that changed it came from
        // another lane, so this failure shows with `npm start -- --seed` rather than replayed alone.
        scenario,
        exchanges: shown.filter((e) => e !== undefined).sort((a, b) => a.seq - b.seq),
        seed: runSeed,
        path: 'end-of-run',
        numRuns: 1,
        numShrinks: 0,
        putSemantics: lane.ctx.semantics ?? 'unknown',
        lane: lane.index,
      },
    };
  }
  return { judged };
}

/** Reads every lane's customers at once; reports the first lane (in lane order) whose customer changed. */
export async function judgeLanesAtEnd(lanes: Lane[], runSeed: number): Promise<CheckResult> {
  const started = performance.now();
  const spec = LANE_END_SPEC;
  let judged: number;
  let failures: Counterexample[];
  try {
    const outcomes = await Promise.all(lanes.map((lane) => judgeLane(lane, runSeed)));
    judged = outcomes.reduce((sum, o) => sum + o.judged, 0);
    failures = outcomes.flatMap((o) => (o.failure ? [o.failure] : [])).slice(0, 1);
  } catch (error) {
    return {
      ...spec,
      cases: {},
      failures: [],
      durationMs: Math.round(performance.now() - started),
      error: `the check itself failed: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const cases: Partial<Record<RuleId, number>> = judged > 0 ? { S6: judged } : {};
  return { ...spec, cases, failures, durationMs: Math.round(performance.now() - started) };
}
