/**
 * Phone numbers as people type them: digits only, or formatted with a country code, brackets, dashes, dots,
 * spaces and an extension. Built from digit strings so they shrink to short all-zero numbers.
 */
import fc from 'fast-check';
import { requiredClassChar } from './char-classes.ts';
import { joinChars } from './code-points.ts';
import type { Envelope } from './envelope.ts';

const FORMATS = ['({a}) {b}-{c}', '{a}-{b}-{c}', '{a}.{b}.{c}', '{a} {b} {c}', '{a}{b}{c}'] as const;
const COUNTRY_CODES = ['', '+1 ', '+44 ', '+33 ', '+49 ', '+81 ', '001 '] as const;

export function phoneBranches(envelope: Envelope): Record<string, fc.Arbitrary<string>> {
  const digit = requiredClassChar(envelope, 'digit');
  const digits = (min: number, max: number) => joinChars(fc.array(digit, { minLength: min, maxLength: max }));
  return {
    digitsOnly: digits(7, 15),
    formatted: fc
      .record({
        country: fc.constantFrom(...COUNTRY_CODES),
        format: fc.constantFrom(...FORMATS),
        a: digits(3, 3),
        b: digits(3, 3),
        c: digits(4, 4),
        ext: fc.option(digits(1, 5), { nil: undefined }),
      })
      .map(
        ({ country, format, a, b, c, ext }) =>
          country + format.replace('{a}', a).replace('{b}', b).replace('{c}', c) + (ext ? ` x${ext}` : ''),
      ),
  };
}
