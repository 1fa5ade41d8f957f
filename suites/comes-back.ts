/**
 * A failing case played once more, right away, in the same run: which of its findings come back. A failure
 * that does not (an intermittent bug, one that needed what earlier requests did) cannot be called fixed by a
 * replay that does not see it either; the failure file says so. It is played with no other lane's request in
 * flight: a value another lane's write leaked into this customer would otherwise come back now and then by chance,
 * and the failure's diagnosis (what that value resembled) would be taken for the bug's (suites/fingerprint.ts).
 * Each finding is confirmed on its own: one that comes back (a PUT that leaks into the case's other customer)
 * confirms nothing about another seen in the same case (what a leak from elsewhere left in this one).
 */
import type { Violation } from '../core/failure.ts';
import { fingerprintOfViolation } from '../core/finding.ts';
import type { ApiClient } from '../http/api-client.ts';
import type { JudgeContext } from './checks/check.ts';
import { judge } from './judge.ts';
import { play } from './scenarios/play.ts';
import type { Scenario } from './scenarios/scenario.ts';

/** The same finding: the same fingerprint (core/finding.ts). */
const finding = (v: Violation) => fingerprintOfViolation(v);

/** The fingerprints among the failure's that came back: each violation's diagnosis is confirmed on its own. */
export async function comesBack(
  failing: { scenario: Scenario; violations: Violation[] },
  client: ApiClient,
  ctx: JudgeContext,
): Promise<Set<string>> {
  const trace = await client.alone(() => play(failing.scenario, client));
  const wanted = new Set(failing.violations.map(finding));
  return new Set(
    judge(trace, failing.scenario, ctx)
      .violations.map(finding)
      .filter((f) => wanted.has(f)),
  );
}
