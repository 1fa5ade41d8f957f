/** S2: a body with only the required fields shows the backend's PUT semantics, which must be one of the allowed. */
import type { Violation } from '../../core/failure.ts';
import { find } from '../scenarios/play.ts';
import type { Check } from './check.ts';
import { afterBaseline, whenAccepted } from './conditions.ts';
import { omittedOutcomes, semanticsOf } from './omitted-fields.ts';
import { dataOf, sentObject } from './values.ts';

/** The semantics a probe trace shows: merge, replace, mixed, or undefined when it shows nothing. */
export function probedSemantics(
  trace: Parameters<Check['run']>[0],
  scenario: Parameters<Check['run']>[1],
  optional: string[],
): ReturnType<typeof semanticsOf> {
  const before = dataOf(find(trace, 'baseline'));
  const after = dataOf(find(trace, 'update'));
  const sent = 'case' in scenario ? sentObject(scenario.case.value) : undefined;
  if (!before || !after || !sent) return undefined;
  return semanticsOf(omittedOutcomes(sent, before, after, optional));
}

export const semanticsProbe: Check = afterBaseline(
  whenAccepted('update', {
    name: 'put_semantics_probe',
    rule: 'S2',
    applies: (_trace, scenario) => scenario.kind === 'probe',
    run(trace, scenario, ctx) {
      const shown = probedSemantics(trace, scenario, ctx.contract.fields.optional);
      const pinned = ctx.contract.tolerances.putSemantics;
      const update = find(trace, 'update');
      const base = {
        rule: 'S2' as const,
        check: 'put_semantics_probe',
        ...(update ? { exchangeSeq: update.seq } : {}),
      };
      const violations: Violation[] = [];
      if (shown === 'mixed') {
        violations.push({
          ...base,
          title: 'Omitted fields follow different PUT semantics',
          received: 'some omitted fields kept, others cleared or changed',
          expected: 'every omitted field kept (merge) or every one null (replace)',
        });
      } else if (shown !== undefined && pinned !== 'either' && shown !== pinned) {
        violations.push({
          ...base,
          title: 'PUT semantics differ from the contract',
          received: `the backend ${shown === 'merge' ? 'keeps' : 'clears'} omitted fields (${shown})`,
          expected: `${pinned}, as contracts/tolerances.json pins`,
        });
      }
      return violations;
    },
  }),
);
