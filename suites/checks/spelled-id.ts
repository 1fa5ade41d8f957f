/**
 * I1 for other spellings of a real id (case, spaces, accents, full-width, ...): the spelling names no customer,
 * so a GET of it finds nothing, and the real customer is left as it was (A1 after a 4xx, I1 otherwise).
 */
import type { Violation } from '../../core/failure.ts';
import { find } from '../scenarios/play.ts';
import type { Check } from './check.ts';
import { dataOf, differing, pathIdOf, show } from './values.ts';

const isClientError = (status: number | undefined) => status !== undefined && status >= 400 && status < 500;

/** A GET of the spelling answers 404: it names no customer (not the real one, and none the PUT made). */
export const spelledIdNotFound: Check = {
  name: 'spelled_id_not_found',
  rule: 'I1',
  applies: (trace, scenario) =>
    scenario.kind === 'id-spelling' && find(trace, 'readback')?.response !== undefined,
  run(trace, _scenario, ctx) {
    const readback = find(trace, 'readback');
    const status = readback?.response?.status;
    if (!readback || status === undefined || status >= 500) return [];
    const notFound = ctx.contract.tolerances.statuses.notFound;
    const spelled = pathIdOf(readback);
    const id = dataOf(readback)?.['id'];
    if (notFound.includes(status)) return [];
    return [
      {
        rule: 'I1',
        check: 'spelled_id_not_found',
        title:
          status === 200
            ? 'Another spelling of an id found a customer'
            : 'Another spelling of an id not answered 404',
        received: `GET of ${show(spelled)} answered ${status}${id === undefined ? '' : ` with data.id ${show(id)}`}`,
        expected: `one of ${notFound.join(', ')}: ids compare exactly, so ${show(spelled)} names no customer`,
        exchangeSeq: readback.seq,
      },
    ];
  },
};

/** The real customer reads the same before and after the requests to its other spelling. */
export const spelledIdLeavesCustomer: Check = {
  name: 'spelled_id_leaves_customer',
  rule: 'I1',
  applies: (trace, scenario) =>
    scenario.kind === 'id-spelling' &&
    dataOf(find(trace, 'real-before')) !== undefined &&
    find(trace, 'real-after')?.response !== undefined,
  run(trace, scenario, ctx) {
    const before = dataOf(find(trace, 'real-before'));
    const real = find(trace, 'real-after');
    const after = dataOf(real);
    const update = find(trace, 'update');
    if (!before || !real || scenario.kind !== 'id-spelling') return [];
    const status = update?.response?.status;
    const spelled = update ? pathIdOf(update) : scenario.id;
    const base = {
      rule: isClientError(status) ? ('A1' as const) : ('I1' as const),
      check: 'spelled_id_leaves_customer',
      exchangeSeq: real.seq,
    };
    const answered = `a PUT to ${show(spelled)} (${scenario.spelling}) answered ${status ?? update?.error ?? 'nothing'}`;
    if (!after) {
      return [
        {
          ...base,
          title: 'Customer unreadable after a request to another spelling of its id',
          received: `after ${answered}, GET of ${show(before['id'])} answered ${real.response?.status ?? real.error}`,
          expected: 'the customer, unchanged',
        },
      ];
    }
    const fields = ctx.contract.fields.kept;
    const violations: Violation[] = [];
    for (const field of differing(before, after, fields, ctx.contract.fields.updatable)) {
      violations.push({
        ...base,
        title: 'Another spelling of the id changed the customer',
        received: `after ${answered}, customer ${show(before['id'])} has ${field} = ${show(after[field])}`,
        expected: `${show(before[field])}, as before: ids compare exactly, so ${show(spelled)} is another id`,
        pointer: `/data/${field}`,
        sent: before[field],
        got: after[field],
      });
    }
    return violations;
  },
};
