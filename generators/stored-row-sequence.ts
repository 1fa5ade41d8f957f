/**
 * Bodies that meet the stored row (rules S1-S5, I1): a full baseline, up to two full writes after it, then the
 * case, each field of each derived from what is stored: the same value again, a value it held earlier, the same
 * value but for case or a trailing space, a switch between null and a string, a new value, or (in the case only)
 * left out. One case in four is a no-op: exactly
 * the stored row. The writes before the case send every field, so the row they leave is known under merge and
 * replace alike. Built from independent draws and a deterministic map, so a failure shrinks towards the no-op
 * (every choice shrinks to "same").
 */
import fc from 'fast-check';
import type { Contract } from '../contracts/load.ts';
import type { UpdateBody } from './body-case.ts';
import { fullBody } from './full-body.ts';
import { rowBody } from './row-body.ts';
import { isEnvelopeEmail, isInEnvelope, type Envelope } from './_internals/envelope.ts';
import { fieldKind } from './_internals/field-kind.ts';
import { checkContract } from './_internals/options.ts';

/**
 * How a sent field meets the row before it. `refolded`: the stored value spelled as a case-insensitive,
 * PAD SPACE collation would call equal (case swapped, or a trailing space added): another value all the same.
 */
export type Meeting = 'same' | 'earlier' | 'refolded' | 'to-null' | 'to-string' | 'new' | 'omitted';

export interface StoredRowSequence {
  /** The first write, of every field. */
  baseline: UpdateBody;
  /** Writes of every field between the baseline and the case: values the case can go back to. */
  history: UpdateBody[];
  /** The case, derived from the row the last write left. */
  body: UpdateBody;
  /** How each field of the case meets that row. */
  meets: Record<string, Meeting>;
  /** The case is exactly the stored row. */
  noOp: boolean;
}

const CHOICES = ['same', 'earlier', 'refold', 'switch', 'new', 'omit'] as const;
type Choice = (typeof CHOICES)[number];
const MAX_HISTORY = 2;

/** The most recent value of `field` before the current row that differs from it; undefined when none does. */
function earlierValue(rows: UpdateBody[], field: string): string | null | undefined {
  const current = rows.at(-1)?.[field];
  for (let j = rows.length - 2; j >= 0; j--) {
    const value = rows[j]?.[field];
    if (value !== undefined && value !== current) return value;
  }
  return undefined;
}

/** `value` in another case, or with a trailing space when it has no letter that changes case; in the envelope. */
function refolded(value: string, email: boolean, envelope: Envelope): string | undefined {
  const upper = value.toUpperCase();
  const swapped = upper !== value ? upper : value.toLowerCase();
  const candidate = swapped !== value ? swapped : `${value} `;
  const ok = email ? isEnvelopeEmail(envelope, candidate) : isInEnvelope(envelope, candidate);
  return ok && candidate !== value ? candidate : undefined;
}

function derive(
  rows: UpdateBody[],
  choices: readonly Choice[],
  fresh: Record<string, string>,
  fields: { updatable: string[]; required: string[] },
  envelope: Envelope,
  mayOmit: boolean,
): { body: UpdateBody; meets: Record<string, Meeting> } {
  const current = rows.at(-1) as UpdateBody;
  const body: UpdateBody = {};
  const meets: Record<string, Meeting> = {};
  fields.updatable.forEach((field, i) => {
    const choice = choices[i] ?? 'same';
    const optional = !fields.required.includes(field);
    const now = current[field] ?? null;
    const earlier = earlierValue(rows, field);
    const set = (value: string | null, meeting: Meeting) => {
      body[field] = value;
      meets[field] = meeting;
    };
    const refold =
      choice === 'refold' && now !== null ? refolded(now, fieldKind(field) === 'email', envelope) : undefined;
    if (choice === 'omit' && mayOmit && optional) meets[field] = 'omitted';
    else if (refold !== undefined) set(refold, 'refolded');
    else if (choice === 'earlier' && earlier !== undefined)
      set(earlier, earlier === null ? 'to-null' : now === null ? 'to-string' : 'earlier');
    else if (choice === 'switch' && now !== null && optional) set(null, 'to-null');
    else if (choice === 'switch' && now === null) set(fresh[field] ?? '', 'to-string');
    else if (choice === 'new' || choice === 'switch') set(fresh[field] ?? '', 'new');
    else set(now, 'same');
  });
  return { body, meets };
}

export function storedRowSequence(contract: Contract): fc.Arbitrary<StoredRowSequence> {
  checkContract('storedRowSequence', contract);
  const { updatable, required } = contract.fields;
  const fields = { updatable, required };
  const { envelope } = contract.tolerances;
  const choices = fc.array(fc.constantFrom(...CHOICES), {
    minLength: updatable.length,
    maxLength: updatable.length,
  });
  const steps = MAX_HISTORY + 1;
  return fc
    .record({
      baseline: rowBody(contract),
      historyLength: fc.integer({ min: 0, max: MAX_HISTORY }),
      // New values for each write after the baseline: tagged, so each is distinct from every stored one.
      fresh: fc.array(fullBody(contract), { minLength: steps, maxLength: steps }),
      choices: fc.array(choices, { minLength: steps, maxLength: steps }),
      // The no-op first: a failure shrinks to it when it fails there too.
      noOp: fc.oneof(
        { withCrossShrink: true },
        { arbitrary: fc.constant(true), weight: 1 },
        { arbitrary: fc.constant(false), weight: 3 },
      ),
    })
    .map(({ baseline, historyLength, fresh, choices: picks, noOp }) => {
      const rows: UpdateBody[] = [baseline];
      for (let step = 0; step < historyLength; step++) {
        rows.push(derive(rows, picks[step] ?? [], fresh[step] ?? {}, fields, envelope, false).body);
      }
      const history = rows.slice(1);
      if (noOp) {
        const row = rows.at(-1) as UpdateBody;
        const meets = Object.fromEntries(updatable.map((f): [string, Meeting] => [f, 'same']));
        return { baseline, history, body: { ...row }, meets, noOp: true };
      }
      const last = derive(rows, picks[MAX_HISTORY] ?? [], fresh[MAX_HISTORY] ?? {}, fields, envelope, true);
      return { baseline, history, body: last.body, meets: last.meets, noOp: false };
    });
}

/** A short description of how a case meets the stored row, for reports. */
export function describeMeeting(sequence: StoredRowSequence): string {
  if (sequence.noOp) return 'no-op: every field as stored';
  const counts = new Map<Meeting, number>();
  for (const meeting of Object.values(sequence.meets)) counts.set(meeting, (counts.get(meeting) ?? 0) + 1);
  const words: Record<Meeting, string> = {
    same: 'as stored',
    earlier: 'back to an earlier value',
    refolded: 'as stored but for case or a trailing space',
    'to-null': 'string to null',
    'to-string': 'null to string',
    new: 'new',
    omitted: 'omitted',
  };
  const parts = [...counts].map(([meeting, count]) => `${count} ${words[meeting]}`);
  return `body meeting the stored row: ${parts.join(', ')}`;
}
