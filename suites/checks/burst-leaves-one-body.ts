/**
 * S7: concurrent PUTs all answer 200, and the stored result equals exactly one of the bodies, never a mix.
 * Bodies of a burst may share values with the row before it and with each other (burstBodies), so a value alone
 * does not say which request it came from: the stored row is a mix when no single body (nor the row before the
 * burst) holds or explains every one of its values. A value that no body and not the row before holds was
 * transformed (S1's bug, reported there) and is left out, not taken for a mix; so is a value a body explains by a
 * transformation of its own (another of its fields' value, its value trimmed or cut, a null stored or ignored),
 * even when another body happens to hold it: a backend that swaps two columns or ignores a null is not
 * interleaving its writes. A burst none of whose PUTs was accepted left the row as it was: nothing to judge here.
 */
import type { Violation } from '../../core/failure.ts';
import { find, findAll } from '../scenarios/play.ts';
import type { BurstScenario, FullBody } from '../scenarios/scenario.ts';
import { diagnose } from '../diagnose.ts';
import type { Check } from './check.ts';
import { dataOf, deepEqual } from './values.ts';

type Origin = number | 'baseline';

const label = (origin: Origin) => (origin === 'baseline' ? 'the state before' : `PUT #${origin + 1}`);

/** Every body of the burst and the row before it, each with where it came from. */
function candidates(scenario: BurstScenario): { origin: Origin; body: FullBody }[] {
  return [
    ...scenario.bodies.map((body, index) => ({ origin: index as Origin, body })),
    { origin: 'baseline' as const, body: scenario.baseline },
  ];
}

/**
 * Whether `body` accounts for `value` in `field`: it sent that value, or the value is one of its own transformed
 * (held in another of its fields, or what diagnose() names as a change of its own value).
 */
function explains(body: FullBody, field: string, value: unknown): boolean {
  if (deepEqual(body[field], value)) return true;
  if (Object.values(body).some((own) => deepEqual(own, value))) return true;
  return diagnose(body[field], value).kind.kind !== 'changed';
}

/** The fields of a snapshot whose value some candidate holds: the ones that can tell where it came from. */
function traceable(scenario: BurstScenario, data: Record<string, unknown>, fields: string[]): string[] {
  return fields.filter((field) =>
    candidates(scenario).some(({ body }) => deepEqual(body[field], data[field])),
  );
}

/**
 * Where a mixed snapshot's fields came from: the candidate holding most of them, then, for each field it does
 * not hold, a candidate that does.
 */
function describeMix(scenario: BurstScenario, data: Record<string, unknown>, fields: string[]): string {
  const all = candidates(scenario);
  const holds = (body: FullBody) => fields.filter((field) => deepEqual(body[field], data[field]));
  const closest = all.reduce((best, c) => (holds(c.body).length > holds(best.body).length ? c : best));
  const others = fields
    .filter((field) => !deepEqual(closest.body[field], data[field]))
    .map((field) => {
      const from = all.find(({ body }) => deepEqual(body[field], data[field]));
      return `${field} from ${from ? label(from.origin) : 'nowhere'}`;
    });
  return `the fields of ${label(closest.origin)} except ${others.join(', ')}`;
}

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
    // Each answer speaks for its own request: a value it did not send, that another request sent (or the row
    // before held), is an interleaved write.
    burst.forEach((exchange, index) => {
      const answer = dataOf(exchange);
      const own = scenario.bodies[index];
      if (!answer || !own) return;
      const foreign = traceable(scenario, answer, fields).filter((f) => !explains(own, f, answer[f]));
      if (foreign.length === 0) return;
      violations.push({
        ...base,
        title: "Concurrent PUT answered with another request's values",
        received: describeMix(scenario, answer, traceable(scenario, answer, fields)),
        expected: `the answer to PUT #${index + 1} holds its own values only`,
        exchangeSeq: exchange.seq,
      });
    });
    const acceptedAny = burst.some((exchange) => accept.includes(exchange.response?.status ?? 0));
    if (!stored || !acceptedAny) return violations;
    const judged = traceable(scenario, stored, fields);
    const whole = candidates(scenario).some(({ body }) => judged.every((f) => explains(body, f, stored[f])));
    if (!whole) {
      violations.push({
        ...base,
        title: 'Concurrent PUTs left a mix',
        received: `stored: ${describeMix(scenario, stored, judged)}, which equals none of the bodies`,
        expected: `every updatable field from one of the ${scenario.bodies.length} bodies`,
        ...(readback ? { exchangeSeq: readback.seq } : {}),
      });
    }
    return violations;
  },
};
