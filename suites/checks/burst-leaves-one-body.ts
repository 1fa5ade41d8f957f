/**
 * S7: concurrent PUTs all answer 200, and the stored result equals exactly one of the bodies, never a mix.
 * Every body of a burst holds values no other body holds (full bodies with a random token), so each stored or
 * answered value can be traced to the request it came from, or to the baseline before the burst. A value that
 * traces nowhere was transformed (S1's bug, reported there), and is not taken for a mix.
 */
import type { Violation } from '../../core/failure.ts';
import { find, findAll } from '../scenarios/play.ts';
import type { BurstScenario } from '../scenarios/scenario.ts';
import type { Check } from './check.ts';
import { dataOf, deepEqual } from './values.ts';

type Origin = number | 'baseline' | undefined;

function originOf(scenario: BurstScenario, field: string, value: unknown): Origin {
  const index = scenario.bodies.findIndex((body) => deepEqual(body[field], value));
  if (index >= 0) return index;
  return deepEqual(scenario.baseline[field], value) ? 'baseline' : undefined;
}

/** Where each field of a snapshot came from, for the fields that trace somewhere. */
function origins(
  scenario: BurstScenario,
  data: Record<string, unknown>,
  fields: string[],
): Map<string, Origin> {
  const traced = new Map<string, Origin>();
  for (const field of fields) {
    const origin = originOf(scenario, field, data[field]);
    if (origin !== undefined) traced.set(field, origin);
  }
  return traced;
}

const label = (origin: Origin) => (origin === 'baseline' ? 'the state before' : `PUT #${Number(origin) + 1}`);

export const burstLeavesOneBody: Check = {
  name: 'burst_leaves_one_body',
  rule: 'S7',
  applies: (trace, scenario) => scenario.kind === 'burst' && dataOf(find(trace, 'readback')) !== undefined,
  run(trace, scenario, ctx) {
    if (scenario.kind !== 'burst') return [];
    const readback = find(trace, 'readback');
    const stored = dataOf(readback);
    const burst = findAll(trace, 'burst');
    const violations: Violation[] = [];
    const base = { rule: 'S7' as const, check: 'burst_leaves_one_body' };
    const accept = ctx.contract.tolerances.statuses.accept;
    for (const exchange of burst) {
      const status = exchange.response?.status ?? 0;
      if (accept.includes(status) || status >= 500 || exchange.error) continue; // R2 reports no answer and 5xx
      violations.push({
        ...base,
        title: 'Concurrent PUT refused',
        received: `status ${status} to one of ${scenario.bodies.length} concurrent PUTs`,
        expected: `every one answered ${accept.join(', ')}`,
        exchangeSeq: exchange.seq,
      });
    }
    const fields = ctx.contract.fields.updatable;
    // Each answer speaks for its own request: a value of another request in it is an interleaved write.
    burst.forEach((exchange, index) => {
      const answer = dataOf(exchange);
      if (!answer) return;
      const foreign = [...origins(scenario, answer, fields)].filter(([, origin]) => origin !== index);
      if (foreign.length === 0) return;
      violations.push({
        ...base,
        title: "Concurrent PUT answered with another request's values",
        received: foreign.map(([field, origin]) => `${field} from ${label(origin)}`).join(', '),
        expected: `the answer to PUT #${index + 1} holds its own values only`,
        exchangeSeq: exchange.seq,
      });
    });
    if (!stored) return violations;
    const sources = new Set(origins(scenario, stored, fields).values());
    if (sources.size > 1) {
      violations.push({
        ...base,
        title: 'Concurrent PUTs left a mix',
        received: `stored fields come from ${[...sources].map(label).join(', ')}`,
        expected: `every updatable field from one of the ${scenario.bodies.length} bodies`,
        ...(readback ? { exchangeSeq: readback.seq } : {}),
      });
    }
    return violations;
  },
};
