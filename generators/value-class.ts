/**
 * The value classes of the rules (B1–B4, S2), as data: which classes a field can be sent (read from the
 * contract: its envelope, which fields are required, which is an email), and which classes a sent value
 * belongs to. The one place that names them: the coverage recorded by the suites, the runner's "reached"
 * judgement and the reports all speak these ids.
 */
import type { Contract } from '../contracts/load.ts';
import type { Outcome, RuleId } from '../core/rules.ts';
import { CHAR_CLASSES, type CharClass } from './_internals/char-classes.ts';
import { allowedRanges, type Range } from './_internals/code-points.ts';
import { emailPattern, forbiddenCodePointIn, isInEnvelope, type Envelope } from './_internals/envelope.ts';
import { fieldKind } from './_internals/field-kind.ts';
import { ARTICLE, WRONG_KINDS } from './_internals/json-kinds.ts';

export type ClassGroup = 'envelope' | 'null' | 'omitted' | 'wrong-type' | 'outside';

export interface ValueClass {
  /** Stable id, as in report.json and coverage.exempt: "nfd", "over-max", "number". */
  id: string;
  /** What a reader sees: "NFD (decomposed accents)". */
  label: string;
  group: ClassGroup;
  /** What a backend must do with it in this field, and the rule that says so. */
  outcome: Outcome;
  rule: RuleId;
  /**
   * each-field: reached only when reached in every field it applies to (a column's own width, type or
   * nullability); any-field: reached when reached in some field (how a backend treats the characters).
   */
  reach: 'each-field' | 'any-field';
}

const inRanges = (cp: number, ranges: readonly Range[]) => ranges.some(([lo, hi]) => cp >= lo && cp <= hi);
const hasCharOf = (s: string, ranges: readonly Range[]) =>
  Array.from(s).some((ch) => inRanges(ch.codePointAt(0) ?? 0, ranges));

/** The adversarial classes of B3 within the envelope: a string may belong to several. */
interface EnvelopeTest {
  id: string;
  label: string;
  test: (s: string, envelope: Envelope) => boolean;
  /** Character classes of which the envelope must allow one for a generator to send it (none: always possible). */
  needs?: CharClass[];
  /** Whether an email field's realistic addresses can hold it. */
  email?: boolean;
  /** Per column: a backend's storage differs by field (its width, its collation). */
  eachField?: boolean;
}

const ENVELOPE_TESTS: readonly EnvelopeTest[] = [
  { id: 'string', label: 'any envelope string', test: () => true, email: true, eachField: true },
  { id: 'edge-spaces', label: 'leading or trailing spaces', test: (s) => /^\s|\s$/u.test(s) },
  { id: 'inner-spaces', label: 'inner runs of spaces', test: (s) => /\S\s{2,}\S/u.test(s) },
  {
    id: 'mixed-case',
    label: 'mixed case',
    test: (s) => /\p{Lu}/u.test(s) && /\p{Ll}/u.test(s),
    email: true,
  },
  { id: 'nfc', label: 'composed accents (NFC)', test: (s) => s.normalize('NFD') !== s },
  { id: 'nfd', label: 'decomposed accents (NFD)', test: (s) => s.normalize('NFC') !== s },
  {
    id: 'combining',
    label: 'combining marks',
    test: (s) => hasCharOf(s, CHAR_CLASSES.combining),
    needs: ['combining'],
  },
  {
    id: 'rtl',
    label: 'right-to-left script',
    test: (s) => hasCharOf(s, [...CHAR_CLASSES.hebrew, ...CHAR_CLASSES.arabic]),
    needs: ['hebrew', 'arabic'],
  },
  { id: 'cjk', label: 'CJK', test: (s) => hasCharOf(s, CHAR_CLASSES.cjk), needs: ['cjk'] },
  {
    id: 'astral',
    label: 'outside the BMP (emoji)',
    test: (s) => Array.from(s).some((ch) => ch.length === 2),
    needs: ['astral'],
  },
  {
    id: 'max-length',
    label: 'the longest allowed',
    test: (s, envelope) => s.length === envelope.maxLength,
  },
];

interface OutsideTest {
  id: string;
  label: (envelope: Envelope) => string;
  test: (s: string, envelope: Envelope) => boolean;
  /** Whether the envelope leaves room for it at all. */
  possible: (envelope: Envelope) => boolean;
  email?: 'only';
}

