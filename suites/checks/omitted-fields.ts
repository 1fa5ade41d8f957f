/**
 * S2: each omitted optional field comes back unchanged (merge) or null (replace), the same choice for every
 * field of every request of the run: the choice is the contract's, or the one the backend showed in its probe.
 */
import type { Violation } from '../../core/failure.ts';
import { find, lastSetupWrite } from '../scenarios/play.ts';
import type { Check, Resolved } from './check.ts';
import { afterBaseline, whenAccepted } from './conditions.ts';
import { dataOf, deepEqual, sentObject, show } from './values.ts';

type Kind = 'kept' | 'nulled' | 'other';

/** What happened to each omitted optional field, compared with the state before. */
export function omittedOutcomes(
  sent: Record<string, unknown>,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  optional: string[],
): { field: string; kind: Kind }[] {
  return optional
    .filter((field) => !Object.hasOwn(sent, field))
    .map((field) => {
      // A field that was null before cannot tell merge from replace: it counts as both.
      if (before[field] === null && after[field] === null) return { field, kind: 'kept' as const };
      if (deepEqual(after[field], before[field])) return { field, kind: 'kept' as const };
      return { field, kind: after[field] === null ? ('nulled' as const) : ('other' as const) };
    });
}

export function semanticsOf(outcomes: { kind: Kind }[]): Resolved | 'mixed' {
  const kinds = new Set(outcomes.map((o) => o.kind));
  if (kinds.has('other') || (kinds.has('kept') && kinds.has('nulled'))) return 'mixed';
  if (kinds.has('nulled')) return 'replace';
  return kinds.has('kept') ? 'merge' : undefined;
}

export const omittedFieldsFollowSemantics: Check = afterBaseline(
  whenAccepted('update', {
    name: 'omitted_fields_follow_semantics',
    rule: 'S2',
    applies: (_trace, scenario, ctx) =>
      scenario.kind === 'update' &&
      sentObject(scenario.case.value) !== undefined &&
      ctx.contract.fields.optional.some((f) => !Object.hasOwn(sentObject(scenario.case.value) ?? {}, f)),
    run(trace, scenario, ctx) {
      const sent = 'case' in scenario ? sentObject(scenario.case.value) : undefined;
      const before = dataOf(lastSetupWrite(trace));
      const update = find(trace, 'update');
      const after = dataOf(update);
      if (!sent || !before || !after) return [];
      const outcomes = omittedOutcomes(sent, before, after, ctx.contract.fields.optional);
      const expected = ctx.semantics;
      const violations: Violation[] = [];
      for (const { field, kind } of outcomes) {
        const wrong =
          kind === 'other' ||
          (expected === 'merge' && kind === 'nulled') ||
          (expected === 'replace' && kind === 'kept' && before[field] !== null);
        if (!wrong) continue;
        violations.push({
          rule: 'S2',
          check: 'omitted_fields_follow_semantics',
          title: 'Omitted field changed against the PUT semantics',
          received: `data.${field} = ${show(after[field])} (was ${show(before[field])}, not sent)`,
          expected:
            expected === 'merge'
              ? `unchanged (${show(before[field])}): the backend keeps omitted fields`
              : expected === 'replace'
                ? 'null: the backend clears omitted fields'
                : 'unchanged or null, the same for every omitted field',
          pointer: `/data/${field}`,
          got: after[field],
          ...(update ? { exchangeSeq: update.seq } : {}),
        });
      }
      if (violations.length === 0 && expected === undefined && semanticsOf(outcomes) === 'mixed') {
        violations.push({
          rule: 'S2',
          check: 'omitted_fields_follow_semantics',
          title: 'Omitted fields follow different PUT semantics',
          received: outcomes.map((o) => `${o.field} ${o.kind}`).join(', '),
          expected: 'every omitted field kept (merge) or every one null (replace)',
          ...(update ? { exchangeSeq: update.seq } : {}),
        });
      }
      return violations;
    },
  }),
);
