/**
 * The thin adapter between the conformance checks and vitest: each check becomes one vitest test that runs it,
 * writes its typed result for the runner's reports, and fails the test with the violations found.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type TaskMeta } from 'vitest';
import { loadContract, type Contract } from '../contracts/load.ts';
import type { CheckResult } from '../core/result.ts';
import { ApiClient, pathFor } from '../http/api-client.ts';
import { THROTTLE_FILE } from './throttle-file.ts';
import { ExchangeLog } from '../http/exchange-log.ts';
import { OutageWatch } from '../http/outage.ts';
import type { JudgeContext, Resolved } from './checks/check.ts';
import { suiteEnv, type SuiteEnv } from './env.ts';
import { Lane } from './lanes.ts';
import type fc from 'fast-check';
import { runFixed, runProperty, type CheckRun, type CheckSpec } from './run-check.ts';
import { CheckSchedule, LaneQueue, scopeOf, withScope, type CheckScope } from './schedule.ts';
import type { Scenario } from './scenarios/scenario.ts';
import { seedFor } from './seeds.ts';
import { WrittenValues } from './written-values.ts';
import { resolveSemantics } from './semantics.ts';
import { isNoAnswer } from './checks/no-server-error.ts';

export interface Harness {
  env: SuiteEnv;
  contract: Contract;
  /** Lane 0's client: what runs on one lane (regressions, the semantics probe) runs there. */
  client: ApiClient;
  /** Every lane, each with its own customers and judging context (see lanes.ts). */
  lanes(): Promise<Lane[]>;
  /** The PUT semantics to judge by: pinned by the contract, or shown by the backend's probe. */
  semantics(): Promise<Resolved>;
  run(checkId: string): Promise<CheckRun>;
  /** Each lane's queue of turns: checks that overlap take turns on a lane (schedule.ts). */
  queues: LaneQueue[];
}

let shared: Harness | undefined;

/** Lane 0: the pair regressions, the semantics probe and the id spellings work on. */
export function firstLane(env: SuiteEnv): SuiteEnv['lanes'][number] {
  const lane = env.lanes[0];
  if (!lane) throw new Error('the runner hands the suites at least one lane of customers');
  return lane;
}

export function harness(): Harness {
  if (shared) return shared;
  const env = suiteEnv();
  // The runner has loaded and checked this folder already (a bad contract never reaches the suites).
  const contract = loadContract(env.contractDir, { schemasChecked: true });
  // The worker loads the contract afresh: the run's --put-semantics (already in env) must override it here too.
  contract.tolerances.putSemantics = env.putSemantics;
  const written = new WrittenValues();
  const base = new ApiClient({
    baseUrl: env.baseUrl,
    token: env.token,
    contract,
    timeoutMs: env.timeoutMs,
    concurrency: env.concurrency,
    fixtures: firstLane(env).fixtures,
    log: new ExchangeLog(env.exchangeLog),
    abortFile: env.abortFile,
    // For the runner's summary: how many 429s, and where the number in flight settled.
    onThrottle: (state) => {
      mkdirSync(env.resultsDir, { recursive: true });
      writeFileSync(join(env.resultsDir, THROTTLE_FILE), JSON.stringify(state));
    },
    outage: new OutageWatch(env.outageFile, env.abortFile),
    onSend: (path, body) => written.record(path, body),
  });
  const laneEnvs = env.lanes;
  // The judging context is filled in once the semantics are known; the lanes' clients exist from the start.
  const contexts: JudgeContext[] = laneEnvs.map((lane) => ({
    contract,
    semantics: undefined,
    initial: lane.initial,
    written,
  }));
  for (const lane of laneEnvs) {
    for (const alias of ['A', 'B'] as const) {
      if (lane.fixtures[alias] === undefined) continue;
      const target = { fixture: alias };
      const paths = (['read', 'update'] as const).map((op) =>
        pathFor({ op, target, auth: 'valid' }, contract, lane.fixtures),
      );
      written.addCustomer(paths, lane.initial[alias]);
    }
  }
  const laneList = laneEnvs.map(
    (lane, index) =>
      new Lane(index, base.forLane({ fixtures: lane.fixtures }), contexts[index] as JudgeContext),
  );
  const client = (laneList[0] as Lane).client;
  let resolved: Promise<Resolved> | undefined;
  const semantics = (): Promise<Resolved> => (resolved ??= resolveSemantics(contract, client, env.seed));
  const lanes = async (): Promise<Lane[]> => {
    const shown = await semantics();
    for (const ctx of contexts) ctx.semantics = shown;
    return laneList;
  };
  const run = async (checkId: string): Promise<CheckRun> => {
    const all = await lanes();
    const first = all[0] as Lane;
    return {
      client,
      ctx: first.ctx,
      lanes: all,
      seed: seedFor(env.seed, checkId),
      runSeed: env.seed,
      bail: env.bail,
      deep: env.deepSearch ?? false,
    };
  };
  const queues = laneList.map(() => new LaneQueue());
  shared = { env, contract, client, lanes, semantics, run, queues };
  return shared;
}

export function selected(env: SuiteEnv, spec: CheckSpec): boolean {
  if (env.only.length === 0) return true;
  return env.only.some(
    (item) => item === spec.suite || item === spec.id || spec.rules.some((rule) => rule === item),
  );
}

function summary(result: CheckResult): string[] {
  const lines = result.failures.flatMap((failure) =>
    failure.violations.map((v) => `${v.rule} ${v.title}: received ${v.received}; expected ${v.expected}`),
  );
  return result.error ? [result.error, ...lines] : lines;
}

