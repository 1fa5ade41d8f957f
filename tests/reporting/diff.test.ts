import { describe, expect, it } from 'vitest';
import { charDiff, differingCodePoints } from '../../reporting/diff.ts';
import { prettyJson, shellQuote, showText, showValue, showValueShort } from '../../reporting/text.ts';

describe('charDiff', () => {
  it('passes: equal texts have no change', () => {
    expect(charDiff('abc', 'abc')).toEqual({
      left: [{ text: 'abc', changed: false }],
      right: [{ text: 'abc', changed: false }],
    });
  });

  it('marks only the characters that differ, emoji kept whole', () => {
    expect(charDiff('  Ada  ', 'Ada')).toEqual({
      left: [
        { text: '  ', changed: true },
        { text: 'Ada', changed: false },
        { text: '  ', changed: true },
      ],
      right: [{ text: 'Ada', changed: false }],
    });
    expect(charDiff('a😀b', 'a\ufffdb').left).toEqual([
      { text: 'a', changed: false },
      { text: '😀', changed: true },
      { text: 'b', changed: false },
    ]);
  });
});

describe('differingCodePoints', () => {
  it('names the code points of a normalization change', () => {
    expect(differingCodePoints('café', 'cafe\u0301')).toEqual({ sent: 'U+00E9', got: 'U+0065 U+0301' });
    expect(differingCodePoints('same', 'same')).toBeUndefined();
    expect(differingCodePoints(1, '1')).toBeUndefined();
  });
});

describe('text helpers', () => {
  it('show invisible characters as escapes a JSON text cannot hold', () => {
    expect(showText('a\u0000b\u200b\u00a0 c\n')).toBe('a\\u{0000}b\\u{200B}\\u{00A0} c\\u{000A}');
    expect(showText('x\ny', { keepNewlines: true })).toBe('x\ny');
    expect(showValue('a\u0000\u200b\ud800')).toBe('"a\\u0000\\u200b\\ud800"');
  });

  it('pretty-print JSON with escapes for invisible characters, and leave other text alone', () => {
    expect(prettyJson(JSON.stringify({ a: 'x\u0000\u200b\ud800', b: [1] }))).toBe(
      '{\n  "a": "x\\u0000\\u200b\\ud800",\n  "b": [\n    1\n  ]\n}',
    );
    expect(prettyJson('{"a":')).toBeUndefined();
  });

  it('cut long values and say how long they were', () => {
    expect(showValueShort('x'.repeat(300), 10)).toBe('"xxxxxxxxxx"… (length 300)');
    expect(showValueShort(`${'x'.repeat(9)}😀`, 10)).toBe('"xxxxxxxxx"… (length 11)');
  });

  it('quote for a shell only when needed', () => {
    expect(shellQuote('reports/failures/S1-1.json')).toBe('reports/failures/S1-1.json');
    expect(shellQuote("it's $x")).toBe("'it'\\''s $x'");
  });
});
