import { describe, expect, it } from 'vitest';
import { subtractRanges } from '../../generators/_internals/code-points.ts';
import {
  codePointBoundaries,
  fitToUnits,
  forbiddenCodePointIn,
  isEnvelopeEmail,
  isInEnvelope,
} from '../../generators/_internals/envelope.ts';
import { fieldKind } from '../../generators/_internals/field-kind.ts';
import { envelope } from './helpers.ts';

describe('isInEnvelope (rule B3 envelope, default tolerances)', () => {
  const good = {
    'one letter': 'a',
    'leading/trailing spaces': '  José  ',
    'only spaces': '   ',
    'NFD accents': 'Jose\u0301',
    'right-to-left': 'שלום مرحبا',
    CJK: '東京都',
    'emoji (astral)': '😀👩‍👩‍👧',
    'max length': 'x'.repeat(255),
    'max length with a pair at the end': 'x'.repeat(253) + '😀',
    'NBSP and BOM (not controls)': '\u00a0a\ufeff',
    'U+00A0 right after C1': '\u00a0',
    'U+007E right before DEL': '~',
  };
  const bad = {
    empty: '',
    'one unit too long': 'x'.repeat(256),
    'astral pair crossing the limit': 'x'.repeat(254) + '😀',
    'U+0000': 'a\u0000b',
    'tab (C0)': 'a\tb',
    'newline (C0)': 'line\n',
    'U+001F': '\u001f',
    'DEL U+007F': 'a\u007f',
    'C1 U+0085': 'a\u0085',
    'C1 U+009F': '\u009f',
    'lone high surrogate': 'a\ud800',
    'lone low surrogate': '\udc00a',
    'swapped pair': '\ude00\ud83d',
  };
  for (const [name, s] of Object.entries(good)) {
    it(`accepts ${name}`, () => expect(isInEnvelope(envelope, s)).toBe(true));
  }
  for (const [name, s] of Object.entries(bad)) {
    it(`rejects ${name}`, () => expect(isInEnvelope(envelope, s)).toBe(false));
  }
  it('names the first forbidden code point', () => {
    expect(forbiddenCodePointIn(envelope, 'ok\u0085\u0000')).toBe(0x85);
    expect(forbiddenCodePointIn(envelope, 'ok')).toBeUndefined();
  });
});

describe('isEnvelopeEmail', () => {
  it.each(['a@a.co', 'Jane.Doe@Example.COM', 'jane+tag@mail.example.co.uk', 'x_y-z@sub-domain.io'])(
    'accepts %s',
    (s) => expect(isEnvelopeEmail(envelope, s)).toBe(true),
  );
  it.each([
    '',
    'jane',
    'jane@',
    '@example.com',
    'jane doe@example.com',
    'jane@example',
    'a@b.c',
    ' a@b.co',
    'a@b.co\u0000',
  ])('rejects %j', (s) => expect(isEnvelopeEmail(envelope, s)).toBe(false));
});

describe('code unit helpers', () => {
  it('fitToUnits never splits a surrogate pair', () => {
    expect(fitToUnits('ab😀', 3)).toBe('ab');
    expect(fitToUnits('ab😀', 4)).toBe('ab😀');
    expect(fitToUnits('abc', 5)).toBe('abc');
  });
  it('codePointBoundaries skips the inside of pairs', () => {
    expect(codePointBoundaries('a😀b')).toEqual([0, 1, 3, 4]);
  });
  it('subtractRanges cuts holes and edges', () => {
    expect(
      subtractRanges(
        [[0, 200]],
        [
          [0, 31],
          [127, 159],
        ],
      ),
    ).toEqual([
      [32, 126],
      [160, 200],
    ]);
    expect(subtractRanges([[0xd000, 0xe000]], [[0xd800, 0xdfff]])).toEqual([
      [0xd000, 0xd7ff],
      [0xe000, 0xe000],
    ]);
  });
});

describe('fieldKind', () => {
  it.each([
    ['email', 'email'],
    ['name', 'name'],
    ['phone', 'phone'],
    ['address_line1', 'line1'],
    ['shipping_address_line2', 'line2'],
    ['shipping_address_city', 'city'],
    ['address_country', 'country'],
    ['address_state', 'state'],
    ['shipping_address_postal_code', 'postal'],
    ['nickname', 'name'],
    ['favourite_colour', 'text'],
  ])('%s holds %s', (field, kind) => expect(fieldKind(field)).toBe(kind));
});
