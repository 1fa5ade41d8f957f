/**
 * Says what happened to a value that came back different from what was sent (rules S1, S4): a bug report
 * that names the transformation is half fixed. Lengths are counted in characters (code points), with UTF-16
 * units or UTF-8 bytes added only where they explain a cut; replaced and invisible characters are named by
 * their code points, so the one-line summary shows a difference no one could see. Each text comes with its kind
 * as data (core/diagnosis.ts): fingerprints are built from the kind, so the wording here is free to change.
 */
import type { Diagnosis, NormalForm, PlainDiagnosisKind } from '../core/diagnosis.ts';
import type { Violation } from '../core/failure.ts';
import { deepEqual } from './checks/values.ts';
import { chars, codePointList, describeRun, differingMiddle, utf8Bytes } from './code-points.ts';

export interface DiagnoseContext {
  /** The field's value before the request. */
  previous?: unknown;
  /** The values sent for the other fields, by name. */
  others?: Record<string, unknown>;
  /**
   * Values the field is known to have held before the write (S4: before the PUT, at the start of the run). A read
   * that shows one of them exactly missed the write (a stale cache, a lagging replica, a column left out): what
   * else it happens to resemble (the sent value case-swapped, a prefix of it, null) is a coincidence of the
   * generated values, so it is the old value, ahead of any transformation.
   */
  stored?: unknown[];
  /**
   * The other fields as they came back, by name: a field showing another's sent value while that one shows this
   * one's is a swap (two columns bound in the wrong order), whatever else the two values happen to resemble.
   */
  answered?: Record<string, unknown>;
  /** The other fields as they were before the write, by name: one that changed to this field's sent value got it. */
  before?: Record<string, unknown>;
}

const ASTRAL = /[\u{10000}-\u{10FFFF}]/gu;
const IS_ASTRAL = /^[\u{10000}-\u{10FFFF}]$/u;
const IS_SURROGATE = /^[\uD800-\uDFFF]$/;

/** Column sizes a schema is likely to have: a cut at one of them, in some unit, names the unit. */
const LIMITS = [
  10, 16, 20, 30, 32, 40, 45, 50, 60, 64, 80, 100, 120, 128, 150, 160, 191, 200, 250, 255, 256, 500, 512,
  1000, 1024, 2000, 2048, 4000, 4096,
];

const plain = (kind: PlainDiagnosisKind, text: string): Diagnosis => ({ kind: { kind }, text });

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
 * `limit` is the likely column size that explains the cut, if one does.
 */
function truncation(sent: string, got: string): { text: string; limit?: number } {
  const kept = chars(got);
  const next = chars(sent)[kept.length] ?? '';
  const text = `truncated to ${kept.length} character${kept.length === 1 ? '' : 's'}`;
  const inChars = limitAt(kept.length, 1);
  if (inChars !== undefined) return { text, limit: inChars };
  const units = limitAt(got.length, next.length);
  if (units !== undefined && got.length !== kept.length) {
    const unit = `${got.length} UTF-16 units${got.length === units ? '' : `; the next character would pass ${units}`}`;
    return { text: `${text} (${unit})`, limit: units };
  }
  const bytes = utf8Bytes(got);
  const byteLimit = limitAt(bytes, utf8Bytes(next));
  if (byteLimit !== undefined && bytes !== kept.length) {
    const unit = `${bytes} UTF-8 bytes${bytes === byteLimit ? '' : `; the next character would pass ${byteLimit}`}`;
    return { text: `${text} (${unit})`, limit: byteLimit };
  }
  return { text };
}

/** Same length in characters, and every change a U+FFFD or a `?` in place of another character. */
function replacement(sent: string, got: string): Diagnosis | undefined {
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
    return plain(
      'astral-replaced',
      `characters outside the BMP replaced with ${mark} (${count}: ${codePointList(from)})`,
    );
  }
  if (from.every((c) => IS_SURROGATE.test(c))) {
    return plain('surrogates-replaced', `lone surrogates replaced with ${mark} (${codePointList(from)})`);
  }
  return plain('characters-replaced', `${count} replaced with ${mark} (${codePointList(from)})`);
}

/** `trimmed (leading 1 space; trailing U+00A0 NO-BREAK SPACE)`: what went, made visible. */
function trimming(sent: string, got: string): Diagnosis | undefined {
  if (got === '')
    return sent.trim() === ''
      ? plain('trimmed', `trimmed to an empty string (${describeRun(sent)})`)
      : undefined;
  const start = sent.indexOf(got);
  if (got === sent || start < 0) return undefined;
  const lead = sent.slice(0, start);
  const trail = sent.slice(start + got.length);
  if (lead.trim() !== '' || trail.trim() !== '') return undefined;
  // Spaces left at the cut end mean a run collapsed or a length cut, not a trim.
  if ((lead && got.trimStart() !== got) || (trail && got.trimEnd() !== got)) return undefined;
  if (lead && trail)
    return plain('trimmed', `trimmed (leading ${describeRun(lead)}; trailing ${describeRun(trail)})`);
  return plain(
    'trimmed',
    lead
      ? `leading spaces trimmed (${describeRun(lead)})`
      : `trailing spaces trimmed (${describeRun(trail)})`,
  );
}

