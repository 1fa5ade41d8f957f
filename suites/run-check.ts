/**
 * Runs one conformance check: a fast-check property over generated scenarios (shrunk on failure), or a fixed
 * list of cases that must be tried every time. Violations of a rule already reported are muted and the
 * property is run again, so one run reports each broken rule, not only the first.
 *
 * Cases are spread over the lanes (lanes.ts). A property's values are drawn up front with fc.sample, which
 * gives exactly the values fc.check would try, in order; the round's first failure (lowest index) is shrunk
 * on its own lane with fc.check(path = its index) while the other lanes finish, so its path still replays.
 */
import fc from 'fast-check';
import type { Counterexample, Violation } from '../core/failure.ts';
import { fingerprintOfViolation } from '../core/finding.ts';
import type { RuleId } from '../core/rules.ts';
import type { CheckResult } from '../core/result.ts';
import { RunInterrupted, type ApiClient } from '../http/api-client.ts';
import type { JudgeContext } from './checks/check.ts';
import { comesBack } from './comes-back.ts';
import { CoverageTally } from './coverage.ts';
import { markedByReplay, nullIsTheCase } from './fingerprint.ts';
import { withCauses } from './cause-probes.ts';
import { judge } from './judge.ts';
import { FirstFailure, spread, type Lane } from './lanes.ts';
import { onLane } from './schedule.ts';
import { expectationFor } from './scenarios/expectation.ts';
import type { Trace } from './scenarios/play.ts';
import type { Scenario } from './scenarios/scenario.ts';

export interface CheckSpec {
  id: string;
  title: string;
  suite: string;
  /** Rules this check is written for (what --only selects on). */
  rules: RuleId[];
}

export interface CheckRun {
  /** Lane 0's client and context (for what runs on one lane: regressions, the semantics probe). */
  client: ApiClient;
  ctx: JudgeContext;
  /** Every lane; cases are spread over them. */
  lanes: Lane[];
  /** fast-check's seed for this check, derived from the run's. */
  seed: number;
  /** The run's seed: what `npm start -- --seed` takes. */
  runSeed: number;
  /** --bail: the first failure found is enough; no further rounds look for other bugs. */
  bail: boolean;
  /** --baseline or --write-baseline: search up to DEEP_ROUNDS rounds instead of MAX_ROUNDS. */
  deep?: boolean;
}

/**
 * The search budget: each round plays the check's cases, shrinks and reports the first failure showing a
 * finding not yet reported, and mutes that finding; the check ends at a round that finds nothing new, or
 * after this many rounds. With a baseline (or writing one) a check has more rounds: a known finding takes a
 * round without ending the search, so a new bug in the same check, rule or field is still found.
 */
export const MAX_ROUNDS = 6;
export const DEEP_ROUNDS = 12;

/**
 * What is muted once reported: the finding (core/finding.ts), so the next round looks for another bug, not the
 * same one again, and a second bug under the same rule and check (trimming, then case-folding) is still found.
 */
export const muteKey = (v: Violation): string => fingerprintOfViolation(v);
/**
 * Requests a shrink may cost are bounded: past this many shrink attempts every further candidate counts as
 * passing, so fast-check stops at the smallest failing case found so far (long strings shrink slowly).
 */
const SHRINK_ATTEMPTS = 120;

interface Failing {
  scenario: Scenario;
  trace: Trace;
  violations: Violation[];
}

function counterexample(
  spec: CheckSpec,
  failing: Failing,
  ctx: JudgeContext,
  seed: number,
  details: {
    path?: string;
    numRuns: number;
    numShrinks: number;
    lane: number;
    cameBack: ReadonlySet<string>;
  },
): Counterexample {
  const first = failing.violations[0] as Violation;
  return {
    checkId: spec.id,
    rule: first.rule,
    outcome: expectationFor(failing.scenario, ctx.contract).outcome,
    violations: markedByReplay(
      failing.violations,
      details.cameBack,
      failing.scenario,
      failing.trace.exchanges,
      ctx.written,
    ),
    scenario: failing.scenario,
    exchanges: failing.trace.exchanges,
    seed,
    ...(details.path !== undefined ? { path: details.path } : {}),
    numRuns: details.numRuns,
    numShrinks: details.numShrinks,
    putSemantics: ctx.semantics ?? 'unknown',
    lane: details.lane,
    reproducedInRun: details.cameBack.size > 0,
  };
}

