/**
 * S1: after a 200, data[f] equals the sent value for every updatable field f in the body. In an accepted edge
 * case (B4, B6, B7) a broken echo is blamed on the case's rule only when the edge is what broke it: the edge
 * field itself (B4), a value of an extra property landing in a real field (B6), or the whole body ignored (B7).
 * Anything else is the backend's plain S1 bug showing up in an edge case.
 */
import type { Violation } from '../../core/failure.ts';
import type { RuleId } from '../../core/rules.ts';
import { diagnose, diagnosed } from '../diagnose.ts';
import { find, lastSetupWrite } from '../scenarios/play.ts';
import type { Scenario } from '../scenarios/scenario.ts';
import type { Check } from './check.ts';
import { afterBaseline, whenAccepted } from './conditions.ts';
import { dataOf, deepEqual, sentObject, show } from './values.ts';

interface Echo {
  field: string;
  got: unknown;
  sent: Record<string, unknown>;
  /** The answer, and the state before the request. */
  data: Record<string, unknown>;
  before: Record<string, unknown> | undefined;
  updatable: string[];
}

/** Every sent field came back as it was before: the body was not read at all. */
function bodyIgnored(echo: Echo): boolean {
  const sentFields = echo.updatable.filter((f) => Object.hasOwn(echo.sent, f));
  return sentFields.every((f) => echo.data[f] !== echo.sent[f] && deepEqual(echo.data[f], echo.before?.[f]));
}

function blame(scenario: Scenario, echo: Echo): RuleId {
  if (!('case' in scenario) || scenario.case.outcome !== 'MAY-EITHER') return 'S1';
  const { rule, pointer } = scenario.case;
  switch (rule) {
    case 'B4':
      return pointer === `/${echo.field}` ? 'B4' : 'S1';
    case 'B6': {
      const extras = Object.entries(echo.sent).filter(([name]) => !echo.updatable.includes(name));
      return extras.some(([, value]) => deepEqual(value, echo.got)) ? 'B6' : 'S1';
    }
    case 'B7':
      return bodyIgnored(echo) ? 'B7' : 'S1';
    default:
      return 'S1';
  }
}

/** A record without `field`: the other fields, for a diagnosis that looks at where this one's value went. */
const otherFields = (record: Record<string, unknown>, field: string): Record<string, unknown> =>
  Object.fromEntries(Object.entries(record).filter(([name]) => name !== field));

export const echoesSentValues: Check = afterBaseline(
  whenAccepted('update', {
    name: 'echoes_sent_values',
    rule: (scenario) =>
      'case' in scenario && scenario.case.outcome === 'MAY-EITHER' ? scenario.case.rule : 'S1',
    applies: (_trace, scenario) => 'case' in scenario && sentObject(scenario.case.value) !== undefined,
    run(trace, scenario, ctx) {
      const sent = 'case' in scenario ? sentObject(scenario.case.value) : undefined;
      const update = find(trace, 'update');
      const data = dataOf(update);
      const before = dataOf(lastSetupWrite(trace));
      if (!sent || !data) return [];
      const { updatable } = ctx.contract.fields;
      const violations: Violation[] = [];
      for (const field of updatable) {
        if (!Object.hasOwn(sent, field) || data[field] === sent[field]) continue;
        const others = Object.fromEntries(Object.entries(sent).filter(([name]) => name !== field));
        const rule = blame(scenario, { field, got: data[field], sent, data, before, updatable });
        violations.push({
          rule,
          check: 'echoes_sent_values',
          title: rule === 'S1' ? 'Sent value not echoed' : 'Accepted edge case not stored exactly',
          received: `data.${field} = ${show(data[field])}`,
          expected: `${show(sent[field])}, exactly as sent`,
          pointer: `/data/${field}`,
          ...diagnosed(
            diagnose(sent[field], data[field], {
              previous: before?.[field],
              others,
              answered: otherFields(data, field),
              ...(before ? { before: otherFields(before, field) } : {}),
            }),
          ),
          sent: sent[field],
          got: data[field],
          ...(update ? { exchangeSeq: update.seq } : {}),
        });
      }
      return violations;
    },
  }),
);
