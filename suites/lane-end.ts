/**
 * S6 across lanes (checks/lane-customers-kept.ts): a change to a lane's customer between two of its reads with
 * no write of its own between, seen at any time in the run, and an end-of-run read of every lane's customers.
 * A backend that writes to the wrong customer is caught across lanes too, not only within a case.
 */
import type { Counterexample } from '../core/failure.ts';
import type { RuleId } from '../core/rules.ts';
import type { CheckResult } from '../core/result.ts';
import type { Exchange } from '../core/exchange.ts';
import { laneCustomerKept, type KeptInput } from './checks/lane-customers-kept.ts';
import { withFingerprints } from './fingerprint.ts';
import type { Lane } from './lanes.ts';
import type { CheckSpec } from './run-check.ts';
import { expectationFor } from './scenarios/expectation.ts';
import type { Scenario } from './scenarios/scenario.ts';

export const LANE_END_SPEC: CheckSpec = {
  id: 'isolation-at-end',
  title: 'at the end of the run every lane’s customers hold what their own lane last wrote',
  suite: 'stateful',
  rules: ['S6'],
};

/** The lane's failure, shown with the exchanges that make it. */
function laneFailure(
  lane: Lane,
  scenario: Scenario,
  input: KeptInput,
  runSeed: number,
): Counterexample | undefined {
  const shownIn = [input.written, input.seen, input.final].filter((e): e is Exchange => e !== undefined);
  const violations = withFingerprints(laneCustomerKept(input, lane.ctx.contract), scenario, shownIn);
  if (violations.length === 0) return undefined;
  const shown = [input.written, input.seen, input.final].filter(
    (e, i, all): e is Exchange => e !== undefined && all.indexOf(e) === i,
  );
  return {
    checkId: LANE_END_SPEC.id,
    rule: 'S6',
    outcome: expectationFor(scenario, lane.ctx.contract).outcome,
    violations,
    // The lane's last case: what its customer should still show. The write that changed it came from
    // another lane, so this failure shows with `npm start -- --seed` rather than replayed alone.
    scenario,
    exchanges: shown.sort((a, b) => a.seq - b.seq),
    seed: runSeed,
    path: 'end-of-run',
    numRuns: 1,
    numShrinks: 0,
    putSemantics: lane.ctx.semantics ?? 'unknown',
    lane: lane.index,
    // The lane's last case alone cannot bring back a write from another lane: a replay must not say FIXED.
    reproducedInRun: false,
  };
}

/**
 * Judges one lane's customers: first whether one changed between two of the lane's reads with no write of its
 * own between (seen during the run), then a final read of each against the lane's last read. A customer the
 * lane wrote after its last read (a PUT with no read-back, or one that got no answer) has no known state and is
 * not judged; a lane that played nothing has nothing to hold.
 */
async function judgeLane(lane: Lane, runSeed: number): Promise<{ judged: number; failure?: Counterexample }> {
  const scenario = lane.lastScenario;
  if (!scenario) return { judged: 0 };
  const { drift } = lane;
  if (drift) {
    const { before } = drift;
    const input: KeptInput = {
      lane: lane.index,
      alias: drift.alias,
      expected: before.data,
      seen: before.seen,
      final: drift.after,
      when: `when read again (request #${drift.after.seq})`,
      ...(before.written ? { written: before.written } : {}),
    };
    const failure = laneFailure(lane, scenario, input, runSeed);
    if (failure) return { judged: 1, failure };
  }
  const aliases = (['A', 'B'] as const).filter((alias) => lane.client.options.fixtures[alias] !== undefined);
  let judged = 0;
  for (const alias of aliases) {
    const seen = lane.lastSeen[alias];
    if (!seen && lane.lastWrite[alias]) continue;
    const expected = seen?.data ?? lane.ctx.initial[alias];
    if (!expected) continue;
    const final = await lane.client.send(
      { op: 'read', target: { fixture: alias }, auth: 'valid' },
      'final-read',
    );
    // No answer or a 5xx is R2's to report, not a sign of another lane's write.
    if (final.response === undefined || final.response.status >= 500) continue;
    judged++;
    const input: KeptInput = {
      lane: lane.index,
      alias,
      expected,
      final,
      ...(seen?.written ? { written: seen.written } : {}),
      ...(seen ? { seen: seen.seen } : {}),
    };
    const failure = laneFailure(lane, scenario, input, runSeed);
    if (failure) return { judged, failure };
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