class Tally {
  readonly cases: Partial<Record<RuleId, number>> = {};
  readonly coverage = new CoverageTally();
  add(
    rules: RuleId[],
    judged?: { trace: Trace; scenario: Scenario; applied: string[]; ctx: JudgeContext },
  ): void {
    for (const rule of rules) this.cases[rule] = (this.cases[rule] ?? 0) + 1;
    if (judged) this.coverage.add(judged.trace, judged.scenario, judged.applied, judged.ctx);
  }
}

function result(
  spec: CheckSpec,
  tally: Tally,
  failures: Counterexample[],
  started: number,
  error?: string,
): CheckResult {
  return {
    id: spec.id,
    title: spec.title,
    suite: spec.suite,
    rules: spec.rules,
    cases: tally.cases,
    ...(Object.keys(tally.coverage.fields).length > 0 ? { coverage: tally.coverage.fields } : {}),
    failures,
    durationMs: Math.round(performance.now() - started),
    ...(error !== undefined ? { error } : {}),
  };
}

/** Values are drawn this many at a time: enough to keep the lanes busy, few enough not to stall them. */
const CHUNK = 32;

/**
 * The value at each index of what fc.check(property, { seed, numRuns }) would try, in its order: fc.sample
 * with a path starting at an index gives exactly those, so they are drawn a chunk at a time, as lanes need
 * them (a run of --runs 100000 does not draw them all first). A chunk is dropped once every value is taken.
 */
function drawn<T>(arbitrary: fc.Arbitrary<T>, seed: number, numRuns: number): (index: number) => T {
  const chunks = new Map<number, { values: T[]; taken: number }>();
  return (index) => {
    const start = index - (index % CHUNK);
    let chunk = chunks.get(start);
    if (!chunk) {
      const values = fc.sample(arbitrary, {
        seed,
        path: String(start),
        numRuns: Math.min(CHUNK, numRuns - start),
      });
      chunk = { values, taken: 0 };
      chunks.set(start, chunk);
    }
    if (++chunk.taken >= chunk.values.length) chunks.delete(start);
    return chunk.values[index - start] as T;
  };
}

const fresh = (violations: Violation[], muted: Set<string>): Violation[] =>
  violations.filter((v) => !muted.has(muteKey(v)));

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * A failure played again at once, alone (suites/comes-back.ts: which of its findings come back), unless shrinking
 * already saw it pass; then, for what came back, what caused it where a probe can tell (suites/cause-probes.ts: a
 * null in a crash, the body in a refusal).
 */
async function playedAgain(
  failing: Failing,
  lane: Lane,
  again: boolean,
): Promise<{ cameBack: Set<string>; failing: Failing }> {
  const cameBack = again ? await comesBack(failing, lane.client, lane.ctx) : new Set<string>();
  const violations = await withCauses(
    failing.violations,
    cameBack,
    failing.trace.exchanges,
    lane.client,
    nullIsTheCase(failing.scenario),
  );
  return { cameBack, failing: { ...failing, violations } };
}

/** Shrinks a failure on its lane: fast-check replays the value at `index` of the seed, then shrinks it. */
async function shrink(
  arbitrary: fc.Arbitrary<Scenario>,
  index: number,
  first: Failing,
  lane: Lane,
  run: CheckRun,
  muted: Set<string>,
): Promise<{ failing: Failing; path: string; numShrinks: number; cameBack: boolean }> {
  let failing = first;
  // A shrink keeps the finding it started from: the smaller case must show one of the same fingerprints.
  const sought = new Set(first.violations.map(muteKey));
  let replayed = false;
  let shrinkAttempts = 0;
  let thrown: unknown;
  const property = fc.asyncProperty(arbitrary, async (scenario) => {
    if (replayed && ++shrinkAttempts > SHRINK_ATTEMPTS) return true;
    replayed = true;
    try {
      const trace = await lane.play(scenario);
      const found = fresh(judge(trace, scenario, lane.ctx).violations, muted);
      if (!found.some((v) => sought.has(muteKey(v)))) return true;
      failing = { scenario, trace, violations: found };
      return false;
    } catch (error) {
      thrown ??= error;
      return true;
    }
  });
  // numRuns 1: with a path, fast-check counts from it, so only the failing value is replayed (then shrunk).
  const details = await fc.check(property, { seed: run.seed, numRuns: 1, path: String(index) });
  if (thrown !== undefined) throw thrown;
  // A case that passes when replayed (a flaky backend) is reported as first seen, at its own index.
  const path =
    details.failed && details.counterexamplePath !== null ? details.counterexamplePath : String(index);
  return {
    failing: details.failed ? failing : first,
    path,
    numShrinks: details.failed ? details.numShrinks : 0,
    cameBack: details.failed,
  };
}

