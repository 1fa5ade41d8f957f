/** Writes each counterexample as failures/<rule>-<n>.json: what a backend developer needs to replay it. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Counterexample } from '../core/failure.ts';
import { INVOCATION } from '../core/invocation.ts';
import { FAILURE_FORMAT, type FailureFile } from '../core/failure-file.ts';
import { fingerprintsOf } from '../core/finding.ts';
import type { CheckResult } from '../core/result.ts';
import { caseTiming } from '../suites/replay-timing.ts';
import { stepsOf } from '../suites/scenarios/play.ts';
import type { Scenario } from '../suites/scenarios/scenario.ts';
import type { FixtureSet } from './fixtures.ts';

export function toFailureFile(
  failure: Counterexample,
  title: string,
  fixtures: FixtureSet,
  replay: string,
): FailureFile {
  const scenario = failure.scenario as Scenario;
  const hasB = fixtures.ids.B !== undefined;
  const timing = caseTiming(scenario, failure.exchanges, fixtures.createdAt, hasB);
  return {
    format: FAILURE_FORMAT,
    rule: failure.rule,
    checkId: failure.checkId,
    title,
    outcome: failure.outcome,
    seed: failure.seed,
    ...(failure.path !== undefined ? { path: failure.path } : {}),
    numRuns: failure.numRuns,
    numShrinks: failure.numShrinks,
    putSemantics: failure.putSemantics,
    ...(failure.lane !== undefined ? { lane: failure.lane } : {}),
    fixtures: fixtures.createBodies,
    scenario,
    requests: stepsOf(scenario, hasB).flatMap((step) => step.specs),
    exchanges: failure.exchanges,
    violations: failure.violations,
    fingerprints: fingerprintsOf(failure),
    ...(timing !== undefined ? { timing } : {}),
    ...(failure.reproducedInRun !== undefined ? { reproducedInRun: failure.reproducedInRun } : {}),
    replay,
  };
}

/** Writes every failure file; returns each counterexample's path relative to the report directory. */
export function writeFailureFiles(
  checks: CheckResult[],
  reportDir: string,
  lanes: FixtureSet[],
): Map<Counterexample, string> {
  const paths = new Map<Counterexample, string>();
  const counters = new Map<string, number>();
  const dir = join(reportDir, 'failures');
  for (const check of checks) {
    for (const failure of check.failures) {
      const n = (counters.get(failure.rule) ?? 0) + 1;
      counters.set(failure.rule, n);
      const file = join(dir, `${failure.rule}-${n}.json`);
      const shown = relative(process.cwd(), file);
      const replay = `${INVOCATION.replay} ${shown.startsWith('..') || shown === '' ? file : shown}`;
      const title = failure.violations[0]?.title ?? check.title;
      mkdirSync(dir, { recursive: true });
      // A failure holds its own lane's customers: replayed, it needs no other lane.
      const fixtures = lanes[failure.lane ?? 0] ?? (lanes[0] as FixtureSet);
      writeFileSync(file, JSON.stringify(toFailureFile(failure, title, fixtures, replay), null, 2) + '\n');
      paths.set(failure, `failures/${failure.rule}-${n}.json`);
    }
  }
  return paths;
}
