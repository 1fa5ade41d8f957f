/** report.json: the run as data for machines (dashboards, diffs between runs). */
import type { AuthVariant } from '../core/exchange.ts';
import type { Counterexample, Violation } from '../core/failure.ts';
import type { CheckResult, RuleSummary, RunResult } from '../core/result.ts';
import { RULES, type Outcome, type RuleId } from '../core/rules.ts';
import { headline, requestExchange } from './failures.ts';
import { failureFilePath, replayCommand, type ReportOptions } from './replay.ts';
import { outageTitle } from './outage.ts';
import { coverageJson, type ReportCoverage } from './coverage-json.ts';

export const REPORT_FORMAT = 'customer-conformance/report@1';

export interface ReportFailure {
  rule: RuleId;
  ruleTitle: string;
  checkId: string;
  /** First violation's title with its diagnosis. */
  title: string;
  outcome: Outcome;
  putSemantics: Counterexample['putSemantics'];
  violations: Violation[];
  /** Relative to the report folder (failures/S1-1.json); null when none was saved. */
  failureFile: string | null;
  replay: string | null;
  seed: number;
  path: string | null;
  numRuns: number;
  numShrinks: number;
  /** The request to re-send and the status it got. */
  request: { method: string; path: string; auth: AuthVariant; status: number | null } | null;
}

export interface ReportCheck {
  id: string;
  title: string;
  suite: string;
  rules: RuleId[];
  cases: CheckResult['cases'];
  status: 'pass' | 'fail' | 'error';
  error: string | null;
  durationMs: number;
  failures: ReportFailure[];
}

export interface ReportJson {
  format: typeof REPORT_FORMAT;
  verdict: RunResult['verdict'];
  startedAt: string;
  durationMs: number;
  seed: number;
  baseUrl: string;
  target: RunResult['target'];
  putSemantics: string;
  runs: number;
  requests: number;
  rerunCommand: string;
  /** Where the backend stopped answering, when the run ended without a verdict. */
  stopped: string | null;
  /** --bail: the check after which the run stopped (the checks after it were not run). */
  bailedAfter: string | null;
  /** 429 answers met, and where the number of requests in flight went; null when the backend never throttled. */
  throttling: NonNullable<RunResult['throttling']> | null;
  rules: RuleSummary[];
  checks: ReportCheck[];
  /** What the run reached per field and value class, and per rule; null in results made without it. */
  coverage: ReportCoverage | null;
}

function failureEntry(
  failure: Counterexample,
  relative: string | undefined,
  reportDir: string | undefined,
): ReportFailure {
  const request = requestExchange(failure);
  return {
    rule: failure.rule,
    ruleTitle: RULES[failure.rule],
    checkId: failure.checkId,
    title: headline(failure),
    outcome: failure.outcome,
    putSemantics: failure.putSemantics,
    violations: failure.violations,
    failureFile: relative ?? null,
    replay: relative === undefined ? null : replayCommand(failureFilePath(relative, reportDir)),
    seed: failure.seed,
    path: failure.path ?? null,
    numRuns: failure.numRuns,
    numShrinks: failure.numShrinks,
    request:
      request === undefined
        ? null
        : {
            method: request.request.method,
            path: request.request.path,
            auth: request.spec.auth,
            status: request.response?.status ?? null,
          },
  };
}

export function toReportJson(
  result: RunResult,
  failureFiles: Map<Counterexample, string>,
  options: ReportOptions = {},
): ReportJson {
  return {
    format: REPORT_FORMAT,
    verdict: result.verdict,
    startedAt: result.startedAt,
    durationMs: result.durationMs,
    seed: result.seed,
    baseUrl: result.baseUrl,
    target: result.target,
    putSemantics: result.putSemantics,
    runs: result.runs,
    requests: result.requests,
    rerunCommand: result.rerunCommand,
    stopped: result.stopped ? outageTitle(result.stopped) : null,
    bailedAfter: result.bailed?.after ?? null,
    throttling: result.throttling ?? null,
    rules: result.rules,
    checks: result.checks.map((check) => ({
      id: check.id,
      title: check.title,
      suite: check.suite,
      rules: check.rules,
      cases: check.cases,
      status: check.failures.length > 0 ? 'fail' : check.error !== undefined ? 'error' : 'pass',
      error: check.error ?? null,
      durationMs: check.durationMs,
      failures: check.failures.map((f) => failureEntry(f, failureFiles.get(f), options.reportDir)),
    })),
    coverage: coverageJson(result.coverage),
  };
}
