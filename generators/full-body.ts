/**
 * Every updatable field, non-null, realistic (faker, seeded from fast-check). Each body carries a random token
 * in every value, drawn without bias, so bodies of one concurrent burst differ in every field and a stored mix
 * of two bodies is always visible (rule S7).
 */
import fc from 'fast-check';
import type { Contract } from '../contracts/load.ts';
import { isEnvelopeEmail, isInEnvelope } from './_internals/envelope.ts';
import { MAX_FAKER_SEED, fakerPicks } from './_internals/faker-values.ts';
import { fieldKind } from './_internals/field-kind.ts';
import { checkContract } from './_internals/options.ts';
import { realisticValue } from './_internals/realistic.ts';

const TOKEN_PART = 36 ** 5; // two base-36 parts of 5 digits: a 10-character token, about 51 bits.

function token(high: number, low: number): string {
  return high.toString(36).padStart(5, '0') + low.toString(36).padStart(5, '0');
}

export function fullBody(contract: Contract): fc.Arbitrary<Record<string, string>> {
  checkContract('fullBody', contract);
  const { envelope } = contract.tolerances;
  const fields = contract.fields.updatable;
  const kinds = fields.map(fieldKind);
  const build = (seed: number, tag: string): Record<string, string> => {
    const picks = fakerPicks(kinds, seed);
    return Object.fromEntries(
      fields.map((field, i) => [field, realisticValue(envelope, kinds[i] ?? 'text', picks[i] ?? '', tag)]),
    );
  };
  // A dry run at build time: an envelope too tight for tagged values is refused here, not in a test run.
  const probe = build(0, token(0, 0));
  for (const [i, field] of fields.entries()) {
    const value = probe[field] ?? '';
    const ok = kinds[i] === 'email' ? isEnvelopeEmail(envelope, value) : isInEnvelope(envelope, value);
    if (!ok || !value.includes(token(0, 0))) {
      throw new Error(
        `fullBody: the envelope cannot hold a distinct realistic value for "${field}" (got ${JSON.stringify(value)})`,
      );
    }
  }
  const part = fc.noBias(fc.integer({ min: 0, max: TOKEN_PART - 1 }));
  return fc
    .tuple(fc.noBias(fc.integer({ min: 0, max: MAX_FAKER_SEED })), part, part)
    .map(([seed, high, low]) => build(seed, token(high, low)));
}
