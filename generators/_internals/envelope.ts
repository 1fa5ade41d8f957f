/**
 * The must-accept string envelope of rule B3 as a predicate, read from contract.tolerances.envelope. Generators
 * filter through it so no valid body can carry a string the contract lets a backend refuse.
 */
import type { Tolerances } from '../../contracts/load.ts';

export type Envelope = Tolerances['envelope'];

/** The first code point of `s` the envelope forbids, if any. */
export function forbiddenCodePointIn(envelope: Envelope, s: string): number | undefined {
  for (const char of s) {
    const cp = char.codePointAt(0) ?? 0;
    if (envelope.forbiddenCodePoints.some(([lo, hi]) => cp >= lo && cp <= hi)) return cp;
  }
  return undefined;
}

/** Length in UTF-16 code units (what the envelope counts), well-formed, no forbidden code point. */
export function isInEnvelope(envelope: Envelope, s: string): boolean {
  return (
    s.length >= envelope.minLength &&
    s.length <= envelope.maxLength &&
    s.isWellFormed() &&
    forbiddenCodePointIn(envelope, s) === undefined
  );
}

// One compiled pattern per envelope object: generators test thousands of addresses.
const emailPatterns = new WeakMap<Envelope, RegExp>();

export function emailPattern(envelope: Envelope): RegExp {
  let pattern = emailPatterns.get(envelope);
  if (!pattern) {
    pattern = new RegExp(envelope.emailPattern);
    emailPatterns.set(envelope, pattern);
  }
  return pattern;
}

/** An envelope string that is also a realistic address by the contract's pattern. */
export function isEnvelopeEmail(envelope: Envelope, s: string): boolean {
  return isInEnvelope(envelope, s) && emailPattern(envelope).test(s);
}

/** Cuts `s` to at most `maxUnits` UTF-16 code units without splitting a surrogate pair. */
export function fitToUnits(s: string, maxUnits: number): string {
  if (s.length <= maxUnits) return s;
  const high = s.charCodeAt(maxUnits - 1);
  const splitsPair = high >= 0xd800 && high <= 0xdbff;
  return s.slice(0, splitsPair ? maxUnits - 1 : maxUnits);
}

/** Offsets where a code point starts (and the end): inserting there never splits a surrogate pair. */
export function codePointBoundaries(s: string): number[] {
  const offsets = [0];
  let offset = 0;
  for (const char of s) {
    offset += char.length;
    offsets.push(offset);
  }
  return offsets;
}
