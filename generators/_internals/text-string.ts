/**
 * Envelope strings for a field of any kind but email: a plain a-z branch first (oneof cross-shrinks towards it,
 * so a failure shrinks to the shortest string that still fails), faker values of the kind, phone shapes for
 * phone fields, and every adversarial class of rule B3. Filtered through the envelope predicate.
 */
import fc from 'fast-check';
import { adversarialBranches } from './adversarial.ts';
import { requiredClassChar } from './char-classes.ts';
import { joinChars } from './code-points.ts';
import { isInEnvelope, type Envelope } from './envelope.ts';
import { fakerValue } from './faker-values.ts';
import type { FieldKind } from './field-kind.ts';
import { phoneBranches } from './phone.ts';

// Relative weights; a branch the envelope rules out (a forbidden class) is simply absent.
const WEIGHTS: Record<string, number> = {
  simple: 3,
  faker: 4,
  digitsOnly: 2,
  formatted: 2,
  padded: 2,
  innerSpaces: 1,
  mixedCase: 1,
  accents: 1,
  combiningMarks: 1,
  rightToLeft: 1,
  cjk: 1,
  astral: 1,
  mixed: 2,
  long: 2,
};

export function weighted(
  branches: Record<string, fc.Arbitrary<string>>,
  weights: Record<string, number>,
): fc.WeightedArbitrary<string>[] {
  return Object.entries(branches).map(([name, arbitrary]) => ({ arbitrary, weight: weights[name] ?? 1 }));
}

export function textString(envelope: Envelope, kind: FieldKind): fc.Arbitrary<string> {
  const simple = joinChars(
    fc.array(requiredClassChar(envelope, 'plain'), {
      minLength: Math.max(1, envelope.minLength),
      maxLength: envelope.maxLength,
    }),
  );
  const branches = {
    simple,
    faker: fakerValue(kind),
    ...(kind === 'phone' ? phoneBranches(envelope) : {}),
    ...adversarialBranches(envelope),
  };
  const [first, ...rest] = weighted(branches, WEIGHTS);
  if (!first) throw new Error('textString: no branch');
  return fc.oneof({ withCrossShrink: true }, first, ...rest).filter((s) => isInEnvelope(envelope, s));
}
