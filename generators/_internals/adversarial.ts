/**
 * The adversarial envelope strings rule B3 lists, one named branch each: leading/trailing spaces, inner runs of
 * spaces, mixed case, NFC and NFD accents, combining marks, right-to-left scripts, CJK, characters outside the
 * BMP, long strings up to maxLength, and anything at all. Branches may overshoot the envelope; the field
 * generator filters, so each branch stays a plain, shrinkable composition.
 */
import fc from 'fast-check';
import { classChar, requiredClassChar } from './char-classes.ts';
import { joinChars } from './code-points.ts';
import { fitToUnits, type Envelope } from './envelope.ts';

/** Composed words; each is sent in NFC or NFD form (the same text, other code points). */
const ACCENTED = [
  'José',
  'Müller',
  'Zoë',
  'Ångström',
  'São Paulo',
  'Crème Brûlée',
  'Nguyễn',
  'Þórunn',
  'Łódź',
  'Dvořák',
  'İstanbul',
  'François',
  'Ñuñoa',
] as const;

/** Multi-code-point emoji: ZWJ sequences, flags, skin tones, keycaps. */
const EMOJI_SEQUENCES = ['👩‍👩‍👧‍👦', '🇫🇷', '👍🏽', '❤️', '🧑🏿‍🚀', '1️⃣', '😀'] as const;

function spaces(min: number, max: number): fc.Arbitrary<string> {
  return fc.integer({ min, max }).map(
    (n) => ' '.repeat(n),
    (value) => {
      if (typeof value !== 'string' || value.trim() !== '') throw new Error('spaces: not a run of spaces');
      return value.length;
    },
  );
}

function wordsOf(word: fc.Arbitrary<string>, maxWords: number): fc.Arbitrary<string> {
  return fc.array(word, { minLength: 1, maxLength: maxWords }).map((words) => words.join(' '));
}

export function adversarialBranches(envelope: Envelope): Record<string, fc.Arbitrary<string>> {
  const plain = requiredClassChar(envelope, 'plain');
  const word = joinChars(fc.array(plain, { minLength: 1, maxLength: 10 }));
  const wordOf = (char: fc.Arbitrary<string> | undefined, maxLength = 8) =>
    char ? joinChars(fc.array(char, { minLength: 1, maxLength })) : undefined;

  // Weighted so that most characters are plain and every class still shows up in a 255-unit string.
  // Cross-shrinking: a character of any class shrinks to 'a', so a shrunk long string reads "aaa…".
  const mixedChar = fc.oneof(
    { withCrossShrink: true },
    ...(
      [
        ['plain', 12],
        ['ascii', 4],
        ['latin', 2],
        ['combining', 1],
        ['hebrew', 1],
        ['arabic', 1],
        ['cjk', 2],
        ['astral', 2],
        ['invisible', 1],
        ['any', 2],
      ] as const
    ).flatMap(([name, weight]) => {
      const arbitrary = classChar(envelope, name);
      return arbitrary ? [{ arbitrary, weight }] : [];
    }),
  );

  const combining = classChar(envelope, 'combining');
  const hebrew = wordOf(classChar(envelope, 'hebrew'));
  const arabic = wordOf(classChar(envelope, 'arabic'));
  const rtlWords = [hebrew, arabic].filter((a) => a !== undefined);
  // A right-to-left word always comes first, so the branch never yields only left-to-right text.
  const rtl = rtlWords.length > 0 ? fc.oneof(...rtlWords) : undefined;
  const cjk = classChar(envelope, 'cjk');
  const astral = classChar(envelope, 'astral');
  const fit = (s: string) => fitToUnits(s, envelope.maxLength);

  const branches: Record<string, fc.Arbitrary<string> | undefined> = {
    padded: fc
      .oneof(
        fc.tuple(spaces(1, 4), fc.oneof(fc.constant(''), wordsOf(word, 3)), spaces(0, 4)),
        fc.tuple(spaces(0, 4), fc.oneof(fc.constant(''), wordsOf(word, 3)), spaces(1, 4)),
      )
      .map((parts) => fit(parts.join(''))),
    innerSpaces: fc
      .tuple(word, fc.array(fc.tuple(spaces(2, 6), word), { minLength: 1, maxLength: 4 }))
      .map(([first, rest]) => first + rest.map(([gap, w]) => gap + w).join('')),
    mixedCase: fc.mixedCase(wordsOf(word, 4)),
    accents: fc
      .array(fc.tuple(fc.constantFrom(...ACCENTED), fc.constantFrom('NFC', 'NFD')), {
        minLength: 1,
        maxLength: 4,
      })
      .map((words) => words.map(([w, form]) => w.normalize(form)).join(' ')),
    combiningMarks: combining
      ? fc
          .array(fc.tuple(plain, fc.array(combining, { minLength: 1, maxLength: 3 })), {
            minLength: 1,
            maxLength: 8,
          })
          .map((clusters) => clusters.map(([base, marks]) => base + marks.join('')).join(''))
      : undefined,
    rightToLeft: rtl
      ? fc
          .tuple(rtl, fc.array(fc.oneof(rtl, word), { maxLength: 4 }))
          .map(([first, rest]) => [first, ...rest].join(' '))
      : undefined,
    cjk: cjk ? joinChars(fc.array(cjk, { minLength: 1, maxLength: 20 })) : undefined,
    astral: astral
      ? fc
          .tuple(
            fc.oneof(astral, fc.constantFrom(...EMOJI_SEQUENCES)),
            fc.array(fc.oneof(astral, plain, fc.constantFrom(...EMOJI_SEQUENCES)), { maxLength: 12 }),
          )
          .map(([first, rest]) => fit(first + rest.join('')))
      : undefined,
    mixed: joinChars(fc.array(mixedChar, { minLength: 1, maxLength: 20 })).map(fit),
    // size 'max': fast-check's default size stops at about ten characters; this one reaches maxLength.
    long: joinChars(fc.array(mixedChar, { minLength: 1, maxLength: envelope.maxLength, size: 'max' })).map(
      fit,
    ),
  };
  return Object.fromEntries(
    Object.entries(branches).filter(
      (entry): entry is [string, fc.Arbitrary<string>] => entry[1] !== undefined,
    ),
  );
}
