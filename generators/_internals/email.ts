/**
 * Realistic addresses for the email field (rule B3: only realistic addresses are in its envelope). Built from
 * shrinkable parts so a failure shrinks to "a@a.co"; faker and mixed-case variants add realism and case; a long
 * variant reaches the pattern's limits. The field generator keeps only those matching envelope.emailPattern.
 */
import fc from 'fast-check';
import { requiredClassChar } from './char-classes.ts';
import { joinChars } from './code-points.ts';
import type { Envelope } from './envelope.ts';
import { fakerValue } from './faker-values.ts';

const TLDS = ['co', 'com', 'org', 'net', 'io', 'de', 'fr', 'info', 'co.uk', 'example'] as const;

interface Shape {
  atomMin: number;
  atomMax: number;
  labelMax: number;
  labelsMax: number;
}

const SHORT: Shape = { atomMin: 1, atomMax: 8, labelMax: 10, labelsMax: 2 };
const LONG: Shape = { atomMin: 20, atomMax: 30, labelMax: 40, labelsMax: 4 };

/** local = atoms joined by single separators (never leading, trailing or doubled); domain = labels + tld. */
function shapedEmail(envelope: Envelope, shape: Shape): fc.Arbitrary<string> {
  const alnum = requiredClassChar(envelope, 'lowerAlnum');
  const atom = joinChars(
    fc.array(alnum, { minLength: shape.atomMin, maxLength: shape.atomMax, size: 'max' }),
  );
  const label = joinChars(fc.array(alnum, { minLength: 1, maxLength: shape.labelMax, size: 'max' }));
  const local = fc
    .tuple(
      atom,
      fc.option(
        fc.tuple(
          fc.constantFrom('.', '_', '+', '-'),
          joinChars(fc.array(alnum, { minLength: 1, maxLength: 8 })),
        ),
      ),
    )
    .map(([first, more]) => (more ? first + more.join('') : first));
  const domain = fc
    .tuple(fc.array(label, { minLength: 1, maxLength: shape.labelsMax - 1 }), fc.constantFrom(...TLDS))
    .map(([labels, tld]) => [...labels, tld].join('.'));
  return fc.tuple(local, domain).map(([l, d]) => `${l}@${d}`);
}

export function emailBranches(envelope: Envelope): Record<string, fc.Arbitrary<string>> {
  const shaped = shapedEmail(envelope, SHORT);
  return {
    shaped,
    faker: fakerValue('email'),
    mixedCase: fc.mixedCase(fc.oneof(shaped, fakerValue('email'))),
    long: fc.mixedCase(shapedEmail(envelope, LONG)),
  };
}
