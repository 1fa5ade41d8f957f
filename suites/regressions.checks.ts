/**
 * The regression corpus: every saved failure file in the regressions folder is replayed first, with its exact
 * requests and recorded timing, on the run's own customers (file k on lane k mod N, the files side by side), and judged
 * again; each is reported under its own name. One that comes back fails the run; one not reproduced passes, and says so (a run cannot rebuild what
 * its customers went through, nor wait long for each file: at most REGRESSION_MAX_WAIT_MS per try).
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expect, test } from 'vitest';
import { notReproducedLine } from '../reporting/replay.ts';
import { readFailureFile } from './failure-file-io.ts';
import { recordResult, scheduledCheck, stoppedEarly } from './harness.ts';
import type { Lane } from './lanes.ts';
import { onLane } from './schedule.ts';
import { REPLAY_TRIES, replaySaved } from './replay-saved.ts';
import { suiteEnv } from './env.ts';

/** A regression waits less than `npm run replay` does: every run pays for it. */
const REGRESSION_MAX_WAIT_MS = 10_000;

/** Declares one check per saved failure file (called by the run's one vitest file, conformance.suite.ts). */
export function regressionChecks(): void {
  const env = suiteEnv();
  const dir = env.regressionsDir;
  const files =
    dir && existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.json'))
          .sort()
      : [];
  const wanted = (rule: string) =>
    env.only.length === 0 || env.only.includes('regressions') || env.only.includes(rule);

  for (const [index, name] of files.entries()) {
    const path = join(dir as string, name);
    const saved = readFailureFile(path);
    if (!wanted(saved.rule)) continue;
    const id = `regression:${basename(name, '.json')}`;
    // Regression k replays on lane k mod N, in a turn of that lane, so the files replay side by side.
    const check = scheduledCheck(async (h) => {
      const started = performance.now();
      const run = await h.run(id);
      const lane = run.lanes[index % run.lanes.length] as Lane;
      const outcome = await onLane(run.lanes, lane.index, () =>
        replaySaved(saved, id, {
          tries: REPLAY_TRIES,
          maxWaitMs: REGRESSION_MAX_WAIT_MS,
          setUp: async () => ({
            client: lane.client,
            ctx: lane.ctx,
            createdAt: env.lanes[lane.index]?.createdAt,
          }),
        }),
      );
      const failures = outcome.kind === 'still-failing' ? [outcome.failure] : [];
      return {
        id,
        title: `regression ${name}: ${saved.title}`,
        suite: 'regressions',
        rules: [saved.rule],
        cases: Object.fromEntries(outcome.judged.map((rule) => [rule, 1])),
        failures,
        durationMs: Math.round(performance.now() - started),
        ...(outcome.kind === 'not-reproduced'
          ? { notReproduced: { tries: outcome.tries, reasons: outcome.reasons } }
          : {}),
      };
    }, true);
    test(`${saved.rule} regression ${name}: ${saved.title}`, async ({ task, skip }) => {
      if (stoppedEarly(env)) {
        await check.settle();
        skip();
      }
      const result = await check.result();
      recordResult(env, result, task);
      if (result.notReproduced) {
        task.meta.note = notReproducedLine(result.notReproduced.tries, result.notReproduced.reasons);
      }
      expect(
        result.failures.flatMap((f) => f.violations.map((v) => `${v.rule} ${v.title}: ${v.received}`)),
      ).toEqual([]);
    });
  }
}
