/** I1: a PUT with a valid body to an unknown id answers 404, and the id still does not exist afterwards. */
import type { Violation } from '../../core/failure.ts';
import { find } from '../scenarios/play.ts';
import type { Check } from './check.ts';

export const unknownIdStaysUnknown: Check = {
  name: 'unknown_id_stays_unknown',
  rule: 'I1',
  applies: (trace, scenario) =>
    scenario.kind === 'unknown-id' && find(trace, 'readback')?.response !== undefined,
  run(trace, scenario, ctx) {
    const readback = find(trace, 'readback');
    const status = readback?.response?.status;
    const notFound = ctx.contract.tolerances.statuses.notFound;
    if (status === undefined || notFound.includes(status) || status >= 500) return [];
    const id = scenario.kind === 'unknown-id' ? scenario.id : '';
    const violation: Violation = {
      rule: 'I1',
      check: 'unknown_id_stays_unknown',
      title: 'PUT to an unknown id created it',
      received: `GET of "${id}" answered ${status} after the PUT`,
      expected: `one of ${notFound.join(', ')}: the customer still does not exist`,
      ...(readback ? { exchangeSeq: readback.seq } : {}),
    };
    return [violation];
  },
};
