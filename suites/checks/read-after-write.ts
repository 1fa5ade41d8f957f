/** S4: a GET right after a 200 returns the same updatable fields as the PUT response. */
import type { Violation } from '../../core/failure.ts';
import { diagnose, diagnosed } from '../diagnose.ts';
import { find, lastSetupWrite } from '../scenarios/play.ts';
import { targetsOf } from '../scenarios/scenario.ts';
import { changedAfterSeq } from './changed-after.ts';
import type { Check } from './check.ts';
import { whenAccepted } from './conditions.ts';
import { dataOf, deepEqual, sentObject, show } from './values.ts';

export const readAfterWrite: Check = whenAccepted('update', {
  name: 'read_after_write',
  rule: 'S4',
  applies: (trace, scenario) =>
    (scenario.kind === 'update' || scenario.kind === 'probe') &&
    dataOf(find(trace, 'readback')) !== undefined,
  run(trace, scenario, ctx) {
    const update = find(trace, 'update');
    const readback = find(trace, 'readback');
    const written = dataOf(update);
    const read = dataOf(readback);
    if (!written || !read) return [];
    const sent = 'case' in scenario ? sentObject(scenario.case.value) : undefined;
    const before = dataOf(lastSetupWrite(trace));
    const initial = ctx.initial[targetsOf(scenario, ctx.initial.B !== undefined).on];
    const violations: Violation[] = [];
    for (const field of ctx.contract.fields.updatable) {
      if (deepEqual(read[field], written[field])) continue;
      violations.push({
        rule: 'S4',
        check: 'read_after_write',
        title: 'GET after PUT returns another value',
        received: `GET data.${field} = ${show(read[field])}`,
        expected: `${show(written[field])}, as the PUT answered`,
        pointer: `/data/${field}`,
        ...diagnosed(
          diagnose(written[field], read[field], {
            previous: before?.[field],
            // What the GET may show instead of the write: the value before it, or the one the run started with.
            stored: [before?.[field], initial?.[field]].filter((value) => value !== undefined),
            ...(sent
              ? { others: Object.fromEntries(Object.entries(sent).filter(([f]) => f !== field)) }
              : {}),
          }),
        ),
        sent: written[field],
        got: read[field],
        ...(readback ? { exchangeSeq: readback.seq } : {}),
        // The PUT's answer showed the value as written; the GET after it shows another.
        ...changedAfterSeq(
          trace.exchanges,
          update ? trace.exchanges.indexOf(update) - 1 : -1,
          readback ? trace.exchanges.indexOf(readback) : -1,
          field,
          read[field],
        ),
      });
    }
    return violations;
  },
});
