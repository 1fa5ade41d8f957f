/** S6: a PUT to one customer changes no other customer (read before and after the scenario). */
import type { Violation } from '../../core/failure.ts';
import { find } from '../scenarios/play.ts';
import { changedAfterSeq } from './changed-after.ts';
import type { Check } from './check.ts';
import { dataOf, differing, show } from './values.ts';

export const otherCustomerUntouched: Check = {
  name: 'other_customer_untouched',
  rule: 'S6',
  applies: (trace) =>
    dataOf(find(trace, 'other-before')) !== undefined && find(trace, 'other')?.response !== undefined,
  run(trace, _scenario, ctx) {
    const before = dataOf(find(trace, 'other-before'));
    const other = find(trace, 'other');
    const now = dataOf(other);
    if (!before) return [];
    const base = {
      rule: 'S6' as const,
      check: 'other_customer_untouched',
      ...(other ? { exchangeSeq: other.seq } : {}),
    };
    if (!now) {
      return [
        {
          ...base,
          title: 'Other customer unreadable',
          received: `GET of the other customer answered ${other?.response?.status ?? other?.error ?? 'nothing'}`,
          expected: 'the other customer, unchanged',
        },
      ];
    }
    const fields = ctx.contract.fields.kept;
    const violations: Violation[] = [];
    for (const field of differing(before, now, fields, ctx.contract.fields.updatable)) {
      violations.push({
        ...base,
        title: 'PUT changed another customer',
        received: `other customer's ${field} = ${show(now[field])}`,
        expected: `${show(before[field])}, as before the request`,
        pointer: `/data/${field}`,
        sent: before[field],
        got: now[field],
        // Between the two reads of the other customer: the write whose body carries the leaked value, or the first.
        ...changedAfterSeq(
          trace.exchanges,
          trace.exchanges.findIndex((e) => e.role === 'other-before'),
          other ? trace.exchanges.indexOf(other) : -1,
          field,
          now[field],
        ),
      });
    }
    return violations;
  },
};
