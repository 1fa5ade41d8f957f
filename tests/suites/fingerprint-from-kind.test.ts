/**
 * Fingerprints are built from a diagnosis's kind (data), no longer from its English text: the change must leave
 * every fingerprint as it was, or every team's baseline would silently stop matching. The oracle below is the
 * text-matching code that built the fingerprints of the baselines teams wrote before (suites/fingerprint.ts as
 * of 2026-12-02, kept here verbatim); on a wide generator of values and what a backend may do to them, the kind
 * gives the same fingerprint part as that code gave from the text. The catalogue's own fingerprints are pinned
 * in tests/gate-stability/fingerprints.json (`npm run test:gate-stability` checks them).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose, type DiagnoseContext } from '../../suites/diagnose.ts';
import { diagnosisPart } from '../../suites/fingerprint.ts';

const DIAGNOSIS_KINDS: [RegExp, string][] = [
  [/^trimmed and inner spaces collapsed/, 'trimmed-collapsed'],
  [/trimmed/, 'trimmed'],
  [/^truncated/, 'truncated'],
  [/^case-folded/, 'case-folded'],
  [/^normalized to (NFK?[CD])/, 'normalized-$1'],
  [/^characters outside the BMP replaced/, 'astral-replaced'],
  [/^characters outside the BMP dropped/, 'astral-dropped'],
  [/^lone surrogates replaced/, 'surrogates-replaced'],
  [/replaced with/, 'characters-replaced'],
  [/collapsed/, 'spaces-collapsed'],
  [/^characters dropped/, 'characters-dropped'],
  [/^characters appended/, 'characters-appended'],
  [/^missing from the response/, 'missing'],
  [/^null instead/, 'null'],
  [/^empty string instead of null/, 'empty-for-null'],
  [/^the string "null"/, 'null-as-string'],
  [/^empty string instead/, 'emptied'],
  [/^wrong type \((\w+) instead of (\w+)\)/, '$2-as-$1'],
  [/^old value kept/, 'old-value-kept'],
  [/^value of /, 'value-of-another-field'],
];

function truncationKind(diagnosis: string): string {
  if (/\(cut: /.test(diagnosis) || /cutting a character in two/.test(diagnosis)) return 'truncated';
  const passes = /would pass (\d+)/.exec(diagnosis)?.[1];
  const units = /\((\d+) (?:UTF-16 units|UTF-8 bytes)/.exec(diagnosis)?.[1];
  const chars = /^truncated to (\d+) character/.exec(diagnosis)?.[1];
  const limit = passes ?? units ?? chars;
  return limit === undefined ? 'truncated' : `truncated-${limit}`;
}

/** The fingerprint part as it was built from the text until 2026-12-02. */
function legacyKind(diagnosis: string): string {
  if (/^truncated/.test(diagnosis)) return truncationKind(diagnosis);
  for (const [pattern, kind] of DIAGNOSIS_KINDS) {
    const match = pattern.exec(diagnosis);
    if (match) return kind.replace(/\$(\d)/g, (_, i: string) => (match[Number(i)] ?? '').toLowerCase());
  }
  return 'changed';
}

/** Characters backends trip on: spaces of every kind, marks, zero-width, astral, lone surrogates, `?`, U+FFFD. */
const PIECES = [
  'a',
  'Z',
  'é',
  'Ü',
  'e\u0301',
  ' ',
  '  ',
  '\t',
  '\u00A0',
  '\u3000',
  '\u200B',
  '\u200D',
  '\u0301',
  '😀',
  '\u{1F1EB}',
  '\uD800',
  '\uDC00',
  '?',
  '\uFFFD',
  'ﬁ',
  'Å',
  '0',
  '@',
];
const text = fc
  .array(fc.constantFrom(...PIECES), { maxLength: 12 })
  .map((parts) => parts.join(''))
  .chain((core) =>
    // Long values around the column sizes a cut names (50, 255, …), in characters, UTF-16 units or bytes.
    fc.oneof(
      fc.constant(core),
      fc
        .tuple(fc.constantFrom('x', 'é', '😀', ' ', 'ab'), fc.constantFrom(20, 50, 127, 128, 255, 256, 300))
        .map(([unit, n]) => core + unit.repeat(n)),
    ),
  );

