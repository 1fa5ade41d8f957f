/**
 * Strings just outside a field's envelope (rule B4): empty or too short, longer than maxLength, holding a
 * forbidden code point, holding a lone surrogate, and for email strings that are not addresses. Each is made
 * from an envelope string with exactly one thing wrong, so the label names the only reason it is outside.
 */
import fc from 'fast-check';
import { charIn, subtractRanges, type Range } from './code-points.ts';
import { codePointBoundaries, emailPattern, fitToUnits, type Envelope } from './envelope.ts';
import { textString } from './text-string.ts';

export interface Outside {
  /** What is wrong, completing "<field> …": "is empty", "holds U+0000". */
  what: string;
  value: string;
}

/** Plausible non-addresses; only those the contract's own pattern rejects are used. */
const NOT_ADDRESSES = [
  'not-an-email',
  'jane.doe',
  'jane.doe@',
  '@example.com',
  'jane@@example.com',
  'jane doe@example.com',
  'jane.doe@example',
  'jane.doe@example..com',
  '.jane@example.com',
  'jane.doe@example.c',
  'mailto:jane.doe@example.com',
  'Jane Doe <jane.doe@example.com>',
] as const;

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** `s` cut to exactly `units` code units, or one more where the cut would split a surrogate pair. */
function cutAtLeast(s: string, units: number): string {
  const low = s.charCodeAt(units);
  return s.slice(0, low >= 0xdc00 && low <= 0xdfff ? units + 1 : units);
}

function repeatTo(s: string, units: number): string {
  const unit = s || 'a';
  return unit.repeat(Math.ceil(units / unit.length));
}

/** Inserts `char` at a code point boundary of `s` picked by `at`, after making room for it. */
function insertAt(envelope: Envelope, s: string, at: number, char: string): string {
  const base = fitToUnits(s, envelope.maxLength - char.length);
  const bounds = codePointBoundaries(base);
  const offset = bounds[at % bounds.length] ?? 0;
  return base.slice(0, offset) + char + base.slice(offset);
}

export function outsideEnvelope(
  envelope: Envelope,
  inside: fc.Arbitrary<string>,
  isEmail: boolean,
): fc.Arbitrary<Outside> {
  const { minLength, maxLength } = envelope;
  const branches: fc.Arbitrary<Outside>[] = [];
  if (minLength > 0) branches.push(fc.constant({ what: 'is empty', value: '' }));
  if (minLength > 1) {
    branches.push(
      fc.tuple(inside, fc.integer({ min: 1, max: minLength - 1 })).map(([s, n]) => ({
        what: `is shorter than ${minLength}`,
        value: fitToUnits(repeatTo(s, n), n),
      })),
    );
  }
  const length = fc.integer({ min: maxLength + 1, max: 4 * maxLength });
  branches.push(
    fc.tuple(inside, length).map(([s, n]) => {
      const what = `is longer than ${maxLength}`;
      if (!isEmail) return { what, value: cutAtLeast(repeatTo(s, n), n) };
      // Still address-shaped: the local part grows until the whole string is n long.
      const domain = s.slice(s.lastIndexOf('@'));
      const local = s.slice(0, s.lastIndexOf('@')) || 'a';
      return { what, value: repeatTo(local, n - domain.length).slice(0, n - domain.length) + domain };
    }),
  );
  const forbidden = envelope.forbiddenCodePoints.filter(([lo, hi]) => lo <= hi) as Range[];
  if (forbidden.length > 0) {
    // U+0000 on its own branch: it is the control most likely to break a backend (C strings, databases).
    const zeroForbidden = forbidden.some(([lo, hi]) => lo <= 0 && hi >= 0);
    const others = subtractRanges(forbidden, [[0, 0]]);
    const controls = [
      ...(zeroForbidden ? [fc.constant('\u0000')] : []),
      ...(others.length > 0 ? [charIn(others)] : []),
    ];
    for (const control of controls) {
      branches.push(
        fc.tuple(inside, fc.nat(), control).map(([s, at, char]) => ({
          what: `holds ${hex(char.codePointAt(0) ?? 0)}`,
          value: insertAt(envelope, s, at, char),
        })),
      );
    }
  }
  for (const [half, range] of [
    ['high', [0xd800, 0xdbff]],
    ['low', [0xdc00, 0xdfff]],
  ] as const) {
    branches.push(
      fc.tuple(inside, fc.nat(), charIn([range])).map(([s, at, char]) => ({
        what: `holds a lone ${half} surrogate`,
        value: insertAt(envelope, s, at, char),
      })),
    );
  }
  if (isEmail) {
    const pattern = emailPattern(envelope);
    const fixed = NOT_ADDRESSES.filter(
      (s) => !pattern.test(s) && s.length <= maxLength && s.length >= minLength,
    );
    const notAddress = textString(envelope, 'text').filter((s) => !pattern.test(s));
    branches.push(
      (fixed.length > 0 ? fc.oneof(fc.constantFrom(...fixed), notAddress) : notAddress).map((value) => ({
        what: 'is not an address',
        value,
      })),
    );
  }
  return fc.oneof(...branches);
}
