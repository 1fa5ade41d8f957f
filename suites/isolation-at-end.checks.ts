/**
 * S6 across lanes, after every other check (the last group of conformance.suite.ts): each lane's customers must
 * still hold what that lane last wrote.
 */
import { conformanceCheck } from './harness.ts';
import { judgeLanesAtEnd, LANE_END_SPEC } from './lane-end.ts';

/** Declares the group's checks (called by the run's one vitest file, conformance.suite.ts). */
export function isolationAtEndChecks(): void {
  conformanceCheck(LANE_END_SPEC, async (h) => judgeLanesAtEnd(await h.lanes(), h.env.seed));
}
