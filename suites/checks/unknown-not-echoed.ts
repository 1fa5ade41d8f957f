/** B6: an accepted unknown property does not appear in the response. */
import type { Violation } from '../../core/failure.ts';
import { find } from '../scenarios/play.ts';
import type { Check } from './check.ts';
import { whenAccepted } from './conditions.ts';
import { dataOf, sentObject, show } from './values.ts';

function unknownNames(value: unknown, documented: string[]): string[] {
  return Object.keys(sentObject(value) ?? {}).filter((name) => !documented.includes(name));
}

export const unknownNotEchoed: Check = whenAccepted('update', {
  name: 'unknown_property_not_echoed',
  rule: 'B6',
  applies: (_trace, scenario, ctx) =>
    'case' in scenario && unknownNames(scenario.case.value, ctx.contract.fields.documented).length > 0,
  run(trace, scenario, ctx) {
    if (!('case' in scenario)) return [];
    const update = find(trace, 'update');
    const data = dataOf(update) ?? {};
    const sent = sentObject(scenario.case.value) ?? {};
    const violations: Violation[] = [];
    for (const name of unknownNames(sent, ctx.contract.fields.documented)) {
      if (!Object.hasOwn(data, name)) continue;
      violations.push({
        rule: 'B6',
        check: 'unknown_property_not_echoed',
        title: 'Unknown property stored',
        received: `data.${name} = ${show(data[name])}`,
        expected: `no "${name}" in the response: the contract does not list it`,
        pointer: `/data/${name}`,
        ...(update ? { exchangeSeq: update.seq } : {}),
      });
    }
    return violations;
  },
});
