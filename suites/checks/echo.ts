/** S1: after a 200, data[f] equals the sent value for every updatable field f in the body. */
import type { Violation } from '../../core/failure.ts';
import { diagnose } from '../diagnose.ts';
import { find } from '../scenarios/play.ts';
import type { Check } from './check.ts';
import { afterBaseline, whenAccepted } from './conditions.ts';
import { dataOf, sentObject, show } from './values.ts';

export const echoesSentValues: Check = afterBaseline(
  whenAccepted('update', {
    name: 'echoes_sent_values',
    rule: 'S1',
    applies: (_trace, scenario) => 'case' in scenario && sentObject(scenario.case.value) !== undefined,
    run(trace, scenario, ctx) {
      const sent = 'case' in scenario ? sentObject(scenario.case.value) : undefined;
      const update = find(trace, 'update');
      const data = dataOf(update);
      const before = dataOf(find(trace, 'baseline'));
      if (!sent || !data) return [];
      const violations: Violation[] = [];
      for (const field of ctx.contract.fields.updatable) {
        if (!Object.hasOwn(sent, field) || data[field] === sent[field]) continue;
        const others = Object.fromEntries(Object.entries(sent).filter(([name]) => name !== field));
        violations.push({
          rule: 'S1',
          check: 'echoes_sent_values',
          title: 'Sent value not echoed',
          received: `data.${field} = ${show(data[field])}`,
          expected: `${show(sent[field])}, exactly as sent`,
          pointer: `/data/${field}`,
          diagnosis: diagnose(sent[field], data[field], { previous: before?.[field], others }),
          sent: sent[field],
          got: data[field],
          ...(update ? { exchangeSeq: update.seq } : {}),
        });
      }
      return violations;
    },
  }),
);
