/**
 * `runConformance(options)`: one run as a function, for a backend team's own code and tests. It never exits the
 * process and leaves nothing behind (servers, handlers, timers); bad input throws a ConformanceError, which the
 * command line (command.ts, its thin caller) turns into one line and exit code 2.
 */
import { resolve } from 'node:path';
import { ContractError, loadContract } from '../contracts/load.ts';
import type { Counterexample } from '../core/failure.ts';
import type { RunResult, RuleSummary } from '../core/result.ts';
import { RULES, type RuleId } from '../core/rules.ts';
import { formatFailure } from '../reporting/format-failure.ts';
import { outageLine } from '../reporting/outage.ts';
import { failureFilePath, replayCommand } from '../reporting/replay.ts';
import { exitCodeOf, type ExitCode } from './exit-code.ts';
import {
  apiName,
  checkOptions,
  UsageError,
  type ConformanceOptions,
  type OptionName,
  type RunOptions,
} from './options.ts';
import { conformanceRun, type Cleanup, type RunOutput } from './run.ts';
import { TargetError } from './target-error.ts';

/** No verdict, and no reports to show for it: the run could not judge the backend. The command line's exit 2. */
export class ConformanceError extends Error {
  override name = 'ConformanceError';
}
/** The options (or the contract folder they name) are wrong: fix the call. */
export class ConformanceOptionsError extends ConformanceError {
  override name = 'ConformanceOptionsError';
}
/** The backend could not be judged: unreachable, the token refused, or the suite itself failed. */
export class ConformanceTargetError extends ConformanceError {
  override name = 'ConformanceTargetError';
}

/** One violation of a rule, as data. */
export interface ConformanceViolation {
  rule: RuleId;
  /** The rule's title, e.g. "Every sent field is echoed exactly". */
  ruleTitle: string;
  /** The suite check that played the case, e.g. "valid-updates". */
  checkId: string;
  /** The named check function that found it. */
  check: string;
  title: string;
  received: string;
  expected: string;
  /** What happened to the value ("trimmed", "truncated to 50 characters", …), when the check could tell. */
  diagnosis?: string;
  /** JSON pointer into the request or response where it shows. */
  pointer?: string;
  /** The finding it belongs to (e.g. `S1/trimmed`): the identity a baseline lists. */
  fingerprint?: string;
  /** With a baseline: whether its finding is listed there (a known finding does not fail the run). */
  known?: boolean;
  /** The saved failure file (absolute path) and the command that replays it. */
  failureFile?: string;
  replayCommand?: string;
  /** The whole failure block as the command line prints it: violations, exchange, curl lines, seed. */
  details: string;
}

export interface ConformanceResult {
  /** What the command line would exit with (runner/gate.ts): 0 conforms or every finding known, 1 a new finding, 2 no verdict. */
  exitCode: ExitCode;
  verdict: RunResult['verdict'];
  seed: number;
  violations: ConformanceViolation[];
  rules: RuleSummary[];
  /** Absolute folder of the reports, and each report written (junit.xml, report.json, summary.md, report.html). */
  reportDir: string;
  reportPaths: string[];
  /** How to run the same cases again. */
  rerunCommand: string;
  notes: string[];
  /** With no verdict: where the backend went silent and how to replay the request in flight. */
  noVerdictReason?: string;
  /** Everything the reports are made from. */
  run: RunResult;
}

export interface ConformanceHooks {
  /** Progress lines (the seed, each check as it ends); default: silent. */
  onProgress?: (line: string) => void;
  /** @internal The command line's SIGINT/SIGTERM handler puts the fixtures back through this. */
  onCleanup?: (cleanup: Cleanup | undefined) => void;
}

let running = false;

/** Runs the conformance suite once; resolves with the verdict, or throws a ConformanceError when there is none. */
export async function runConformance(
  options: ConformanceOptions = {},
  hooks: ConformanceHooks = {},
): Promise<ConformanceResult> {
  let checked: RunOptions;
  try {
    checked = checkOptions(options);
  } catch (error) {
    if (error instanceof UsageError) throw new ConformanceOptionsError(`runConformance: ${error.message}`);
    throw error;
  }
  return (await runChecked(checked, hooks)).result;
}

/** A run of checked options: the API's result, and the run's own output for the command line to print. */
export async function runChecked(
  options: RunOptions,
  hooks: ConformanceHooks = {},
  name: OptionName = apiName,
): Promise<{ result: ConformanceResult; output: RunOutput }> {
  // The suites' vitest, its provided environment and the stop-on-signal state are one per process.
  if (running)
    throw new ConformanceError('a conformance run is already running in this process: await it first');
  running = true;
  try {
    let contract;
    try {
      contract = loadContract(options.contractDir);
    } catch (error) {
      if (error instanceof ContractError)
        throw new ConformanceOptionsError(
          `${error.message}; fix the file or point ${name('contractDir')} at a valid contract`,
        );
      throw error;
    }
    const progress = { write: (line: string) => hooks.onProgress?.(line) };
    let output: RunOutput;
    try {
      output = await conformanceRun(options, contract, progress, hooks.onCleanup ?? (() => {}));
    } catch (error) {
      if (error instanceof TargetError) throw new ConformanceTargetError(error.message);
      throw error;
    }
    return { result: toResult(output, options), output };
  } finally {
    running = false;
  }
}

function toResult(output: RunOutput, options: RunOptions): ConformanceResult {
  const { result: run, failureFiles, reportPaths, notes } = output;
  const reportDir = resolve(options.reportDir);
  const violations = run.checks.flatMap((check) =>
    check.failures.flatMap((failure) => violationsOf(failure, failureFiles.get(failure), options, run)),
  );
  return {
    exitCode: exitCodeOf(run),
    verdict: run.verdict,
    seed: run.seed,
    violations,
    rules: run.rules,
    reportDir,
    reportPaths,
    rerunCommand: run.rerunCommand,
    notes,
    ...(run.stopped ? { noVerdictReason: outageLine(run.stopped, run.baseUrl, options.reportDir) } : {}),
    run,
  };
}

function violationsOf(
  failure: Counterexample,
  relative: string | undefined,
  options: RunOptions,
  run: RunResult,
): ConformanceViolation[] {
  const shown = relative === undefined ? undefined : failureFilePath(relative, options.reportDir);
  const details = formatFailure(failure, { baseUrl: run.baseUrl, failureFile: shown });
  const known = new Set(run.baseline?.known.map((k) => k.fingerprint));
  return failure.violations.map((violation) => ({
    rule: violation.rule,
    ruleTitle: RULES[violation.rule],
    checkId: failure.checkId,
    check: violation.check,
    title: violation.title,
    received: violation.received,
    expected: violation.expected,
    ...(violation.diagnosis !== undefined ? { diagnosis: violation.diagnosis } : {}),
    ...(violation.pointer !== undefined ? { pointer: violation.pointer } : {}),
    ...(violation.fingerprint !== undefined ? { fingerprint: violation.fingerprint } : {}),
    ...(run.baseline !== undefined && violation.fingerprint !== undefined
      ? { known: known.has(violation.fingerprint) }
      : {}),
    ...(shown !== undefined ? { failureFile: resolve(shown), replayCommand: replayCommand(shown) } : {}),
    details,
  }));
}
