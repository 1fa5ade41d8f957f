/** S5: the same PUT twice gives the same data both times. */
import { find } from '../scenarios/play.ts';
import type { Check } from './check.ts';
import { whenAccepted } from './conditions.ts';
import { dataOf, differing, show } from './values.ts';

export const samePutSameData: Check = whenAccepted(
  'first',
  whenAccepted('second', {
    name: 'same_put_same_data',
    rule: 'S5',
    applies: (_trace, scenario) => scenario.kind === 'repeat',
    run(trace, _scenario, ctx) {
      const first = dataOf(find(trace, 'first'));
      const secondExchange = find(trace, 'second');
      const second = dataOf(secondExchange);
      if (!first || !second) return [];
      const fields = ctx.contract.fields.kept;
      return differing(first, second, fields, ctx.contract.fields.updatable).map((field) => ({
        rule: 'S5' as const,
        check: 'same_put_same_data',
        title: 'Same PUT, different data',
        received: `second answer data.${field} = ${show(second[field])}`,
        expected: `${show(first[field])}, as the first answer`,
        pointer: `/data/${field}`,
        sent: first[field],
        got: second[field],
        ...(secondExchange ? { exchangeSeq: secondExchange.seq } : {}),
      }));
    },
  }),
);
