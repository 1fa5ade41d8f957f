/**
 * The diagnosis texts, in the reader's units: each case passes (names what happened) and its message is checked
 * word for word: lengths in characters (code points), UTF-16 units or UTF-8 bytes only where they explain a
 * cut, replacement characters named, invisible differences spelled out as code points.
 */
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../suites/diagnose.ts';

const emoji = '\u{1F600}';
/** The text a person reads (the kind beside it is checked at the end, and in fingerprint-stability.test.ts). */
const text = (...args: Parameters<typeof diagnose>): string => diagnose(...args).text;

describe('truncation', () => {
  it('counts characters as code points: a VARCHAR(100) in utf8mb4 cut an emoji name to 100 characters', () => {
    const sent = emoji.repeat(9) + 'a'.repeat(100);
    const got = Array.from(sent).slice(0, 100).join('');
    expect(got.length).toBe(109);
    expect(text(sent, got)).toBe('truncated to 100 characters');
  });

  it('adds UTF-8 bytes when a byte limit explains the cut', () => {
    const sent = 'é'.repeat(200);
    expect(text(sent, 'é'.repeat(127))).toBe(
      'truncated to 127 characters (254 UTF-8 bytes; the next character would pass 255)',
    );
    expect(text('ab' + 'é'.repeat(200), 'ab' + 'é'.repeat(127))).toBe(
      'truncated to 129 characters (256 UTF-8 bytes)',
    );
  });

  it('adds UTF-16 units when a unit limit explains the cut', () => {
    const sent = 'a'.repeat(45) + emoji.repeat(10);
    const got = 'a'.repeat(45) + emoji.repeat(2); // 49 units; the next emoji would pass 50
    expect(text(sent, got)).toBe(
      'truncated to 47 characters (49 UTF-16 units; the next character would pass 50)',
    );
  });

  it('says when a cut splits a character in two', () => {
    const sent = 'ab' + emoji;
    expect(text(sent, sent.slice(0, 3))).toBe(
      'truncated to 3 UTF-16 units, cutting a character in two (a lone surrogate is left)',
    );
  });
});

describe('replacement characters', () => {
  it('names U+FFFD in place of characters outside the BMP, and which ones', () => {
    expect(text(`a${emoji}b`, 'a\uFFFDb')).toBe(
      'characters outside the BMP replaced with U+FFFD (1 character: U+1F600)',
    );
  });

  it('names ? in place of characters outside the BMP', () => {
    expect(text(`${emoji}${emoji} x`, '?? x')).toBe(
      'characters outside the BMP replaced with ? (2 characters: 2× U+1F600)',
    );
  });

  it('names a lone surrogate stored as U+FFFD instead of "changed from character 0 on"', () => {
    expect(text('\uD800abc', '\uFFFDabc')).toBe(
      'lone surrogates replaced with U+FFFD (U+D800 (lone surrogate))',
    );
  });

  it('names other characters replaced with ?', () => {
    expect(text('Zoé Ünal', 'Zo? ?nal')).toBe('2 characters replaced with ? (U+00E9, U+00DC)');
  });
});

describe('differences no one can see', () => {
  it('spells out NFD stored as NFC', () => {
    expect(text('Zoe\u0301', 'Zoé')).toBe(
      'normalized to NFC (U+0065, U+0301 COMBINING ACUTE ACCENT stored as U+00E9)',
    );
  });

  it('spells out NFC stored as NFD', () => {
    expect(text('Zoé', 'Zoe\u0301')).toBe(
      'normalized to NFD (U+00E9 stored as U+0065, U+0301 COMBINING ACUTE ACCENT)',
    );
  });

  it('names a trailing non-breaking space that was trimmed', () => {
    expect(text('Ada\u00A0', 'Ada')).toBe('trailing spaces trimmed (U+00A0 NO-BREAK SPACE)');
  });

  it('counts plain spaces trimmed at both ends', () => {
    expect(text('  Ada ', 'Ada')).toBe('trimmed (leading 2 spaces; trailing 1 space)');
  });

  it('says a value of spaces only was trimmed to nothing', () => {
    expect(text(' ', '')).toBe('trimmed to an empty string (1 space)');
    expect(text('\u3000', '')).toBe('trimmed to an empty string (U+3000 IDEOGRAPHIC SPACE)');
  });

  it('names zero-width characters that were dropped', () => {
    expect(text('A\u200Bd\u200Da', 'Ada')).toBe(
      'characters dropped (2: U+200B ZERO WIDTH SPACE, U+200D ZERO WIDTH JOINER)',
    );
  });

  it('names a non-breaking space stored as a plain space (NFKC)', () => {
    expect(text('Ada\u00A0Lovelace', 'Ada Lovelace')).toBe(
      'normalized to NFKC (U+00A0 NO-BREAK SPACE stored as U+0020 SPACE)',
    );
  });

  it('shows where any other change begins, in characters, with the code points on each side', () => {
    expect(text('Ada\u200BLovelace', 'Ada Lovelace')).toBe(
      'changed at character 4: U+200B ZERO WIDTH SPACE stored as U+0020 SPACE (sent 12 characters, stored 12)',
    );
  });
});