/** `normalized to NFC (U+0065 U+0301 stored as U+00E9)`: the first place the forms differ. */
function normalization(sent: string, got: string, form: NormalForm): Diagnosis {
  const { sent: from, got: to } = differingMiddle(sent, got);
  return {
    kind: { kind: 'normalized', form },
    text: `normalized to ${form} (${codePointList(from, 4)} stored as ${codePointList(to, 4)})`,
  };
}

/** Characters a reader cannot see on their own: marks, format characters (zero-width), characters outside the BMP. */
const INVISIBLE_OR_ASTRAL = /^[\p{M}\p{Cf}\u{10000}-\u{10FFFF}]$/u;
const INVISIBLE = /^[\p{M}\p{Cf}]$/u;

const CATEGORIES = ['Lu', 'Ll', 'Lt', 'Lm', 'Lo', 'Mn', 'Mc', 'Me', 'Nd', 'Nl', 'No', 'Pc', 'Pd', 'Ps', 'Pe']
  .concat(['Pi', 'Pf', 'Po', 'Sm', 'Sc', 'Sk', 'So', 'Zs', 'Zl', 'Zp', 'Cc', 'Cf', 'Cs', 'Co'])
  .map((name) => ({ name, test: new RegExp(`^\\p{gc=${name}}$`, 'u') }));

/** A character's Unicode general category (`Lu`, `Mn`, `Cf`, …; `Cn` when unassigned). */
const category = (char: string): string => CATEGORIES.find((c) => c.test.test(char))?.name ?? 'Cn';

/**
 * Whether `kept` is what a filter left of `all`: a sanitiser that removes a class of characters (combining marks,
 * zero-width characters, all but digits) removes every one of them, so no character it dropped is left, and none of
 * the same category either (invisible ones aside: a filter names them one by one). A cut at a column size leaves
 * characters of the kinds it cut; when the ones it happened to cut were of a kind the value has nowhere else, the
 * filter is the likelier reading, and which reading a seed's value allows must not rename the bug. Characters
 * outside the BMP are left to the cut: a byte-counted column cuts before them.
 */
function filteredOut(all: string[], kept: string[]): boolean {
  if (kept.length === 0 || kept.length >= all.length || !isSubsequence(kept, all)) return false;
  const left = new Set(kept.map(category));
  return droppedCharacters(kept, all).every(
    (c) => !kept.includes(c) && !IS_ASTRAL.test(c) && (INVISIBLE.test(c) || !left.has(category(c))),
  );
}

/** Whitespace, but not U+FEFF (a zero-width format character that JavaScript's \s happens to include). */
const SPACE = /^(?!\uFEFF)\s$/u;

/**
 * Whether `got` is `sent` with runs of whitespace shortened: each character dropped is whitespace right after
 * whitespace. Any run, wherever it is (a cleanup may collapse inner runs only, or runs of several kinds).
 */
function collapsedRuns(sent: string[], got: string[]): boolean {
  let at = 0;
  let dropped = 0;
  for (const [i, char] of sent.entries()) {
    if (at < got.length && got[at] === char) at++;
    else if (SPACE.test(char) && i > 0 && SPACE.test(sent[i - 1] ?? '')) dropped++;
    else return false;
  }
  return at === got.length && dropped > 0;
}

const charactersDropped = (dropped: string[]): Diagnosis =>
  plain(
    'characters-dropped',
    `characters dropped (${dropped.length}: ${codePointList([...new Set(dropped)])})`,
  );

