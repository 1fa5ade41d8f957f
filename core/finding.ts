/**
 * Findings: the run's failures grouped by what bug they show. Each violation carries its fingerprint (computed in
 * one place, suites/fingerprint.ts, which says what makes two failures one finding); a failure belongs to the
 * finding of each fingerprint among its violations, and a finding is every failure of the run sharing one.
 */
import type { Counterexample, Violation } from './failure.ts';
import type { CheckResult } from './result.ts';
import { isRuleId, type RuleId } from './rules.ts';

/** new: fails the gate; known: in the baseline, reported but not failing; regression: a saved failure came back. */
export type FindingStatus = 'new' | 'known' | 'regression';

export interface Finding {
  fingerprint: string;
  rule: RuleId;
  /** One line: the title of its first violation. */
  title: string;
  status: FindingStatus;
  /** For a known finding: the reason the baseline gives (may be empty: nobody filled it in yet). */
  reason?: string;
  /** Its failures, in the order the run reported them. */
  failures: Counterexample[];
}

/** A violation's fingerprint; a failure file saved before fingerprints existed falls back to rule and check. */
export function fingerprintOfViolation(v: Violation): string {
  return v.fingerprint ?? `${v.rule}/${v.check}`;
}

/** The distinct fingerprints of a failure's violations, in order. */
export function fingerprintsOf(failure: Counterexample): string[] {
  return [...new Set(failure.violations.map(fingerprintOfViolation))];
}

/** Regressions are replayed from regressions/: a failure there came back after the team said it was fixed. */
export const isRegression = (check: CheckResult): boolean => check.suite === 'regressions';

/**
 * Groups the checks' failures into findings, sorted by fingerprint. `known` maps a baseline's fingerprints to
 * their reasons: a finding there is known, unless one of its failures is a regression that came back.
 */
export function groupFindings(
  checks: CheckResult[],
  known: ReadonlyMap<string, string> = new Map(),
): Finding[] {
  const byPrint = new Map<string, Finding & { regressionSeen: boolean }>();
  for (const check of checks) {
    for (const failure of check.failures) {
      for (const fingerprint of fingerprintsOf(failure)) {
        const v = failure.violations.find((x) => fingerprintOfViolation(x) === fingerprint) as Violation;
        let finding = byPrint.get(fingerprint);
        if (!finding) {
          // The fingerprint's rule (trimming seen in an edge case is S1's finding), else the violation's.
          const head = fingerprint.split('/')[0] ?? '';
          finding = {
            fingerprint,
            rule: isRuleId(head) ? head : v.rule,
            title: v.title,
            status: 'new',
            failures: [],
            regressionSeen: false,
          };
          byPrint.set(fingerprint, finding);
        }
        finding.failures.push(failure);
        if (isRegression(check)) finding.regressionSeen = true;
      }
    }
  }
  return [...byPrint.values()]
    .sort((a, b) => (a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0))
    .map(({ regressionSeen, ...finding }) => {
      const reason = known.get(finding.fingerprint);
      if (regressionSeen) return { ...finding, status: 'regression' as const };
      if (reason !== undefined) return { ...finding, status: 'known' as const, reason };
      return finding;
    });
}

/** The run's findings, known ones marked with the reason its baseline gives. */
export function findingsOfRun(result: {
  checks: CheckResult[];
  baseline?: { known: { fingerprint: string; reason: string }[] };
}): Finding[] {
  const known = new Map((result.baseline?.known ?? []).map((k) => [k.fingerprint, k.reason]));
  return groupFindings(result.checks, known);
}
