/**
 * Records what a judged case reached, per field and value class (generators/value-class.ts): the status its
 * update got, and whether the stored value was then compared (S1/S2 on the answer, S4 on a read-back, A1 after
 * a refusal). Only what the checks did is recorded: coverage costs no request.
 */
import type { ClassTally, ValueCoverage } from '../core/coverage.ts';
import type { BodyCase } from '../generators/index.ts';
import { classesOfValue } from '../generators/value-class.ts';
import type { JudgeContext } from './checks/check.ts';
import { sentObject } from './checks/values.ts';
import { find, type Trace } from './scenarios/play.ts';
import type { Scenario } from './scenarios/scenario.ts';

/** The case whose values reach a fixture's stored row, sent as JSON with the right token; undefined otherwise. */
function storedCase(scenario: Scenario): { body: Record<string, unknown>; case: BodyCase } | undefined {
  // A repeat is judged on its two answers (S5), not on what was stored: its values reach nothing here.
  if (scenario.kind !== 'update' && scenario.kind !== 'probe') return undefined;
  if (scenario.kind === 'update' && scenario.auth !== 'valid' && scenario.auth !== 'valid-lowercase-scheme')
    return undefined;
  const { contentType } = scenario.case;
  // Another content type is about the header (B7), not the values.
  if (contentType !== undefined && !/^application\/json\s*(;|$)/i.test(contentType)) return undefined;
  const body = sentObject(scenario.case.value);
  return body === undefined ? undefined : { body, case: scenario.case };
}

const pointerTo = (field: string) => `/${field.replaceAll('~', '~0').replaceAll('/', '~1')}`;

/** The checks that compare a field's stored value after a 2xx: the echo for a sent field, S2 for an omitted one. */
const SENT_STORED = ['echoes_sent_values'];
const OMITTED_STORED = ['omitted_fields_follow_semantics', 'put_semantics_probe'];

const empty = (): ClassTally => ({ sent: 0, statuses: {}, stored: 0, readBack: 0, unchanged: 0 });

export class CoverageTally {
  readonly fields: ValueCoverage = {};

  /** `applied`: the names of the checks that judged this trace. */
  add(trace: Trace, scenario: Scenario, applied: readonly string[], ctx: JudgeContext): void {
    const sent = storedCase(scenario);
    if (sent === undefined) return;
    const { body } = sent;
    const status = find(trace, 'update')?.response?.status;
    const key = status === undefined ? 'none' : String(status);
    const ok = status !== undefined && status >= 200 && status < 300;
    const readBack = applied.includes('read_after_write');
    const unchanged = applied.includes('rejection_is_atomic');
    const { pointer, outcome } = sent.case;
    for (const field of ctx.contract.fields.updatable) {
      // A refusal speaks to the value that makes the case (its pointer), or to every value of a valid body; a
      // refused body with another field mistyped says nothing about this one.
      if (!ok && outcome !== 'MUST-ACCEPT' && pointer !== pointerTo(field)) continue;
      const present = Object.hasOwn(body, field);
      const byClass = (this.fields[field] ??= {});
      for (const id of classesOfValue(ctx.contract, field, body)) {
        const tally = (byClass[id] ??= empty());
        tally.sent++;
        tally.statuses[key] = (tally.statuses[key] ?? 0) + 1;
        if (ok && (present ? SENT_STORED : OMITTED_STORED).some((name) => applied.includes(name)))
          tally.stored++;
        if (ok && readBack) tally.readBack++;
        if (!ok && unchanged) tally.unchanged++;
      }
    }
  }
}

/** The tallies added up: what several cases (or several cells) sent, were answered and had judged. */
export function sumTallies(tallies: readonly ClassTally[]): ClassTally {
  const total = empty();
  for (const tally of tallies) {
    total.sent += tally.sent;
    total.stored += tally.stored;
    total.readBack += tally.readBack;
    total.unchanged += tally.unchanged;
    for (const [status, n] of Object.entries(tally.statuses))
      total.statuses[status] = (total.statuses[status] ?? 0) + n;
  }
  return total;
}

/** Sums the coverage of several checks (the runner's view of the run). */
export function mergeCoverage(all: readonly (ValueCoverage | undefined)[]): ValueCoverage {
  const merged: ValueCoverage = {};
  for (const coverage of all) {
    for (const [field, byClass] of Object.entries(coverage ?? {})) {
      const into = (merged[field] ??= {});
      for (const [id, tally] of Object.entries(byClass))
        into[id] = sumTallies(into[id] ? [into[id], tally] : [tally]);
    }
  }
  return merged;
}
