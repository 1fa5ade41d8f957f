/**
 * One conformance run: target, preflight, fixtures, suites, reports, clean-up. Returns the typed result;
 * the command line (cli.ts) turns it into output and an exit code.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Contract } from '../contracts/load.ts';
import type { Counterexample } from '../core/failure.ts';
import { INVOCATION } from '../core/invocation.ts';
import type { Outage } from '../core/outage.ts';
import type { CheckResult, RunResult } from '../core/result.ts';
import { ApiClient } from '../http/api-client.ts';
import { countLines } from '../http/exchange-log.ts';
import { readOutage } from '../http/outage.ts';
import { writeReports } from '../reporting/write-reports.ts';
import type { SuiteEnv } from '../suites/env.ts';
import { BAIL_FILE, readBail } from '../suites/bail-file.ts';
import { readCheckResults, readThrottling, summarizeRules } from './collect.ts';
import { coverageOf } from './coverage.ts';
import { readBaseline } from './baseline-file.ts';
import { writeFailureFiles } from './failure-files.ts';
import type { FixtureSet } from './fixtures.ts';
import { settleBaseline } from './gate.ts';
import { countIds, fixturesLine, keptFixtures, laneIds } from './kept-fixtures.ts';
import { recordedLanes, writeFixturesFile } from './fixtures-file.ts';
import { adoptLanes, createLanes, releaseLanes, reuseLanes, setupOfLanes } from './lanes.ts';
import { DEFAULT_LANES, type RunOptions } from './options.ts';
import { preflight } from './preflight.ts';
import type { Progress } from './progress.ts';
import { runSuites, wasStopped } from './run-suites.ts';
import { SetupFailed } from './setup-judge.ts';
import { clientFor, openTarget, type Target } from './target.ts';
import { TargetError } from './target-error.ts';

export interface RunOutput {
  result: RunResult;
  failureFiles: Map<Counterexample, string>;
  reportPaths: string[];
  notes: string[];
}

/** Each put-back request after an outage waits at most this long: the backend may never answer again. */
const RELEASE_TIMEOUT_MS = 2_000;

/** Clean-up that must happen even when the run is interrupted (SIGINT/SIGTERM). */
export type Cleanup = () => Promise<string[]>;

export function rerunCommand(options: RunOptions): string {
  // An app in process exists only in its caller's process: the same call, with this seed, runs the same cases.
  if (options.app !== undefined) return `the same runConformance call with { seed: ${options.seed} }`;
  const parts = [INVOCATION.run, options.seed < 0 ? `--seed=${options.seed}` : `--seed ${options.seed}`];
  if (options.runs !== 100) parts.push(`--runs ${options.runs}`);
  if (options.baseUrl) parts.push(`--base-url ${options.baseUrl}`);
  for (const item of options.only) parts.push(`--only ${item}`);
  if (options.bail) parts.push('--bail');
  if (options.requireCoverage) parts.push('--require-coverage');
  if (options.putSemantics) parts.push(`--put-semantics ${options.putSemantics}`);
  if (options.embeddedStrict) parts.push('--embedded-strict');
  // Cases are spread over the lanes by index: another lane count puts them on other customers.
  if (options.lanes !== DEFAULT_LANES && options.customerIds.length === 0)
    parts.push(`--lanes ${options.lanes}`);
  return parts.join(' ');
}

function redactUrl(url: string): string {
  const parsed = new URL(url);
  parsed.search = '';
  return parsed.toString().replace(/\/$/, '');
}

