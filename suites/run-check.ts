/**
 * Runs one conformance check: a fast-check property over generated scenarios (shrunk on failure), or a fixed
 * list of cases that must be tried every time. Violations of a rule already reported are muted and the
 * property is run again, so one run reports each broken rule, not only the first.
 */
import fc from 'fast-check';
import type { Counterexample, Violation } from '../core/failure.ts';
import type { RuleId } from '../core/rules.ts';
import type { CheckResult } from '../core/result.ts';
import { RunInterrupted, type ApiClient } from '../http/api-client.ts';
import type { JudgeContext } from './checks/check.ts';
import { comesBack } from './comes-back.ts';
import { judge } from './judge.ts';
import { expectationFor } from './scenarios/expectation.ts';
import { play, type Trace } from './scenarios/play.ts';
import type { Scenario } from './scenarios/scenario.ts';

export interface CheckSpec {
  id: string;
  title: string;
  suite: string;
  /** Rules this check is written for (what --only selects on). */
  rules: RuleId[];
}

export interface CheckRun {
  client: ApiClient;
  ctx: JudgeContext;
  /** fast-check's seed for this check, derived from the run's. */
  seed: number;
  /** The run's seed: what `npm start -- --seed` takes. */
  runSeed: number;
}

const MAX_ROUNDS = 6;

/**
 * What is muted once reported: a check's finding under one rule. A rejected valid body is one finding whether
 * it carried a null (B2) or not (B3), so the next round looks for another bug, not the same one relabelled.
 */
function muteKey(v: Violation): string {
  const rule =
    v.check === 'status_in_expected_set' && (v.rule === 'B2' || v.rule === 'B3') ? 'valid' : v.rule;
  return `${v.check}:${rule}`;
}
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
  details: { path?: string; numRuns: number; numShrinks: number; reproducedInRun: boolean },
): Counterexample {
  const first = failing.violations[0] as Violation;
  return {
    checkId: spec.id,
    rule: first.rule,
    outcome: expectationFor(failing.scenario, ctx.contract).outcome,
    violations: failing.violations,
    scenario: failing.scenario,
    exchanges: failing.trace.exchanges,
    seed,
    ...(details.path !== undefined ? { path: details.path } : {}),
    numRuns: details.numRuns,
    numShrinks: details.numShrinks,
    putSemantics: ctx.semantics ?? 'unknown',
    reproducedInRun: details.reproducedInRun,
  };
}

class Tally {
  readonly cases: Partial<Record<RuleId, number>> = {};
  add(rules: RuleId[]): void {
    for (const rule of rules) this.cases[rule] = (this.cases[rule] ?? 0) + 1;
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
    failures,
    durationMs: Math.round(performance.now() - started),
    ...(error !== undefined ? { error } : {}),
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
  // Once the run is stopped every request throws: the first throw ends the runs, and every shrink candidate
  // then passes, so fast-check ends at once instead of shrinking on a stopped run.
  let interrupted: RunInterrupted | undefined;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let lastFailing: Failing | undefined;
    let counting = true;
    let shrinkAttempts = 0;
    const property = fc.asyncProperty(arbitrary, async (scenario) => {
      if (interrupted || (!counting && ++shrinkAttempts > SHRINK_ATTEMPTS)) return true;
      let trace: Trace;
      try {
        trace = await play(scenario, run.client);
      } catch (error) {
        if (error instanceof RunInterrupted) interrupted = error;
        throw error;
      }
      const { violations, judged } = judge(trace, scenario, run.ctx);
      if (counting && round === 0) tally.add(judged);
      const fresh = violations.filter((v) => !muted.has(muteKey(v)));
      if (fresh.length === 0) return true;
      counting = false;
      lastFailing = { scenario, trace, violations: fresh };
      return false;
    });
    const details = await fc.check(property, { seed: run.seed, numRuns });
    if (interrupted) throw interrupted;
    if (!details.failed) break;
    if (!lastFailing) {
      const reason =
        details.errorInstance instanceof Error ? details.errorInstance.message : 'property failed';
      return result(spec, tally, failures, started, `the check itself failed: ${reason}`);
    }
    const reproducedInRun = await comesBack(lastFailing, run.client, run.ctx);
    failures.push(
      counterexample(spec, lastFailing, run.ctx, run.runSeed, {
        ...(details.counterexamplePath !== null ? { path: details.counterexamplePath } : {}),
        numRuns: details.numRuns,
        numShrinks: details.numShrinks,
        reproducedInRun,
      }),
    );
    for (const violation of lastFailing.violations) muted.add(muteKey(violation));
  }
  return result(spec, tally, failures, started);
}

/** Fixed cases: every case runs; the first failing case of each rule is reported. */
export async function runFixed(spec: CheckSpec, scenarios: Scenario[], run: CheckRun): Promise<CheckResult> {
  const started = performance.now();
  const tally = new Tally();
  const failures: Counterexample[] = [];
  const reported = new Set<string>();
  for (const [index, scenario] of scenarios.entries()) {
    const trace = await play(scenario, run.client);
    const { violations, judged } = judge(trace, scenario, run.ctx);
    tally.add(judged);
    const fresh = violations.filter((v) => !reported.has(muteKey(v)));
    if (fresh.length === 0) continue;
    for (const violation of fresh) reported.add(muteKey(violation));
    const reproducedInRun = await comesBack({ scenario, violations: fresh }, run.client, run.ctx);
    failures.push(
      counterexample(spec, { scenario, trace, violations: fresh }, run.ctx, run.runSeed, {
        path: `fixed:${index}`,
        numRuns: index + 1,
        numShrinks: 0,
        reproducedInRun,
      }),
    );
  }
  return result(spec, tally, failures, started);
}
