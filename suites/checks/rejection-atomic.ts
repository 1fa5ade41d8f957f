/** A1: after any 4xx, a GET shows the customer exactly as before the request. */
import type { Violation } from '../../core/failure.ts';
import { find, lastSetupWrite } from '../scenarios/play.ts';
import { targetsOf } from '../scenarios/scenario.ts';
import { changedAfterSeq } from './changed-after.ts';
import type { Check } from './check.ts';
import { afterBaseline, whenRejected } from './conditions.ts';
import { dataOf, differing, show } from './values.ts';

export const rejectionIsAtomic: Check = afterBaseline(
  whenRejected('update', {
    name: 'rejection_is_atomic',
    rule: 'A1',
    applies: (trace, scenario) =>
      scenario.kind === 'update' && find(trace, 'readback')?.response !== undefined,
    run(trace, scenario, ctx) {
      // The state before is what the last set-up PUT (baseline or history) answered, with the id of the path (a wrong id in PUT
      // answers is I2's bug, not a change).
      const baseline = dataOf(lastSetupWrite(trace));
      const initial = ctx.initial[targetsOf(scenario, ctx.initial.B !== undefined).on];
      const before: Record<string, unknown> | undefined = baseline && {
        ...baseline,
        id: initial?.['id'] ?? baseline['id'],
      };
      const readback = find(trace, 'readback');
      const after = dataOf(readback);
      const status = find(trace, 'update')?.response?.status;
      if (!before) return [];
      const base = {
        rule: 'A1' as const,
        check: 'rejection_is_atomic',
        ...(readback ? { exchangeSeq: readback.seq } : {}),
      };
      // The baseline's answer is the last that showed the customer as before; the change is first seen in the
      // read-back, so the write after which it changed is between them: the rejected request.
      const at = (e: typeof readback) => (e ? trace.exchanges.indexOf(e) : -1);
      if (!after) {
        return [
          {
            ...base,
            title: 'Customer unreadable after a rejected request',
            received: `GET answered ${readback?.response?.status ?? readback?.error ?? 'nothing'}`,
            expected: 'the customer, unchanged',
          },
        ];
      }
      const fields = ctx.contract.fields.kept;
      const changed = differing(before, after, fields, ctx.contract.fields.updatable);
      const violations: Violation[] = [];
      for (const field of changed) {
        violations.push({
          ...base,
          title: 'Rejected request changed the customer',
          received: `after a ${status}, data.${field} = ${show(after[field])}`,
          expected: `${show(before[field])}, as before the request`,
          pointer: `/data/${field}`,
          sent: before[field],
          got: after[field],
          ...changedAfterSeq(trace.exchanges, at(lastSetupWrite(trace)), at(readback), field, after[field]),
        });
      }
      return violations;
    },
  }),
);
