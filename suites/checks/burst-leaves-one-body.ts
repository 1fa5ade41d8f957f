/** S7: concurrent PUTs all answer 200, and the stored result equals exactly one of the bodies, never a mix. */
import type { Violation } from '../../core/failure.ts';
import { find, findAll } from '../scenarios/play.ts';
import type { Check } from './check.ts';
import { dataOf, deepEqual } from './values.ts';

export const burstLeavesOneBody: Check = {
  name: 'burst_leaves_one_body',
  rule: 'S7',
  applies: (trace, scenario) => scenario.kind === 'burst' && dataOf(find(trace, 'readback')) !== undefined,
  run(trace, scenario, ctx) {
    if (scenario.kind !== 'burst') return [];
    const readback = find(trace, 'readback');
    const stored = dataOf(readback);
    const violations: Violation[] = [];
    const accept = ctx.contract.tolerances.statuses.accept;
    const refused = findAll(trace, 'burst').filter((e) => !accept.includes(e.response?.status ?? 0));
    for (const exchange of refused) {
      if ((exchange.response?.status ?? 0) >= 500 || exchange.error) continue; // R2 reports those
      violations.push({
        rule: 'S7',
        check: 'burst_leaves_one_body',
        title: 'Concurrent PUT refused',
        received: `status ${exchange.response?.status} to one of ${scenario.bodies.length} concurrent PUTs`,
        expected: `every one answered ${accept.join(', ')}`,
        exchangeSeq: exchange.seq,
      });
    }
    if (!stored) return violations;
    const fields = ctx.contract.fields.updatable;
    // Compared with what each PUT answered it stored, so a value transformation (S1's) is not taken for a mix.
    const answered = findAll(trace, 'burst')
      .map((e) => dataOf(e))
      .filter((d): d is Record<string, unknown> => d !== undefined);
    const candidates: Record<string, unknown>[] = answered.length > 0 ? answered : scenario.bodies;
    const matches = candidates.map((body) => fields.filter((f) => deepEqual(stored[f], body[f])).length);
    if (!matches.includes(fields.length)) {
      const best = Math.max(...matches);
      const from = new Set(
        fields
          .map((f) => candidates.findIndex((body) => deepEqual(body[f], stored[f])))
          .filter((i) => i >= 0),
      );
      violations.push({
        rule: 'S7',
        check: 'burst_leaves_one_body',
        title: 'Concurrent PUTs left a mix',
        received: `stored fields come from ${from.size} different answers (best match ${best} of ${fields.length} fields)`,
        expected: `every updatable field from one of the ${scenario.bodies.length} bodies`,
        ...(readback ? { exchangeSeq: readback.seq } : {}),
      });
    }
    return violations;
  },
};
