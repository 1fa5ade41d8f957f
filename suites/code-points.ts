/**
 * Characters as a reader counts them: code points, named by U+XXXX (with a name where the character cannot be
 * seen), and the lengths a storage layer may count instead (UTF-16 units, UTF-8 bytes).
 */

/** Characters no one sees, or sees as a plain space: named wherever a diagnosis mentions them. */
const NAMES: Record<number, string> = {
  0x09: 'TAB',
  0x0a: 'LINE FEED',
  0x0d: 'CARRIAGE RETURN',
  0x20: 'SPACE',
  0xa0: 'NO-BREAK SPACE',
  0xad: 'SOFT HYPHEN',
  0x0300: 'COMBINING GRAVE ACCENT',
  0x0301: 'COMBINING ACUTE ACCENT',
  0x0308: 'COMBINING DIAERESIS',
  0x1680: 'OGHAM SPACE MARK',
  0x2007: 'FIGURE SPACE',
  0x2009: 'THIN SPACE',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
  0x202f: 'NARROW NO-BREAK SPACE',
  0x2060: 'WORD JOINER',
  0x3000: 'IDEOGRAPHIC SPACE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
  0xfffd: 'REPLACEMENT CHARACTER',
};

export const chars = (value: string): string[] => Array.from(value);

export const utf8Bytes = (value: string): number => Buffer.byteLength(value, 'utf8');

/** `U+00A0 NO-BREAK SPACE`, `U+00E9`: a code point as a reader can tell it from any other. */
export function codePointName(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code >= 0xd800 && code <= 0xdfff) return `${hex} (lone surrogate)`;
  const name = NAMES[code];
  return name === undefined ? hex : `${hex} ${name}`;
}

/** Several code points, repeats counted: `2× U+00A0 NO-BREAK SPACE, U+200B ZERO WIDTH SPACE`. */
export function codePointList(list: string[], max = 5): string {
  const runs: { char: string; count: number }[] = [];
  for (const char of list) {
    const last = runs.at(-1);
    if (last?.char === char) last.count++;
    else runs.push({ char, count: 1 });
  }
  const shown = runs
    .slice(0, max)
    .map(({ char, count }) => `${count > 1 ? `${count}× ` : ''}${codePointName(char)}`);
  return runs.length > max ? `${shown.join(', ')}, …` : shown.join(', ');
}

/** A run of removed characters: `2 spaces`, or its code points when any is not a plain space. */
export function describeRun(run: string): string {
  const list = chars(run);
  if (/^ +$/.test(run)) return `${list.length} space${list.length === 1 ? '' : 's'}`;
  return codePointList(list);
}

/** The part where two strings differ, by code points: what is left once their common start and end are cut. */
export function differingMiddle(sent: string, got: string): { at: number; sent: string[]; got: string[] } {
  const a = chars(sent);
  const b = chars(got);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end])
    end++;
  return { at: start, sent: a.slice(start, a.length - end), got: b.slice(start, b.length - end) };
}