declare module 'vitest' {
  interface TaskMeta {
    /** Scenarios the check judged, for the runner's progress lines. */
    cases?: number;
    /** Said beside the check's progress line (e.g. a regression not reproduced). */
    note?: string;
  }
}

/**
 * Whether the checks left must send nothing: the run was interrupted or the backend went silent (the runner
 * says why), or under --bail a check has already found a violation.
 */
export function stoppedEarly(env: SuiteEnv): boolean {
  return existsSync(env.abortFile) || (env.bail && existsSync(env.bailFile));
}

/**
 * Hands a check's result to the runner (a JSON file) and its case count to the progress lines; under --bail,
 * a result with a failure stops the checks after it.
 */
export function recordResult(env: SuiteEnv, result: CheckResult, task: { meta: TaskMeta }): void {
  mkdirSync(env.resultsDir, { recursive: true });
  writeFileSync(
    join(env.resultsDir, `${result.id.replace(/[^a-zA-Z0-9_.-]/g, '_')}.json`),
    JSON.stringify(result),
  );
  if (env.bail && result.failures.length > 0 && !existsSync(env.bailFile))
    writeFileSync(env.bailFile, result.id);
  task.meta.cases = Math.max(0, ...Object.values(result.cases));
}

const schedule = new CheckSchedule<CheckResult>();

/** The harness as one check launched by the schedule sees it: its runs hand it lanes marked with its scope. */
function scoped(h: Harness, scope: CheckScope | undefined): Harness {
  if (!scope) return h;
  return {
    ...h,
    run: async (checkId) => {
      const run = await h.run(checkId);
      return { ...run, lanes: withScope([...run.lanes], scope) };
    },
  };
}

/**
 * A check in the run's schedule (schedule.ts): `overlaps` when every use it makes of the lanes goes through
 * spread or onLane, so it may run alongside the checks before and after it. `result()` is called in its test:
 * it starts the check unless it has started already, and resolves to its result; `settle()` waits for one
 * started early whose test is skipped (the run was stopped).
 */
export function scheduledCheck(
  body: (h: Harness) => Promise<CheckResult>,
  overlaps: boolean,
): { result(): Promise<CheckResult>; settle(): Promise<void> } {
  const env = suiteEnv();
  const entry = schedule.add((scope) => body(scoped(harness(), scope)), overlaps);
  return {
    // Under --bail the checks after a violation must send nothing: none is launched before its test.
    result: () => schedule.begin(entry, () => harness().queues, !env.bail),
    settle: () => schedule.settle(entry),
  };
}

/** Declares a check as a vitest test named after its rules (`overlaps`: see scheduledCheck). */
export function conformanceCheck(
  spec: CheckSpec,
  body: (h: Harness) => Promise<CheckResult>,
  overlaps = false,
): void {
  const env = suiteEnv();
  if (!selected(env, spec)) return;
  const check = scheduledCheck(body, overlaps);
  test(`${spec.rules.join(' ')} ${spec.title}`, async ({ task, skip }) => {
    // Stopped (interrupted, or the backend went silent): the checks left send nothing and report nothing.
    if (stoppedEarly(env)) {
      await check.settle();
      skip();
    }
    const result = cutByStop(env, await check.result());
    recordResult(env, result, task);
    expect(summary(result)).toEqual([]);
  });
}

/**
 * A check whose result comes after the run stopped (interrupted, or the backend went silent while another check
 * overlapping it was sending): a request of it left unanswered is the stop's, which the runner reports, not an R2
 * finding of the check. Its other failures stand.
 */
function cutByStop(env: SuiteEnv, result: CheckResult): CheckResult {
  if (!existsSync(env.abortFile)) return result;
  const failures = result.failures
    .map((failure) => ({
      ...failure,
      violations: failure.violations.filter((v) => !isNoAnswer(v)),
    }))
    .filter((failure) => failure.violations.length > 0);
  return { ...result, failures };
}

/** A quarter of --runs (at least 10): for checks whose cases each cost several requests or repeat a theme. */
export const quarterRuns = (h: Harness): number => Math.max(10, Math.ceil(h.env.runs / 4));

/** A property over generated scenarios; `runs` defaults to the run's --runs. */
export function propertyCheck(
  spec: CheckSpec,
  arbitrary: (h: Harness) => fc.Arbitrary<Scenario>,
  runs: (h: Harness) => number = (h) => h.env.runs,
): void {
  conformanceCheck(spec, async (h) => runProperty(spec, arbitrary(h), runs(h), await h.run(spec.id)), true);
}

/** Cases tried every time, fixed by the seed. */
export function fixedCheck(
  spec: CheckSpec,
  scenarios: (h: Harness, seed: number) => Scenario[] | { scenarios: Scenario[]; lanes: 'all' | 'first' },
  /** 'first': every case on lane 0 (cases made from lane 0's customers); the scenarios may choose instead. */
  lanes: 'all' | 'first' = 'all',
): void {
  conformanceCheck(
    spec,
    async (h) => {
      const run = await h.run(spec.id);
      const made = scenarios(h, run.seed);
      const [list, where] = Array.isArray(made) ? [made, lanes] : [made.scenarios, made.lanes];
      const on =
        where === 'first' ? { ...run, lanes: withScope(run.lanes.slice(0, 1), scopeOf(run.lanes)) } : run;
      return runFixed(spec, list, on);
    },
    true,
  );
}
