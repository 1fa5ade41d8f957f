/**
 * S6 across lanes, after every other suite (files run in name order, hence the name): each lane's customers
 * must still hold what that lane last wrote.
 */
import { conformanceCheck } from './harness.ts';
import { judgeLanesAtEnd, LANE_END_SPEC } from './lane-end.ts';

conformanceCheck(LANE_END_SPEC, async (h) => judgeLanesAtEnd(await h.lanes(), h.env.seed));