function stringDiagnosis(sent: string, got: string, previous: unknown): Diagnosis | undefined {
  const trimmed = trimming(sent, got);
  if (trimmed) return trimmed;
  const kept = chars(got);
  const all = chars(sent);
  if (got === '') {
    // Nothing but invisible characters (a lone combining mark, a zero-width space): a filter dropped them.
    if (all.every((c) => INVISIBLE.test(c))) return charactersDropped(all);
    return plain('emptied', 'empty string instead of the sent value');
  }
  // A cut no column size explains: said only if no transformation below explains the change better.
  let cutAnywhere: Diagnosis | undefined;
  if (kept.length < all.length && kept.every((c, i) => c === all[i])) {
    const cut = truncation(sent, got);
    const rest = all.slice(kept.length);
    if (cut.limit !== undefined && !filteredOut(all, kept))
      return { kind: { kind: 'truncated', limit: cut.limit }, text: cut.text };
    // No column size explains the cut: the old value, or characters dropped, explain it better when they fit. A cut
    // anywhere leaves some of what it cut ('aaa' to 'aa'); a filter leaves none of what it dropped.
    const noneLeft = rest.every((c) => !kept.includes(c));
    if (cut.limit === undefined && !noneLeft) {
      if (got === previous) return plain('old-value-kept', 'old value kept');
      if (!rest.every((c) => INVISIBLE_OR_ASTRAL.test(c)))
        cutAnywhere = { kind: { kind: 'truncated' }, text: `${cut.text} (cut: ${codePointList(rest, 4)})` };
    }
  }
  if (got.length < sent.length && sent.startsWith(got) && /[\uD800-\uDBFF]$/.test(got)) {
    return {
      kind: { kind: 'truncated' },
      text: `truncated to ${got.length} UTF-16 units, cutting a character in two (a lone surrogate is left)`,
    };
  }
  if (got === sent.toLowerCase()) return plain('case-folded', 'case-folded to lower case');
  if (got === sent.toUpperCase()) return plain('case-folded', 'case-folded to upper case');
  for (const form of ['NFC', 'NFD', 'NFKC', 'NFKD'] as const) {
    if (got === sent.normalize(form)) return normalization(sent, got, form);
  }
  const replaced = replacement(sent, got);
  if (replaced) return replaced;
  if (got === sent.replace(ASTRAL, ''))
    return plain(
      'astral-dropped',
      `characters outside the BMP dropped (${codePointList(droppedCharacters(kept, all))})`,
    );
  if (collapsedRuns(all, kept)) return plain('spaces-collapsed', 'runs of spaces collapsed');
  if (got === sent.trim().replace(/\s+/g, ' ')) {
    return sent.trim() === sent
      ? plain('spaces-collapsed', 'whitespace collapsed to single spaces')
      : plain('trimmed-collapsed', 'trimmed and inner spaces collapsed');
  }
  if (cutAnywhere) return cutAnywhere;
  if (kept.length < all.length && isSubsequence(kept, all)) {
    return charactersDropped(droppedCharacters(kept, all));
  }
  if (kept.length > all.length && got.startsWith(sent)) {
    const added = chars(got.slice(sent.length));
    return plain('characters-appended', `characters appended (${added.length}: ${codePointList(added)})`);
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

/** What happened to `sent` that came back as `got`: its kind, as data, and the text a person reads. */
export function diagnose(sent: unknown, got: unknown, context: DiagnoseContext = {}): Diagnosis {
  if (got === undefined) return plain('missing', 'missing from the response');
  if (context.stored?.some((value) => JSON.stringify(value) === JSON.stringify(got)))
    return plain('old-value-kept', 'old value kept');
  // Two fields that each came back with the other's value: shrunk values ('a', 'a a', null) resemble each other
  // in every way, so the swap comes before any transformation.
  for (const [field, value] of Object.entries(context.others ?? {})) {
    const back = context.answered?.[field];
    if (deepEqual(value, got) && !deepEqual(value, sent) && back !== undefined && deepEqual(back, sent))
      return plain('value-of-another-field', `swapped with ${field}`);
  }
  // A field not sent (or sent another value) that changed to exactly this field's sent value: the value went to the
  // wrong column, whatever this one now holds (its old value, null).
  for (const [field, value] of Object.entries(context.answered ?? {})) {
    const own = Object.hasOwn(context.others ?? {}, field) ? context.others?.[field] : undefined;
    const moved =
      sent !== null &&
      deepEqual(value, sent) &&
      !deepEqual(got, sent) &&
      !deepEqual(context.before?.[field], sent) &&
      (own === undefined || !deepEqual(own, sent));
    if (moved && Object.hasOwn(context.before ?? {}, field))
      return plain('value-of-another-field', `its value stored in ${field} instead`);
  }
  if (sent !== null && got === null) return plain('null', 'null instead of the sent value');
  if (sent === null && got === '') return plain('empty-for-null', 'empty string instead of null');
  if (sent === null && got === 'null') return plain('null-as-string', 'the string "null" instead of null');
  if (typeName(sent) !== typeName(got)) {
    return {
      kind: { kind: 'wrong-type', sent: typeName(sent), got: typeName(got) },
      text: `wrong type (${typeName(got)} instead of ${typeName(sent)})`,
    };
  }
  // A transformation of the sent value explains more than a coincidence with another value.
  const known =
    typeof sent === 'string' && typeof got === 'string'
      ? stringDiagnosis(sent, got, context.previous)
      : undefined;
  if (known) return known;
  if (context.previous !== undefined && got === context.previous)
    return plain('old-value-kept', 'old value kept');
  for (const [field, value] of Object.entries(context.others ?? {})) {
    if (value === got && value !== null) return plain('value-of-another-field', `value of ${field}`);
  }
  if (typeof sent === 'string' && typeof got === 'string') return plain('changed', firstChange(sent, got));
  return plain('changed', 'changed');
}

/** A diagnosis as a violation carries it: the text to read and the kind a fingerprint is built from. */
export const diagnosed = (d: Diagnosis): Pick<Violation, 'diagnosis' | 'diagnosisKind'> => ({
  diagnosis: d.text,
  diagnosisKind: d.kind,
});