const isZeroForbidden = (envelope: Envelope) =>
  envelope.forbiddenCodePoints.some(([lo, hi]) => lo <= 0 && hi >= 0);
const OUTSIDE_TESTS: readonly OutsideTest[] = [
  {
    id: 'too-short',
    label: (e) => (e.minLength === 1 ? 'empty' : `shorter than ${e.minLength}`),
    test: (s, e) => s.length < e.minLength,
    possible: (e) => e.minLength > 0,
  },
  {
    id: 'over-max',
    label: (e) => `longer than ${e.maxLength}`,
    test: (s, e) => s.length > e.maxLength,
    possible: () => true,
  },
  {
    id: 'nul',
    label: () => 'holds U+0000',
    test: (s, e) => s.includes('\u0000') && isZeroForbidden(e),
    possible: isZeroForbidden,
  },
  {
    id: 'control',
    label: () => 'holds another forbidden control',
    test: (s, e) => forbiddenCodePointIn(e, s.replaceAll('\u0000', '')) !== undefined,
    possible: (e) => e.forbiddenCodePoints.some(([lo, hi]) => hi > 0 && lo <= hi),
  },
  {
    id: 'lone-surrogate',
    label: () => 'holds a lone surrogate',
    test: (s) => !s.isWellFormed(),
    possible: () => true,
  },
  {
    id: 'not-an-address',
    label: () => 'not an address',
    test: (s, e) => !emailPattern(e).test(s),
    possible: () => true,
    email: 'only',
  },
];

const isEmail = (field: string) => fieldKind(field) === 'email';

/** Every class a field can be sent in, in the order reports list them. */
export function classesFor(contract: Contract, field: string): ValueClass[] {
  const { envelope } = contract.tolerances;
  const required = contract.fields.required.includes(field);
  const email = isEmail(field);
  const envelopeClasses = ENVELOPE_TESTS.filter(
    (t) =>
      (!email || t.email === true) &&
      (t.needs === undefined ||
        t.needs.some((name) => allowedRanges(envelope, CHAR_CLASSES[name]).length > 0)),
  ).map((t) => ({
    id: t.id,
    label: t.label,
    group: 'envelope' as const,
    outcome: 'MUST-ACCEPT' as const,
    rule: 'B3' as const,
    reach: t.eachField === true ? ('each-field' as const) : ('any-field' as const),
  }));
  const missing = (id: 'null' | 'omitted', label: string): ValueClass =>
    required
      ? { id, label, group: id, outcome: 'MUST-REJECT', rule: 'B1', reach: 'each-field' }
      : {
          id,
          label,
          group: id,
          outcome: 'MUST-ACCEPT',
          rule: id === 'null' ? 'B2' : 'S2',
          reach: 'each-field',
        };
  const wrong = WRONG_KINDS.map((kind): ValueClass => ({
    id: kind,
    label: ARTICLE[kind],
    group: 'wrong-type',
    outcome: 'MUST-REJECT',
    rule: required ? 'B1' : 'B2',
    reach: 'each-field',
  }));
  const outside = OUTSIDE_TESTS.filter((t) => t.possible(envelope) && (t.email !== 'only' || email)).map(
    (t): ValueClass => ({
      id: t.id,
      label: t.label(envelope),
      group: 'outside',
      outcome: 'MAY-EITHER',
      rule: 'B4',
      reach: 'any-field',
    }),
  );
  return [...envelopeClasses, missing('null', 'null'), missing('omitted', 'omitted'), ...wrong, ...outside];
}

/** The classes of what `body` holds in `field` (a body that is not a JSON object holds nothing). */
export function classesOfValue(contract: Contract, field: string, body: Record<string, unknown>): string[] {
  if (!Object.hasOwn(body, field)) return ['omitted'];
  const value = body[field];
  if (value === null) return ['null'];
  if (typeof value !== 'string') return [Array.isArray(value) ? 'array' : typeof value];
  const { envelope } = contract.tolerances;
  const email = isEmail(field);
  if (isInEnvelope(envelope, value) && (!email || emailPattern(envelope).test(value))) {
    return ENVELOPE_TESTS.filter((t) => (!email || t.email === true) && t.test(value, envelope)).map(
      (t) => t.id,
    );
  }
  return OUTSIDE_TESTS.filter((t) => (t.email !== 'only' || email) && t.test(value, envelope)).map(
    (t) => t.id,
  );
}