describe('what still reads as before', () => {
  it('keeps the plain names', () => {
    expect(text('Ada', 'ada')).toBe('case-folded to lower case');
    expect(text('Ada', null)).toBe('null instead of the sent value');
    expect(text('Ada', '')).toBe('empty string instead of the sent value');
    expect(text('Ada', 'Grace', { previous: 'Grace' })).toBe('old value kept');
    expect(text('Ada', 'x@y.z', { others: { email: 'x@y.z' } })).toBe('value of email');
  });
});

describe('a change is named by what explains it, not by the first shape it fits', () => {
  it('does not call a collapsed run of spaces, or a cut at a column size, a trim', () => {
    expect(text('Ada  ', 'Ada ')).toBe('runs of spaces collapsed');
    expect(text(`${'x'.repeat(250)}${' '.repeat(10)}`, `${'x'.repeat(250)}${' '.repeat(5)}`)).toBe(
      'truncated to 255 characters',
    );
  });

  it('does not call whitespace collapsed inside a value a trim', () => {
    expect(text('Ada\tLovelace', 'Ada Lovelace')).toBe('whitespace collapsed to single spaces');
  });

  it('names an invisible, combining or astral character dropped at the end instead of a truncation', () => {
    expect(text('Ada\u200B', 'Ada')).toBe('characters dropped (1: U+200B ZERO WIDTH SPACE)');
    expect(text('Zoe\u0301', 'Zoe')).toBe('characters dropped (1: U+0301 COMBINING ACUTE ACCENT)');
    expect(text('a😀', 'a')).toBe('characters outside the BMP dropped (U+1F600)');
  });

  it('names a class of characters filtered out as dropped, even where what is left fits a column size', () => {
    // Zero-width characters stripped from the end: 16 characters left, a VARCHAR(16) by coincidence.
    const sixteen = 'Ada Lovelace 123';
    expect(diagnose(`${sixteen}\u200D\u200B`, sixteen).kind).toEqual({ kind: 'characters-dropped' });
    // Phone punctuation stripped: what is left is digits and +, none of the kinds dropped.
    expect(diagnose('+4420712345678 ()', '+4420712345678').kind).toEqual({ kind: 'characters-dropped' });
    expect(diagnose('1(', '1').kind).toEqual({ kind: 'characters-dropped' });
    // A cut no column size explains, that left none of what it cut: '=' went, though '+' is a symbol too.
    expect(diagnose('+1=', '+1').kind).toEqual({ kind: 'characters-dropped' });
    expect(diagnose('12\u0663', '12').kind).toEqual({ kind: 'characters-dropped' });
    expect(diagnose('0😀一', '0').kind).toEqual({ kind: 'characters-dropped' });
    // Nothing but invisible characters, all of them gone.
    expect(diagnose('\u0300', '').kind).toEqual({ kind: 'characters-dropped' });
    expect(diagnose('\u200B\uFEFF', '').kind).toEqual({ kind: 'characters-dropped' });
    // A cut that leaves characters of the kinds it cut is a cut; a value with letters emptied is emptied.
    expect(diagnose('Ada Lovelace Byron', 'Ada Lovelace Byr').kind).toEqual({ kind: 'truncated', limit: 16 });
    expect(diagnose('é'.repeat(7) + emoji, 'é'.repeat(7)).kind).toEqual({ kind: 'truncated', limit: 16 });
    expect(diagnose('Ada', '').kind).toEqual({ kind: 'emptied' });
  });

  it('names any run of whitespace shortened a collapse, at the edges too', () => {
    expect(diagnose('  Ada  Lovelace', '  Ada Lovelace').kind).toEqual({ kind: 'spaces-collapsed' });
    expect(diagnose('Ada \t Lovelace', 'Ada Lovelace').kind).toEqual({ kind: 'spaces-collapsed' });
    // A dropped space with no space beside it is not a collapse, nor is a zero-width no-break space dropped.
    expect(diagnose('A da', 'Ada').kind).toEqual({ kind: 'characters-dropped' });
    expect(diagnose('a \uFEFF', 'a ').kind).toEqual({ kind: 'characters-dropped' });
  });

  it('names two fields that came back with each other’s values a swap, whatever else the values resemble', () => {
    // Shrunk values resemble each other: 'a a' is 'a  a' collapsed, null is a value nulled.
    const swap = (sent: string | null, other: string | null) =>
      diagnose(sent, other, { others: { address_state: other }, answered: { address_state: sent } });
    expect(swap('a  a', 'a a').kind).toEqual({ kind: 'value-of-another-field' });
    expect(swap('a', null).kind).toEqual({ kind: 'value-of-another-field' });
    expect(swap('a', null).text).toBe('swapped with address_state');
    // The other field not sent: it changed to this one's value, and this one kept its old value (null here).
    const moved = diagnose('Leeds', null, {
      previous: null,
      answered: { address_state: 'Leeds' },
      before: { address_state: 'Kent' },
    });
    expect([moved.kind, moved.text]).toEqual([
      { kind: 'value-of-another-field' },
      'its value stored in address_state instead',
    ]);
    // A field that already held that value before the write proves nothing.
    expect(
      diagnose('Leeds', null, { answered: { address_state: 'Leeds' }, before: { address_state: 'Leeds' } })
        .kind,
    ).toEqual({ kind: 'null' });
    // Only one way round is not a swap: the transformation is named.
    expect(diagnose('a  a', 'a a', { others: { address_state: 'a a' } }).kind).toEqual({
      kind: 'spaces-collapsed',
    });
  });

  it('calls a value stored before the write the old value, whatever it resembles (a read that missed the write)', () => {
    // A lagging read shows what was stored before: the sent value case-swapped, with a space added, or null.
    expect(diagnose('ADA', 'ada', { stored: ['ada'] }).kind).toEqual({ kind: 'old-value-kept' });
    expect(diagnose('Ada ', 'Ada', { stored: ['Grace', 'Ada'] }).kind).toEqual({ kind: 'old-value-kept' });
    expect(diagnose('Ada', null, { stored: [null] }).kind).toEqual({ kind: 'old-value-kept' });
    // Without that knowledge, or with other stored values, the transformation is named as before.
    expect(diagnose('ADA', 'ada', { stored: ['Grace'] }).kind).toEqual({ kind: 'case-folded' });
    expect(diagnose('Ada ', 'Ada').kind).toEqual({ kind: 'trimmed' });
  });

  it('prefers the old value to a cut no column size explains, and shows the cut otherwise', () => {
    expect(text('Ada Lovelace Byron', 'Ada Lovelace', { previous: 'Ada Lovelace' })).toBe('old value kept');
    expect(text('Ada Lovelace Byron', 'Ada Lovelace')).toBe(
      'truncated to 12 characters (cut: U+0020 SPACE, U+0042, U+0079, U+0072, …)',
    );
  });
});

describe('the kind beside the text', () => {
  it('is data: the column size of a cut, the normal form, the two types', () => {
    expect(diagnose('é'.repeat(200), 'é'.repeat(127)).kind).toEqual({ kind: 'truncated', limit: 255 });
    expect(diagnose('Ada Lovelace Byron', 'Ada Lovelace').kind).toEqual({ kind: 'truncated' });
    expect(diagnose('Zoe\u0301', 'Zoé').kind).toEqual({ kind: 'normalized', form: 'NFC' });
    expect(diagnose(5, '5').kind).toEqual({ kind: 'wrong-type', sent: 'number', got: 'string' });
    expect(diagnose(' Ada', 'Ada').kind).toEqual({ kind: 'trimmed' });
    expect(diagnose('Ada', 'x@y.z', { others: { email: 'x@y.z' } }).kind).toEqual({
      kind: 'value-of-another-field',
    });
  });
});