export async function runProperty(
  spec: CheckSpec,
  arbitrary: fc.Arbitrary<Scenario>,
  numRuns: number,
  run: CheckRun,
): Promise<CheckResult> {
  const started = performance.now();
  const tally = new Tally();
  const failures: Counterexample[] = [];
  const muted = new Set<string>();
  const scenarioAt = drawn(arbitrary, run.seed, numRuns);
  try {
    for (let round = 0; round < (run.bail ? 1 : run.deep ? DEEP_ROUNDS : MAX_ROUNDS); round++) {
      const first = new FirstFailure(run.lanes.length);
      let reported: Counterexample | undefined;
      // The reported failure's violations as judged: muted too when reported under another fingerprint.
      let judgedAs: Violation[] = [];
      await spread(
        numRuns,
        run.lanes,
        async (lane, index) => {
          first.starting(lane.index, index);
          const scenario = scenarioAt(index);
          const trace = await lane.play(scenario);
          const { violations, judged, applied } = judge(trace, scenario, lane.ctx);
          if (round === 0) tally.add(judged, { trace, scenario, applied, ctx: lane.ctx });
          const found = fresh(violations, muted);
          if (found.length === 0) return true;
          // A lane stops at its own first failure; only the round's first one is shrunk and reported.
          if (!(await first.failed(lane.index, index))) return false;
          const shrunk = await shrink(
            arbitrary,
            index,
            { scenario, trace, violations: found },
            lane,
            run,
            muted,
          );
          // A case that passed when fast-check replayed it has already shown it did not come back.
          const again = await playedAgain(shrunk.failing, lane, shrunk.cameBack);
          judgedAs = shrunk.failing.violations;
          reported = counterexample(spec, again.failing, lane.ctx, run.runSeed, {
            path: shrunk.path,
            numRuns: index + 1,
            numShrinks: shrunk.numShrinks,
            lane: lane.index,
            cameBack: again.cameBack,
          });
          return false;
        },
        (lane) => first.ended(lane.index),
      );
      const found: Counterexample | undefined = reported;
      if (!found) break;
      failures.push(found);
      for (const violation of [...found.violations, ...judgedAs]) muted.add(muteKey(violation));
    }
  } catch (error) {
    // A stopped run (interrupted, or the backend went silent) is no failure of the check: the runner says why.
    if (error instanceof RunInterrupted) throw error;
    return result(spec, tally, failures, started, `the check itself failed: ${reason(error)}`);
  }
  return result(spec, tally, failures, started);
}

/** Fixed cases: every case runs; the first failing case of each rule (in index order) is reported. */
export async function runFixed(spec: CheckSpec, scenarios: Scenario[], run: CheckRun): Promise<CheckResult> {
  const started = performance.now();
  const tally = new Tally();
  const failures: Counterexample[] = [];
  const reported = new Set<string>();
  const played: { trace: Trace; violations: Violation[]; judged: RuleId[]; applied: string[]; lane: Lane }[] =
    [];
  try {
    await spread(scenarios.length, run.lanes, async (lane, index) => {
      const scenario = scenarios[index] as Scenario;
      const trace = await lane.play(scenario);
      played[index] = { ...judge(trace, scenario, lane.ctx), trace, lane };
      return true;
    });
  } catch (error) {
    if (error instanceof RunInterrupted) throw error;
    return result(spec, tally, failures, started, `the check itself failed: ${reason(error)}`);
  }
  for (const [index, scenario] of scenarios.entries()) {
    const { trace, violations, judged, applied, lane } = played[index] as (typeof played)[number];
    tally.add(judged, { trace, scenario, applied, ctx: lane.ctx });
    const found = fresh(violations, reported);
    if (found.length === 0) continue;
    for (const violation of found) reported.add(muteKey(violation));
    // Played again in a turn of its lane: another check may be playing there by now (schedule.ts).
    const again = await onLane(run.lanes, lane.index, () =>
      playedAgain({ scenario, trace, violations: found }, lane, true),
    );
    const failure = counterexample(spec, again.failing, lane.ctx, run.runSeed, {
      path: `fixed:${index}`,
      numRuns: index + 1,
      numShrinks: 0,
      lane: lane.index,
      cameBack: again.cameBack,
    });
    for (const violation of failure.violations) reported.add(muteKey(violation));
    failures.push(failure);
  }
  return result(spec, tally, failures, started);
}
