/**
 * A failing case played once more, right away, in the same run: whether the same finding comes back. A failure
 * that does not (an intermittent bug, one that needed what earlier requests did) cannot be called fixed by a
 * replay that does not see it either; the failure file says so.
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

export async function comesBack(
  failing: { scenario: Scenario; violations: Violation[] },
  client: ApiClient,
  ctx: JudgeContext,
): Promise<boolean> {
  const trace = await play(failing.scenario, client);
  const wanted = new Set(failing.violations.map(finding));
  return judge(trace, failing.scenario, ctx).violations.some((v) => wanted.has(finding(v)));
}
