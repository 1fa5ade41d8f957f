/**
 * MUST-ACCEPT bodies (rules B2, B3): the required fields, any subset of the optional ones, each optional field a
 * string of its envelope or null. Built on fc.record with the contract's required keys, so absent keys shrink
 * away and a failure caused by one field shrinks to the required fields plus that one.
 */
import fc from 'fast-check';
import type { Contract } from '../contracts/load.ts';
import type { UpdateBody } from './body-case.ts';
import { envelopeString } from './envelope-string.ts';
import { checkContract } from './_internals/options.ts';

// fc.record leaves an optional key out only one time in six, so bodies would nearly always hold 10+ fields.
// Two sparser variants mark keys OMIT (first in a cross-shrinking oneof, so a key still shrinks to absent).
const OMIT: unique symbol = Symbol('omit');
const DENSITIES = [
  { present: 1, absent: 0 },
  { present: 1, absent: 1 },
  { present: 1, absent: 5 },
] as const;

export function validBody(contract: Contract): fc.Arbitrary<UpdateBody> {
  checkContract('validBody', contract);
  const { updatable, required } = contract.fields;
  const values = new Map(updatable.map((field) => [field, envelopeString(contract, field)]));
  const variant = ({ present, absent }: { present: number; absent: number }) => {
    const model: Record<string, fc.Arbitrary<string | null | typeof OMIT>> = {};
    for (const [field, value] of values) {
      if (required.includes(field)) {
        model[field] = value;
        continue;
      }
      // One null in eight: enough B2 cases, while a third of the bodies still send only strings (B3).
      const optional = fc.option(value, { nil: null, freq: 8 });
      model[field] =
        absent === 0
          ? optional
          : fc.oneof(
              { withCrossShrink: true },
              { arbitrary: fc.constant(OMIT), weight: absent },
              { arbitrary: optional, weight: present },
            );
    }
    // noNullPrototype: bodies are plain objects, as JSON.parse would give.
    return fc
      .record(model, { requiredKeys: required, noNullPrototype: true })
      .map((body) => Object.fromEntries(Object.entries(body).filter(([, v]) => v !== OMIT)) as UpdateBody);
  };
  return fc.oneof(...DENSITIES.map(variant));
}