const chars = (s: string) => Array.from(s);
/** What a backend may do to a string: every transformation diagnose() names, and some it cannot. */
const TRANSFORMS: ((s: string, n: number) => string)[] = [
  (s) => s.trim(),
  (s) => s.trimStart(),
  (s) => s.trimEnd(),
  (s) => s.toLowerCase(),
  (s) => s.toUpperCase(),
  (s) => s.normalize('NFC'),
  (s) => s.normalize('NFD'),
  (s) => s.normalize('NFKC'),
  (s) => s.normalize('NFKD'),
  (s, n) => chars(s).slice(0, n).join(''),
  (s, n) => s.slice(0, n),
  (s, n) =>
    chars(s)
      .slice(0, [10, 20, 50, 64, 100, 127, 128, 255, 256][n % 9])
      .join(''),
  (s, n) => s.slice(0, [10, 20, 50, 64, 100, 127, 128, 255, 256][n % 9]),
  (s, n) =>
    Buffer.from(s, 'utf8')
      .subarray(0, [50, 100, 255, 256][n % 4])
      .toString('utf8'),
  (s) => s.replace(/[\u{10000}-\u{10FFFF}]/gu, '?'),
  (s) => s.replace(/[\u{10000}-\u{10FFFF}]/gu, '\uFFFD'),
  (s) => s.replace(/[\u{10000}-\u{10FFFF}]/gu, ''),
  (s) => s.replace(/[\uD800-\uDFFF]/g, '\uFFFD'),
  (s) => s.replace(/[^ -~]/gu, '?'),
  (s) => s.replace(/ {2,}/g, ' '),
  (s) => s.trim().replace(/\s+/g, ' '),
  (s) => s.replace(/\s+/g, ' '),
  (s) => s.replace(/\u200B|\u200D|\u0301/g, ''),
  (s, n) =>
    chars(s)
      .filter((_, i) => i % (2 + (n % 3)) !== 0)
      .join(''),
  (s) => `${s}\u0000`,
  (s) => `${s} `,
  (s) => `x${s}`,
  (s) => s.split('').reverse().join(''),
  () => '',
  () => 'null',
];
const sentAndGot = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(text, fc.nat(TRANSFORMS.length - 1), fc.nat(300)) },
  { weight: 1, arbitrary: fc.tuple(text, fc.constant(-1), fc.nat(300)) },
);
const context = (got: unknown, sent: unknown): fc.Arbitrary<DiagnoseContext> =>
  fc.record(
    {
      previous: fc.oneof(fc.constant(got), fc.constant(sent), text, fc.constant(null)),
      others: fc.dictionary(
        fc.constantFrom('email', 'phone', 'address_city', 'name'),
        fc.oneof(fc.constant(got), text, fc.constant(null)),
      ),
    },
    { requiredKeys: [] },
  );

/** The fingerprint parts the comparisons met: the generator must reach every kind, or it proves little. */
const met = new Set<string>();
const same = (sent: unknown, got: unknown, ctx: DiagnoseContext = {}): void => {
  const d = diagnose(sent, got, ctx);
  expect(diagnosisPart(d.kind), d.text).toBe(legacyKind(d.text));
  met.add(
    diagnosisPart(d.kind).replace(
      /^truncated-\d+$/,
      `truncated-N (${/UTF-16|UTF-8/.exec(d.text)?.[0] ?? 'characters'})`,
    ),
  );
};

describe('fingerprints from the kind are the fingerprints the text gave', () => {
  it('on strings a backend transformed in every way diagnose() names, and others', () => {
    fc.assert(
      fc.property(
        sentAndGot.chain(([sent, t, n]) => {
          const transform = TRANSFORMS[t];
          const got = transform ? transform(sent, n) : 'something else';
          return fc.tuple(fc.constant(sent), fc.constant(got), context(got, sent));
        }),
        ([sent, got, ctx]) => {
          fc.pre(sent !== got);
          same(sent, got, ctx);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('on values of other types, null, missing and mixed up', () => {
    const values = [null, undefined, '', 'null', 'Ada', 5, 0, true, false, [], ['a'], {}, { a: 1 }];
    for (const sent of values.filter((v) => v !== undefined)) {
      for (const got of values) {
        if (sent === got) continue;
        same(sent, got);
        same(sent, got, { previous: got });
        same(sent, got, { others: { email: got } });
      }
    }
  });

  it('on the examples diagnose.test.ts reads word for word', () => {
    const emoji = '\u{1F600}';
    const cases: [unknown, unknown, DiagnoseContext?][] = [
      [
        emoji.repeat(9) + 'a'.repeat(100),
        Array.from(emoji.repeat(9) + 'a'.repeat(100))
          .slice(0, 100)
          .join(''),
      ],
      ['é'.repeat(200), 'é'.repeat(127)],
      ['ab' + 'é'.repeat(200), 'ab' + 'é'.repeat(127)],
      ['a'.repeat(45) + emoji.repeat(10), 'a'.repeat(45) + emoji.repeat(2)],
      ['ab' + emoji, ('ab' + emoji).slice(0, 3)],
      [`a${emoji}b`, 'a\uFFFDb'],
      ['\uD800abc', '\uFFFDabc'],
      ['Zoé Ünal', 'Zo? ?nal'],
      ['Zoe\u0301', 'Zoé'],
      ['Ada\u00A0Lovelace', 'Ada Lovelace'],
      ['Ada\u200BLovelace', 'Ada Lovelace'],
      ['  Ada ', 'Ada'],
      ['\u3000', ''],
      ['Ada  ', 'Ada '],
      ['Ada\tLovelace', 'Ada Lovelace'],
      [' Ada\t\tLovelace ', 'Ada Lovelace'],
      ['a😀', 'a'],
      ['Ada Lovelace Byron', 'Ada Lovelace', { previous: 'Ada Lovelace' }],
      ['Ada Lovelace Byron', 'Ada Lovelace'],
      ['Ada', 'Adax'],
      ['Ada', 'x@y.z', { others: { email: 'x@y.z' } }],
    ];
    for (const [sent, got, ctx] of cases) same(sent, got, ctx);
  });

  it('met every kind of diagnosis on the way', () => {
    const kinds = [...DIAGNOSIS_KINDS.map(([, kind]) => kind).filter((k) => !k.includes('$')), 'changed'];
    const expected = [
      ...kinds,
      ...['nfc', 'nfd', 'nfkc', 'nfkd'].map((f) => `normalized-${f}`),
      'truncated',
      'truncated-N (characters)',
      'truncated-N (UTF-16)',
      'truncated-N (UTF-8)',
      'number-as-string',
      'string-as-number',
    ];
    expect([...met].sort()).toEqual(expect.arrayContaining(expected));
  });
});
