/** S3: a PUT leaves the read-only fields as they were, whatever the body holds. */
import type { Violation } from '../../core/failure.ts';
import { targetsOf } from '../scenarios/scenario.ts';
import type { Check } from './check.ts';
import { dataOf, sameValue, show } from './values.ts';

const ROLES = ['update', 'first', 'second', 'readback'];

export const readOnlyFieldsUnchanged: Check = {
  name: 'read_only_fields_unchanged',
  rule: 'S3',
  applies: (trace, scenario, ctx) =>
    scenario.kind !== 'unknown-id' &&
    scenario.kind !== 'id-spelling' &&
    scenario.kind !== 'setup' &&
    ctx.initial[targetsOf(scenario, ctx.initial.B !== undefined).on] !== undefined &&
    trace.exchanges.some((e) => ROLES.includes(e.role) && e.response?.status === 200),
  run(trace, scenario, ctx) {
    const initial = ctx.initial[targetsOf(scenario, ctx.initial.B !== undefined).on];
    if (!initial) return [];
    const violations: Violation[] = [];
    for (const exchange of trace.exchanges) {
      const data = dataOf(exchange);
      if (!ROLES.includes(exchange.role) || exchange.response?.status !== 200 || !data) continue;
      for (const field of ctx.contract.fields.readOnly) {
        // The id a PUT answers with is I2's to judge; S3 holds the stored id.
        if (field === 'id' && exchange.request.method === 'PUT') continue;
        if (sameValue(field, data[field], initial[field], ctx.contract.fields.updatable)) continue;
        violations.push({
          rule: 'S3',
          check: 'read_only_fields_unchanged',
          title: 'Read-only field changed',
          received: `data.${field} = ${show(data[field])} in the ${exchange.role} response`,
          expected: `${show(initial[field])}, as it was before the run`,
          pointer: `/data/${field}`,
          sent: initial[field],
          got: data[field],
          exchangeSeq: exchange.seq,
        });
      }
    }
    return violations;
  },
};
