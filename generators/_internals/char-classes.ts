/**
 * The kinds of characters rule B3 names (accents, combining marks, right-to-left scripts, CJK, outside the BMP),
 * as code point ranges. Each class is cut down to what the envelope allows when a generator is built, so a team
 * that forbids more code points in tolerances.json gets generators that respect it.
 */
import fc from 'fast-check';
import { allowedRanges, charIn, type Range } from './code-points.ts';
import type { Envelope } from './envelope.ts';

export const CHAR_CLASSES = {
  /** Letters and digits, 'a' first: the shrink target of every plain string. */
  plain: [
    [0x61, 0x7a],
    [0x41, 0x5a],
    [0x30, 0x39],
  ],
  lowerAlnum: [
    [0x61, 0x7a],
    [0x30, 0x39],
  ],
  digit: [[0x30, 0x39]],
  /** Printable ASCII, space and punctuation included. */
  ascii: [
    [0x61, 0x7a],
    [0x20, 0x60],
    [0x7b, 0x7e],
  ],
  latin: [[0xa0, 0x24f]],
  combining: [[0x300, 0x36f]],
  hebrew: [[0x5d0, 0x5ea]],
  arabic: [[0x621, 0x64a]],
  cjk: [
    [0x4e00, 0x9fff],
    [0x3041, 0x3096],
    [0x30a1, 0x30fa],
    [0xac00, 0xd7a3],
  ],
  /** Emoji and mathematical alphanumerics: two UTF-16 code units each. */
  astral: [
    [0x1f600, 0x1f64f],
    [0x1f300, 0x1f5ff],
    [0x1d400, 0x1d7ff],
    [0x20000, 0x2a6df],
  ],
  /** Invisible or space-like scalars a backend may be tempted to strip: NBSP, soft hyphen, ZW*, LRM/RLM, BOM. */
  invisible: [
    [0xa0, 0xa0],
    [0xad, 0xad],
    [0x200b, 0x200f],
    [0x2028, 0x2029],
    [0xfeff, 0xfeff],
  ],
  /** Every scalar value, unassigned ones included: the envelope allows them all. */
  any: [[0x20, 0x10ffff]],
} as const satisfies Record<string, readonly Range[]>;

export type CharClass = keyof typeof CHAR_CLASSES;

/** A character of `name` the envelope allows, or undefined when the envelope forbids the whole class. */
export function classChar(envelope: Envelope, name: CharClass): fc.Arbitrary<string> | undefined {
  const ranges = allowedRanges(envelope, CHAR_CLASSES[name]);
  return ranges.length > 0 ? charIn(ranges) : undefined;
}

/** Like classChar, for classes a generator cannot do without. */
export function requiredClassChar(envelope: Envelope, name: CharClass): fc.Arbitrary<string> {
  const char = classChar(envelope, name);
  if (!char) throw new Error(`the envelope forbids every character of class ${name}`);
  return char;
}
