/** report.json: the run as data for machines (dashboards, diffs between runs). */
import type { AuthVariant } from '../core/exchange.ts';
import type { Counterexample, Violation } from '../core/failure.ts';
import type { CheckResult, RuleSummary, RunResult } from '../core/result.ts';
import { RULES, type Outcome, type RuleId } from '../core/rules.ts';
import { headline, requestExchange } from './failures.ts';
import { failureFilePath, replayCommand, type ReportOptions } from './replay.ts';
import { outageTitle } from './outage.ts';
import { coverageJson, type ReportCoverage } from './coverage-json.ts';
import { findingGroups, NOT_SEEN } from './findings.ts';
import type { FindingStatus } from '../core/finding.ts';

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

export interface ReportFinding {
  fingerprint: string;
  rule: RuleId;
  title: string;
  /** new and regression fail the run; known is in the baseline. */
  status: FindingStatus;
  /** The baseline's reason, for a known finding. */
  reason: string | null;
  /** Its failures' files (relative to the report folder), in report order. */
  failureFiles: (string | null)[];
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
  /** The gate's exit code: 0 every finding known (or none), 1 a new finding or a regression, 2 no verdict. */
  exitCode: 0 | 1 | 2;
  /** Every finding, failing ones first (new, then regressions), then known ones. */
  findings: ReportFinding[];
  /** With --baseline (or --write-baseline): fingerprints new and known, and the entries this run did not see. */
  baseline: {
    file: string;
    new: string[];
    known: { fingerprint: string; reason: string }[];
    notSeen: { fingerprint: string; rule: string; title: string; reason: string; note: string }[];
    regressions: string[];
  } | null;
  /** --write-baseline: the file written and how many findings it holds. */
  wroteBaseline: RunResult['wroteBaseline'] | null;
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
  const groups = findingGroups(result);
  const baseline = result.baseline;
  return {
    format: REPORT_FORMAT,
    verdict: result.verdict,
    exitCode: result.verdict === 'no-verdict' ? 2 : groups.failing.length > 0 ? 1 : 0,
    findings: [...groups.failing, ...groups.known].map((f) => ({
      fingerprint: f.fingerprint,
      rule: f.rule,
      title: f.title,
      status: f.status,
      reason: f.reason ?? null,
      failureFiles: f.failures.map((x) => failureFiles.get(x) ?? null),
    })),
    baseline: baseline
      ? {
          file: baseline.file,
          new: baseline.new,
          known: baseline.known,
          notSeen: baseline.notSeen.map((e) => ({
            fingerprint: e.fingerprint,
            rule: e.rule,
            title: e.title,
            reason: e.reason,
            note: NOT_SEEN,
          })),
          regressions: baseline.regressions,
        }
      : null,
    wroteBaseline: result.wroteBaseline ?? null,
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
