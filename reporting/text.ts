/**
 * Text helpers the formatters share: invisible characters shown as escapes, long text shortened, words quoted
 * for a POSIX shell. Pure functions.
 */

/**
 * Characters a reader cannot see or tell apart: controls, format characters (zero-width, bidi, BOM), line and
 * paragraph separators, lone surrogates, private-use and unassigned code points, and every space but U+0020.
 */
export const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Co}\p{Cn}]|(?! )\p{Zs}/gu;

function hex4(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * Raw text (a body as sent or received) with each invisible character written `\u{XXXX}`. No JSON text holds
 * `\u{`, so a raw character and a JSON escape in the body stay apart.
 */
export function showText(text: string, options: { keepNewlines?: boolean } = {}): string {
  return text.replace(INVISIBLE, (ch) =>
    options.keepNewlines === true && ch === '\n' ? ch : `\\u{${hex4(ch.codePointAt(0) ?? 0)}}`,
  );
}

/** A character as JSON string escapes, `\uXXXX` per UTF-16 code unit. */
function jsonEscape(ch: string): string {
  let out = '';
  for (let i = 0; i < ch.length; i++) out += `\\u${hex4(ch.charCodeAt(i)).toLowerCase()}`;
  return out;
}

/** A value as JSON.stringify writes it, with the invisible characters it leaves raw written `\uXXXX`. */
export function showValue(value: unknown): string {
  if (value === undefined) return '(absent)';
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) return String(value);
  return json.replace(INVISIBLE, jsonEscape);
}

/**
 * A JSON text pretty-printed (2 spaces) with invisible characters in strings as `\uXXXX` escapes; undefined
 * when the text is not JSON. Values are kept exactly; key order too, but not duplicate keys or number spelling.
 */
export function prettyJson(text: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const json = JSON.stringify(parsed, null, 2) as string | undefined;
  // Raw newlines in it are the layout's: JSON.stringify escapes those inside strings.
  return json?.replace(INVISIBLE, (ch) => (ch === '\n' ? ch : jsonEscape(ch)));
}

/** Where to cut `text` to at most `max` code units without splitting a surrogate pair. */
function cutAt(text: string, max: number): number {
  const last = text.charCodeAt(max - 1);
  return max > 0 && last >= 0xd800 && last <= 0xdbff ? max - 1 : max;
}

/** A value shown with showValue; a string longer than `max` is cut and its length given: `"abc"… (length 300)`. */
export function showValueShort(value: unknown, max = 80): string {
  if (typeof value === 'string' && value.length > max) {
    return `${showValue(value.slice(0, cutAt(value, max)))}… (length ${value.length})`;
  }
  const shown = showValue(value);
  return shown.length > max * 2 ? `${shown.slice(0, cutAt(shown, max * 2))}… (${shown.length} chars)` : shown;
}

/** Raw text shortened to `max` code units, then shown with showText. */
export function showTextShort(text: string, max: number, options: { keepNewlines?: boolean } = {}): string {
  if (text.length <= max) return showText(text, options);
  return `${showText(text.slice(0, cutAt(text, max)), options)}… [cut: ${text.length} chars in all]`;
}

/** A word for a POSIX shell: bare when it is plainly safe, else single-quoted with ' written '\''. */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_/.:=@%+,-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A duration for people: 850 ms, 12.3 s, 2 min 05 s. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/** "1 failure", "2 failures". */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
