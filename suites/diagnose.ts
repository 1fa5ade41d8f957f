/**
 * Says what happened to a value that came back different from what was sent (rules S1, S4): a bug report
 * that names the transformation is half fixed. Lengths are counted in characters (code points), with UTF-16
 * units or UTF-8 bytes added only where they explain a cut; replaced and invisible characters are named by
 * their code points, so the one-line summary shows a difference no one could see.
 */
import { chars, codePointList, describeRun, differingMiddle, utf8Bytes } from './code-points.ts';

export interface DiagnoseContext {
  /** The field's value before the request. */
  previous?: unknown;
  /** The values sent for the other fields, by name. */
  others?: Record<string, unknown>;
}

const ASTRAL = /[\u{10000}-\u{10FFFF}]/gu;
const IS_ASTRAL = /^[\u{10000}-\u{10FFFF}]$/u;
const IS_SURROGATE = /^[\uD800-\uDFFF]$/;

/** Column sizes a schema is likely to have: a cut at one of them, in some unit, names the unit. */
const LIMITS = [
  10, 16, 20, 30, 32, 40, 45, 50, 60, 64, 80, 100, 120, 128, 150, 160, 191, 200, 250, 255, 256, 500, 512,
  1000, 1024, 2000, 2048, 4000, 4096,
];

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function isSubsequence(short: string[], long: string[]): boolean {
  let i = 0;
  for (const char of long) if (i < short.length && char === short[i]) i++;
  return i === short.length;
}

function droppedCharacters(got: string[], sent: string[]): string[] {
  const remaining = [...got];
  const dropped: string[] = [];
  for (const char of sent) {
    if (remaining[0] === char) remaining.shift();
    else dropped.push(char);
  }
  return dropped;
}

/** The limit a cut lands on in one unit: the kept length fits it, one more character would not. */
function limitAt(kept: number, next: number): number | undefined {
  return LIMITS.find((limit) => kept <= limit && kept + next > limit);
}

/**
 * `truncated to 100 characters`, with UTF-16 units or UTF-8 bytes where they, not characters, explain it.
 * `limit` says whether a likely column size explains the cut at all.
 */
function truncation(sent: string, got: string): { text: string; limit: boolean } {
  const kept = chars(got);
  const next = chars(sent)[kept.length] ?? '';
  const text = `truncated to ${kept.length} character${kept.length === 1 ? '' : 's'}`;
  if (limitAt(kept.length, 1) !== undefined) return { text, limit: true };
  const units = limitAt(got.length, next.length);
  if (units !== undefined && got.length !== kept.length) {
    const unit = `${got.length} UTF-16 units${got.length === units ? '' : `; the next character would pass ${units}`}`;
    return { text: `${text} (${unit})`, limit: true };
  }
  const bytes = utf8Bytes(got);
  const byteLimit = limitAt(bytes, utf8Bytes(next));
  if (byteLimit !== undefined && bytes !== kept.length) {
    const unit = `${bytes} UTF-8 bytes${bytes === byteLimit ? '' : `; the next character would pass ${byteLimit}`}`;
    return { text: `${text} (${unit})`, limit: true };
  }
  return { text, limit: false };
}

/** Same length in characters, and every change a U+FFFD or a `?` in place of another character. */
function replacement(sent: string, got: string): string | undefined {
  const a = chars(sent);
  const b = chars(got);
  if (a.length !== b.length) return undefined;
  const changed = a.flatMap((char, i) => (char === b[i] ? [] : [{ from: char, to: b[i] as string }]));
  const by = new Set(changed.map((c) => c.to));
  if (changed.length === 0 || by.size !== 1 || !(by.has('\uFFFD') || by.has('?'))) return undefined;
  const mark = by.has('\uFFFD') ? 'U+FFFD' : '?';
  const from = changed.map((c) => c.from);
  const count = `${from.length} character${from.length === 1 ? '' : 's'}`;
  if (from.every((c) => IS_ASTRAL.test(c))) {
    return `characters outside the BMP replaced with ${mark} (${count}: ${codePointList(from)})`;
  }
  if (from.every((c) => IS_SURROGATE.test(c))) {
    return `lone surrogates replaced with ${mark} (${codePointList(from)})`;
  }
  return `${count} replaced with ${mark} (${codePointList(from)})`;
}

/** `trimmed (leading 1 space; trailing U+00A0 NO-BREAK SPACE)`: what went, made visible. */
function trimming(sent: string, got: string): string | undefined {
  if (got === '') return sent.trim() === '' ? `trimmed to an empty string (${describeRun(sent)})` : undefined;
  const start = sent.indexOf(got);
  if (got === sent || start < 0) return undefined;
  const lead = sent.slice(0, start);
  const trail = sent.slice(start + got.length);
  if (lead.trim() !== '' || trail.trim() !== '') return undefined;
  // Spaces left at the cut end mean a run collapsed or a length cut, not a trim.
  if ((lead && got.trimStart() !== got) || (trail && got.trimEnd() !== got)) return undefined;
  if (lead && trail) return `trimmed (leading ${describeRun(lead)}; trailing ${describeRun(trail)})`;
  return lead
    ? `leading spaces trimmed (${describeRun(lead)})`
    : `trailing spaces trimmed (${describeRun(trail)})`;
}

