/** Reads the checks' results and sums them up per rule into the run's typed result. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckResult, RuleSummary, RunResult } from '../core/result.ts';
import type { ThrottleState } from '../http/adaptive-limit.ts';
import { THROTTLE_FILE } from '../suites/throttle-file.ts';
import { RULE_IDS, RULES, type RuleId } from '../core/rules.ts';

export function readCheckResults(dir: string): CheckResult[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as CheckResult);
}

export function failingRules(check: CheckResult): Set<RuleId> {
  return new Set(check.failures.flatMap((failure) => failure.violations.map((v) => v.rule)));
}

export function summarizeRules(checks: CheckResult[]): RuleSummary[] {
  return RULE_IDS.map((rule) => {
    const cases = checks.reduce((sum, check) => sum + (check.cases[rule] ?? 0), 0);
    const failures = checks.reduce(
      (sum, check) => sum + check.failures.filter((f) => f.violations.some((v) => v.rule === rule)).length,
      0,
    );
    const status: RuleSummary['status'] = failures > 0 ? 'fail' : cases > 0 ? 'pass' : 'not-run';
    return { rule, title: RULES[rule], cases, failures, status };
  });
}

/** 429s met by the suites (their limiter's last state) and by the runner's own requests; undefined: none. */
export function readThrottling(resultsDir: string, runner: ThrottleState): RunResult['throttling'] {
  const file = join(resultsDir, THROTTLE_FILE);
  const suites = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ThrottleState) : undefined;
  const responses = runner.throttled + (suites?.throttled ?? 0);
  if (responses === 0) return undefined;
  const settled = suites ?? runner;
  return {
    responses,
    settledAt: settled.limit,
    lowest: Math.min(settled.lowest, runner.lowest),
    max: settled.max,
  };
}