export async function conformanceRun(
  options: RunOptions,
  contract: Contract,
  progress: Progress,
  onCleanup: (cleanup: Cleanup | undefined) => void,
): Promise<RunOutput> {
  const started = Date.now();
  // A baseline that cannot be used is exit 2 before anything is sent.
  const baseline = options.baseline !== undefined ? readBaseline(options.baseline) : undefined;
  if (options.putSemantics) contract.tolerances.putSemantics = options.putSemantics;
  const reportDir = resolve(options.reportDir);
  for (const stale of ['failures', 'results', 'exchanges.ndjson', 'fixtures.json']) {
    rmSync(join(reportDir, stale), { recursive: true, force: true });
  }
  mkdirSync(reportDir, { recursive: true });
  const exchangeLog = join(reportDir, 'exchanges.ndjson');

  // Read before anything is sent: a file that is not ours is the user's to fix, and nothing is created.
  const kept = options.fixturesFile === undefined ? undefined : keptFixtures(options.fixturesFile);
  const target: Target = await openTarget(options, contract);
  const backend = target.kind === 'embedded' ? 'embedded reference backend' : redactUrl(target.baseUrl);
  // Every lane's customers, appended as each lane is made: an interrupted run puts back the ones that exist.
  const lanes: FixtureSet[] = [];
  const fixtureCount = { created: 0, reused: 0 };
  let client: ApiClient | undefined;
  // One clean-up, however often it is asked for: the normal end and a SIGINT may ask at the same time.
  let releasing: Promise<string[]> | undefined;
  const cleanup: Cleanup = () =>
    (releasing ??= (async () => {
      const released = client ? await releaseLanes(client, contract, lanes) : undefined;
      await target.stop();
      if (!released) return [];
      const line = fixturesLine(fixtureCount, released.leftInPlace, options, reportDir);
      return [...released.notes, ...(line ? [line] : [])];
    })());
  onCleanup(cleanup);
  const announceSeed = () =>
    progress.write(
      `customer-conformance: seed ${options.seed}${options.seedGiven ? '' : ' (random; pass --seed to repeat)'}`,
    );
  /** The typed result of what was judged, its failure files and reports. */
  const finish = async (
    checks: CheckResult[],
    sets: FixtureSet[],
    notes: string[],
    stopped?: Outage,
    bailed?: RunResult['bailed'],
  ): Promise<RunOutput> => {
    const failing = checks.some((c) => c.failures.length > 0);
    const rules = summarizeRules(checks);
    const result: RunResult = {
      startedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      seed: options.seed,
      baseUrl: target.kind === 'embedded' ? 'embedded reference backend' : redactUrl(target.baseUrl),
      target: target.kind,
      putSemantics: contract.tolerances.putSemantics,
      runs: options.runs,
      requests: countLines(exchangeLog),
      checks,
      rules,
      verdict: stopped ? 'no-verdict' : failing ? 'violations' : 'conforms',
      rerunCommand: rerunCommand(options),
      ...(stopped ? { stopped } : {}),
      ...(bailed ? { bailed } : {}),
      coverage: coverageOf(checks, rules, contract, {
        required: options.requireCoverage === true || contract.tolerances.coverage?.require === true,
        only: options.only,
        bailed: bailed !== undefined,
      }),
    };
    const throttling = client ? readThrottling(join(reportDir, 'results'), client.throttling()) : undefined;
    if (throttling) result.throttling = throttling;
    const failureFiles = writeFailureFiles(checks, reportDir, sets);
    const baselineNotes = settleBaseline(result, options, baseline, failureFiles);
    const reportPaths = await writeReports(result, reportDir, failureFiles);
    return { result, failureFiles, reportPaths, notes: [...notes, ...baselineNotes] };
  };
  try {
    client = clientFor(target, options, contract, exchangeLog);
    await preflight(client, target.baseUrl, options.seed);
    const reuseNotes: string[] = [];
    try {
      if (options.customerIds.length > 0) await adoptLanes(client, options.customerIds, lanes);
      else {
        if (kept) {
          const recorded = recordedLanes(kept.file, backend);
          const reuse = await reuseLanes(
            client,
            contract,
            options.seed,
            options.lanes,
            recorded,
            kept.path,
            lanes,
          );
          fixtureCount.reused = reuse.reused;
          reuseNotes.push(...reuse.notes);
        }
        try {
          await createLanes(client, contract, options.seed, options.lanes, lanes);
        } finally {
          fixtureCount.created = countIds(lanes) - fixtureCount.reused;
          // Kept as soon as they exist, also when set-up failed half way: the next run reuses them.
          if (kept) writeFixturesFile(kept.path, kept.file, backend, laneIds(lanes));
        }
      }
    } catch (error) {
      if (!(error instanceof SetupFailed)) throw error;
      // The backend's set-up answers broke the contract and leave nothing to write to: that is the verdict.
      announceSeed();
      const partial: FixtureSet = { ids: {}, initial: {}, createBodies: error.createBodies, adopted: false };
      return await finish(
        [error.result],
        [partial],
        [
          ...reuseNotes,
          ...error.notes,
          'the run stopped at set-up: with no fixture customer to write to, no other rule was judged',
        ],
      );
    }
    const fixtures = lanes[0] as FixtureSet;
    // Announced once the target is known to work, so a target error stays the only line on stderr.
    announceSeed();
    // Written before any change, so an adopted customer can be put back by hand if the run dies.
    writeFileSync(
      join(reportDir, 'fixtures.json'),
      JSON.stringify(
        {
          ids: fixtures.ids,
          before: fixtures.initial,
          lanes: lanes.map((lane) => ({ ids: lane.ids, before: lane.initial })),
        },
        null,
        2,
      ),
    );

    const env: SuiteEnv = {
      baseUrl: target.baseUrl,
      token: target.token,
      contractDir: contract.dir,
      seed: options.seed,
      runs: options.runs,
      timeoutMs: options.timeoutMs,
      concurrency: options.concurrency,
      putSemantics: contract.tolerances.putSemantics,
      lanes: lanes.map((lane) => ({
        fixtures: lane.ids,
        initial: lane.initial,
        ...(lane.createdAt ? { createdAt: lane.createdAt } : {}),
      })),
      exchangeLog,
      resultsDir: join(reportDir, 'results'),
      abortFile: join(reportDir, 'results', '.interrupted'),
      outageFile: join(reportDir, 'results', '.outage'),
      only: options.only,
      bail: options.bail,
      bailFile: join(reportDir, 'results', BAIL_FILE),
      regressionsDir: resolve(options.regressionsDir),
      deepSearch: options.baseline !== undefined || options.writeBaseline !== undefined,
    };
    const found = setupOfLanes(lanes);
    // What became of a kept customer that could not be reused is said with the set-up's notes.
    const setup =
      found || reuseNotes.length > 0
        ? { result: found?.result, notes: [...reuseNotes, ...(found?.notes ?? [])] }
        : undefined;
    const judgedSetup = setup?.result && setup.result.failures.length > 0 ? [setup.result] : [];
    // Under --bail a violation at set-up (judged before the suites) is the first one found: no check runs after it.
    if (options.bail && judgedSetup.length > 0) {
      mkdirSync(env.resultsDir, { recursive: true });
      writeFileSync(env.bailFile, 'setup');
    }
    const outcome = await runSuites(env, progress);
    if (wasStopped()) await new Promise<never>(() => {}); // the signal handler puts fixtures back and exits
    const checks = readCheckResults(env.resultsDir);
    const outage = readOutage(env.outageFile);
    if (outage) {
      // The backend went silent: put back what can be put back quickly, report what was judged before the
      // silence (a case that met it was judged on a dying backend), and no verdict.
      client = client.withTimeout(Math.min(options.timeoutMs, RELEASE_TIMEOUT_MS));
      const released = await cleanup();
      const before = checks.map((check) => ({
        ...check,
        failures: check.failures.filter((f) => f.exchanges.every((e) => e.seq < outage.inFlight.seq)),
      }));
      const notes = [...(setup?.notes ?? []), ...(target.kind === 'embedded' ? [] : released)];
      return await finish([...judgedSetup, ...before], lanes, notes, outage);
    }
    // A test that failed without a contract violation to show for it is the suite's own failure: no verdict.
    const broken = checks.find((c) => c.error !== undefined);
    const unexplained = outcome.failedTests.length - checks.filter((c) => c.failures.length > 0).length;
    const suiteError =
      outcome.errors[0] ??
      (broken ? `${broken.id}: ${broken.error}` : undefined) ??
      (unexplained > 0 ? outcome.failedTests.map((t) => `${t.name}: ${t.message}`).join('; ') : undefined);
    if (suiteError !== undefined) {
      throw new TargetError(`the suite itself failed, so there is no verdict: ${suiteError.split('\n')[0]}`);
    }
    const released = await cleanup();
    // The embedded backend is gone with the run: what became of its fixtures is no news to anyone.
    const notes = [...(setup?.notes ?? []), ...(target.kind === 'embedded' ? [] : released)];
    const after = readBail(env.bailFile);
    // A violation in the last check selected stopped nothing: the run went to the end.
    const bailed =
      after !== undefined && outcome.skipped.length > 0
        ? { after, notRun: outcome.skipped.length }
        : undefined;
    return await finish([...judgedSetup, ...checks], lanes, notes, undefined, bailed);
  } finally {
    await cleanup();
    onCleanup(undefined);
  }
}