/** `normalized to NFC (U+0065 U+0301 stored as U+00E9)`: the first place the forms differ. */
function normalization(sent: string, got: string, form: string): string {
  const { sent: from, got: to } = differingMiddle(sent, got);
  return `normalized to ${form} (${codePointList(from, 4)} stored as ${codePointList(to, 4)})`;
}

/** Characters a reader cannot see on their own: marks, format characters (zero-width), characters outside the BMP. */
const INVISIBLE_OR_ASTRAL = /^[\p{M}\p{Cf}\u{10000}-\u{10FFFF}]$/u;

function stringDiagnosis(sent: string, got: string, previous: unknown): string | undefined {
  const trimmed = trimming(sent, got);
  if (trimmed) return trimmed;
  if (got === '') return 'empty string instead of the sent value';
  const kept = chars(got);
  const all = chars(sent);
  // A cut no column size explains: said only if no transformation below explains the change better.
  let cutAnywhere: string | undefined;
  if (kept.length < all.length && kept.every((c, i) => c === all[i])) {
    const cut = truncation(sent, got);
    if (cut.limit) return cut.text;
    // No column size explains the cut: the old value, or characters dropped, explain it better when they fit.
    if (got === previous) return 'old value kept';
    const rest = all.slice(kept.length);
    if (!rest.every((c) => INVISIBLE_OR_ASTRAL.test(c)))
      cutAnywhere = `${cut.text} (cut: ${codePointList(rest, 4)})`;
  }
  if (got.length < sent.length && sent.startsWith(got) && /[\uD800-\uDBFF]$/.test(got)) {
    return `truncated to ${got.length} UTF-16 units, cutting a character in two (a lone surrogate is left)`;
  }
  if (got === sent.toLowerCase()) return 'case-folded to lower case';
  if (got === sent.toUpperCase()) return 'case-folded to upper case';
  for (const form of ['NFC', 'NFD', 'NFKC', 'NFKD'] as const) {
    if (got === sent.normalize(form)) return normalization(sent, got, form);
  }
  const replaced = replacement(sent, got);
  if (replaced) return replaced;
  if (got === sent.replace(ASTRAL, ''))
    return `characters outside the BMP dropped (${codePointList(droppedCharacters(kept, all))})`;
  if (got === sent.replace(/ {2,}/g, ' ')) return 'inner runs of spaces collapsed';
  if (got === sent.trim().replace(/\s+/g, ' ')) {
    return sent.trim() === sent
      ? 'whitespace collapsed to single spaces'
      : 'trimmed and inner spaces collapsed';
  }
  if (cutAnywhere) return cutAnywhere;
  if (kept.length < all.length && isSubsequence(kept, all)) {
    const dropped = droppedCharacters(kept, all);
    return `characters dropped (${dropped.length}: ${codePointList([...new Set(dropped)])})`;
  }
  if (kept.length > all.length && got.startsWith(sent)) {
    const added = chars(got.slice(sent.length));
    return `characters appended (${added.length}: ${codePointList(added)})`;
  }
  return undefined;
}

/** Where two strings part, by code points, with what each holds there. */
function firstChange(sent: string, got: string): string {
  const { at, sent: from, got: to } = differingMiddle(sent, got);
  const was = from.length === 0 ? 'nothing' : codePointList(from, 3);
  const now = to.length === 0 ? 'nothing' : codePointList(to, 3);
  const lengths = `sent ${chars(sent).length} characters, stored ${chars(got).length}`;
  return `changed at character ${at + 1}: ${was} stored as ${now} (${lengths})`;
}

export function diagnose(sent: unknown, got: unknown, context: DiagnoseContext = {}): string {
  if (got === undefined) return 'missing from the response';
  if (sent !== null && got === null) return 'null instead of the sent value';
  if (sent === null && got === '') return 'empty string instead of null';
  if (sent === null && got === 'null') return 'the string "null" instead of null';
  if (typeName(sent) !== typeName(got)) return `wrong type (${typeName(got)} instead of ${typeName(sent)})`;
  // A transformation of the sent value explains more than a coincidence with another value.
  const known =
    typeof sent === 'string' && typeof got === 'string'
      ? stringDiagnosis(sent, got, context.previous)
      : undefined;
  if (known) return known;
  if (context.previous !== undefined && got === context.previous) return 'old value kept';
  for (const [field, value] of Object.entries(context.others ?? {})) {
    if (value === got && value !== null) return `value of ${field}`;
  }
  if (typeof sent === 'string' && typeof got === 'string') return firstChange(sent, got);
  return 'changed';
}
