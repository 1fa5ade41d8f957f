/** S1: after a 200, data[f] equals the sent value for every updatable field f in the body. */
import type { Violation } from '../../core/failure.ts';
import type { RuleId } from '../../core/rules.ts';
import type { Scenario } from '../scenarios/scenario.ts';
import { diagnose } from '../diagnose.ts';
import { find } from '../scenarios/play.ts';
import type { Check } from './check.ts';
import { afterBaseline, whenAccepted } from './conditions.ts';
import { dataOf, sentObject, show } from './values.ts';

function ruleFor(scenario: Scenario): RuleId {
  return 'case' in scenario && scenario.case.outcome === 'MAY-EITHER' ? scenario.case.rule : 'S1';
}

export const echoesSentValues: Check = afterBaseline(
  whenAccepted('update', {
    name: 'echoes_sent_values',
    // An accepted edge case (B4, B6, B7) must keep every rule; a broken echo there breaks the case's rule.
    rule: (scenario) => ruleFor(scenario),
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
          rule: ruleFor(scenario),
          check: 'echoes_sent_values',
          title:
            ruleFor(scenario) === 'S1' ? 'Sent value not echoed' : 'Accepted edge case not stored exactly',
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
