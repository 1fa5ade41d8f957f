/**
 * Replays a saved failure: the same scenario, its whole request sequence, with the recorded spacing and the
 * customer as old as it was, judged again, several times before it concludes. Used by the regression suite
 * and by `npm run replay`. It is judged by the semantics the backend shows now (the caller's context), not
 * the one saved: a regression file taken from a merge backend must not fail a correct replace backend.
 *
 * Three outcomes: still failing (it came back in some try); fixed (no try failed, and every condition the file
 * records was rebuilt for a failure that came back when the run played it again); not reproduced (no try
 * failed, but a condition could not be rebuilt, or the failure did not come back even in the run).
 */
import type { Counterexample } from '../core/failure.ts';
import type { FailureFile } from '../core/failure-file.ts';
import type { RuleId } from '../core/rules.ts';
import type { ApiClient } from '../http/api-client.ts';
import type { JudgeContext } from './checks/check.ts';
import { judge } from './judge.ts';
import { pacer, type CreatedAt } from './replay-timing.ts';
import { expectationFor } from './scenarios/expectation.ts';
import { play } from './scenarios/play.ts';
import type { Scenario } from './scenarios/scenario.ts';

/** Tries before a replay concludes, and the most it waits in one try: its default bounds. */
export const REPLAY_TRIES = 3;
export const REPLAY_MAX_WAIT_MS = 30_000;

/** Where one try runs: a client with its fixtures, how to judge, and when the fixtures were created. */
export interface ReplaySetup {
  client: ApiClient;
  ctx: JudgeContext;
  createdAt: CreatedAt | undefined;
  /** Called after the try (e.g. fresh fixtures put away). */
  release?: () => Promise<void>;
}

export interface ReplayOptions {
  tries: number;
  maxWaitMs: number;
  /** The conditions of one try: fresh fixtures each time, or the run's own. */
  setUp(attempt: number): Promise<ReplaySetup>;
  onWait?: ((line: string) => void) | undefined;
}

export type ReplayOutcome =
  | { kind: 'still-failing'; failure: Counterexample; tries: number; judged: RuleId[] }
  | { kind: 'fixed'; tries: number; judged: RuleId[]; notes: string[] }
  | { kind: 'not-reproduced'; tries: number; judged: RuleId[]; reasons: string[] };

export async function replaySaved(
  saved: FailureFile,
  checkId: string,
  options: ReplayOptions,
): Promise<ReplayOutcome> {
  const scenario = saved.scenario as Scenario;
  const shortfalls = new Set<string>();
  const judgedAll = new Set<RuleId>();
  for (let attempt = 1; attempt <= options.tries; attempt++) {
    const { client, ctx, createdAt, release } = await options.setUp(attempt);
    try {
      const onWait =
        options.onWait && ((line: string) => options.onWait?.(`try ${attempt} of ${options.tries}: ${line}`));
      const pace = pacer(saved.timing, { createdAt, maxWaitMs: options.maxWaitMs, onWait });
      const trace = await play(scenario, client, (step) => pace.pace(step));
      pace.shortfalls().forEach((s) => shortfalls.add(s));
      const { violations, judged } = judge(trace, scenario, ctx);
      judged.forEach((rule) => judgedAll.add(rule));
      const first = violations[0];
      if (first) {
        const failure: Counterexample = {
          checkId,
          rule: first.rule,
          outcome: expectationFor(scenario, ctx.contract).outcome,
          violations,
          scenario,
          exchanges: trace.exchanges,
          seed: saved.seed,
          ...(saved.path !== undefined ? { path: saved.path } : {}),
          numRuns: attempt,
          numShrinks: 0,
          putSemantics: ctx.semantics ?? 'unknown',
        };
        return { kind: 'still-failing', failure, tries: attempt, judged };
      }
    } finally {
      await release?.();
    }
  }
  const judged = [...judgedAll];
  const reasons = [...shortfalls];
  if (saved.reproducedInRun === false)
    reasons.push('it did not come back when the run played the case again either');
  if (reasons.length > 0) return { kind: 'not-reproduced', tries: options.tries, judged, reasons };
  const notes = saved.timing
    ? []
    : ['the file records no timing (written by an older version): replayed without waits'];
  return { kind: 'fixed', tries: options.tries, judged, notes };
}
