/**
 * S3: a PUT leaves the read-only fields as they were, whatever the body holds. Each changed field is reported
 * once, where it is first seen, naming the write after which it changed (the baseline PUT included: a backend
 * that rewrites a field on every update shows it there first, not in the rejected request after it).
 */
import type { Exchange } from '../../core/exchange.ts';
import type { Violation } from '../../core/failure.ts';
import { targetsOf } from '../scenarios/scenario.ts';
import { changedAfterSeq } from './changed-after.ts';
import type { Check } from './check.ts';
import { dataOf, sameValue, show } from './values.ts';

const ROLES = ['baseline', 'history', 'update', 'first', 'second', 'readback'];

/** Answers that show the written customer: 200s of its PUTs and its read-back, in order. */
function observations(
  exchanges: Exchange[],
): { index: number; exchange: Exchange; data: Record<string, unknown> }[] {
  return exchanges.flatMap((exchange, index) => {
    const data = dataOf(exchange);
    return ROLES.includes(exchange.role) && exchange.response?.status === 200 && data
      ? [{ index, exchange, data }]
      : [];
  });
}

export const readOnlyFieldsUnchanged: Check = {
  name: 'read_only_fields_unchanged',
  rule: 'S3',
  applies: (trace, scenario, ctx) =>
    scenario.kind !== 'unknown-id' &&
    scenario.kind !== 'id-spelling' &&
    scenario.kind !== 'setup' &&
    ctx.initial[targetsOf(scenario, ctx.initial.B !== undefined).on] !== undefined &&
    observations(trace.exchanges).length > 0,
  run(trace, scenario, ctx) {
    const initial = ctx.initial[targetsOf(scenario, ctx.initial.B !== undefined).on];
    if (!initial) return [];
    const seen = observations(trace.exchanges);
    const violations: Violation[] = [];
    for (const field of ctx.contract.fields.readOnly) {
      let lastUnchanged = -1;
      for (const { index, exchange, data } of seen) {
        // The id a PUT answers with is I2's to judge; S3 holds the stored id.
        if (field === 'id' && exchange.request.method === 'PUT') continue;
        if (sameValue(field, data[field], initial[field], ctx.contract.fields.updatable)) {
          lastUnchanged = index;
          continue;
        }
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
          ...changedAfterSeq(trace.exchanges, lastUnchanged, index, field, data[field]),
        });
        break;
      }
    }
    return violations;
  },
};
