/**
 * Characters drawn from code point ranges, with the contract's forbidden code points and the surrogates cut out
 * when the generator is built (not filtered per draw). Index 0 is the first code point of the first range, so a
 * character shrinks towards it: list the simplest range first.
 */
import fc from 'fast-check';
import type { Envelope } from './envelope.ts';

export type Range = readonly [number, number];

const SURROGATES: Range = [0xd800, 0xdfff];

/** `ranges` minus `removed`, order kept. */
export function subtractRanges(ranges: readonly Range[], removed: readonly Range[]): Range[] {
  let result: Range[] = [...ranges];
  for (const [cutLo, cutHi] of removed) {
    result = result.flatMap(([lo, hi]): Range[] => {
      if (cutHi < lo || cutLo > hi) return [[lo, hi]];
      const parts: Range[] = [];
      if (lo < cutLo) parts.push([lo, cutLo - 1]);
      if (hi > cutHi) parts.push([cutHi + 1, hi]);
      return parts;
    });
  }
  return result;
}

/** The scalar values of `ranges` the envelope allows. */
export function allowedRanges(envelope: Envelope, ranges: readonly Range[]): Range[] {
  return subtractRanges(ranges, [SURROGATES, ...envelope.forbiddenCodePoints]);
}

/** One character, uniform over `ranges` (which must not be empty). The unmapper lets fast-check shrink given values. */
export function charIn(ranges: readonly Range[]): fc.Arbitrary<string> {
  const sizes = ranges.map(([lo, hi]) => hi - lo + 1);
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total === 0) throw new Error('charIn: no code point left in the ranges');
  const toChar = (index: number): string => {
    let rest = index;
    for (const [lo, hi] of ranges) {
      if (rest <= hi - lo) return String.fromCodePoint(lo + rest);
      rest -= hi - lo + 1;
    }
    throw new Error(`charIn: index ${index} out of range`);
  };
  const toIndex = (value: unknown): number => {
    const cp = typeof value === 'string' && [...value].length === 1 ? (value.codePointAt(0) ?? -1) : -1;
    let offset = 0;
    for (const [lo, hi] of ranges) {
      if (cp >= lo && cp <= hi) return offset + cp - lo;
      offset += hi - lo + 1;
    }
    throw new Error('charIn: not a character of these ranges');
  };
  return fc.integer({ min: 0, max: total - 1 }).map(toChar, toIndex);
}

/** Joins drawn characters; the unmapper splits by code point. */
export function joinChars(chars: fc.Arbitrary<string[]>): fc.Arbitrary<string> {
  return chars.map(
    (parts) => parts.join(''),
    (value) => {
      if (typeof value !== 'string') throw new Error('joinChars: not a string');
      return [...value];
    },
  );
}
