/**
 * A character diff of two short texts for the sent/received views: common prefix and suffix, then a longest
 * common subsequence of what is left (when small enough), by code point.
 */

export interface Segment {
  text: string;
  /** True for characters the other side does not have. */
  changed: boolean;
}

export interface CharDiff {
  left: Segment[];
  right: Segment[];
}

/** Above this many cells, the middle is marked changed as a whole. */
const MAX_CELLS = 250_000;

function segments(chars: string[], changed: boolean[]): Segment[] {
  const out: Segment[] = [];
  chars.forEach((ch, i) => {
    const flag = changed[i] ?? true;
    const last = out.at(-1);
    if (last !== undefined && last.changed === flag) last.text += ch;
    else out.push({ text: ch, changed: flag });
  });
  return out;
}

/** Flags for each character of `a` and `b`: true where it is not part of a longest common subsequence. */
function lcsChanged(a: string[], b: string[]): [boolean[], boolean[]] {
  const changedA = a.map(() => true);
  const changedB = b.map(() => true);
  if (a.length * b.length > MAX_CELLS) return [changedA, changedB];
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] =
        a[i] === b[j]
          ? (table[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(table[(i + 1) * width + j] ?? 0, table[i * width + j + 1] ?? 0);
    }
  }
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      changedA[i++] = false;
      changedB[j++] = false;
    } else if ((table[(i + 1) * width + j] ?? 0) >= (table[i * width + j + 1] ?? 0)) i++;
    else j++;
  }
  return [changedA, changedB];
}

/** Common prefix and suffix lengths of two code point arrays (not overlapping). */
function commonEnds(a: string[], b: string[]): [number, number] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  )
    suffix++;
  return [prefix, suffix];
}

export function charDiff(left: string, right: string): CharDiff {
  const a = Array.from(left);
  const b = Array.from(right);
  const [prefix, suffix] = commonEnds(a, b);
  const [middleA, middleB] = lcsChanged(
    a.slice(prefix, a.length - suffix),
    b.slice(prefix, b.length - suffix),
  );
  const flags = (middle: boolean[], length: number): boolean[] =>
    [...Array<boolean>(prefix).fill(false), ...middle, ...Array<boolean>(suffix).fill(false)].slice(
      0,
      length,
    );
  return { left: segments(a, flags(middleA, a.length)), right: segments(b, flags(middleB, b.length)) };
}

/**
 * For two strings that differ in a few code points: the code points each side has and the other lacks,
 * e.g. { sent: "U+00E9", got: "U+0065 U+0301" }. Undefined when they are not both strings or differ a lot.
 */
export function differingCodePoints(
  sent: unknown,
  got: unknown,
  max = 16,
): { sent: string; got: string } | undefined {
  if (typeof sent !== 'string' || typeof got !== 'string' || sent === got) return undefined;
  const diff = charDiff(sent, got);
  const changed = (segments: Segment[]): string[] =>
    segments.filter((s) => s.changed).flatMap((s) => Array.from(s.text));
  const a = changed(diff.left);
  const b = changed(diff.right);
  if (a.length > max || b.length > max) return undefined;
  const codes = (chars: string[]): string =>
    chars.length === 0
      ? '(nothing)'
      : chars
          .map((ch) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`)
          .join(' ');
  return { sent: codes(a), got: codes(b) };
}
