/**
 * A finding's identity: the one place that says what makes two failures one finding.
 *
 * Every violation gets a fingerprint, a short readable path such as `S1/trimmed`, `R2/5xx/B4-control` or
 * `I1/spelling-case/found`, built only from what the bug is:
 * - the rule it breaks;
 * - the kind of diagnosis: what happened to a value (trimmed, truncated, case-folded, normalized-nfc, …, with
 *   lengths, code points and field names left out), or the kind of status (accepted, refused-4xx, status-3xx);
 * - the kind of case that showed it: the class of a wrong or edge value (a number, null, missing, a control
 *   character, over-long, a lone surrogate), the credential variant, the class of id spelling (case, space,
 *   accent, width, …), never the generated value itself;
 * - the operation, when it is not the PUT under test (`@create`, `@read`): a rule broken on create is not the
 *   same bug as one broken on PUT;
 * - the field only where the bug is the field's own (a read-only field the backend changes by itself, a
 *   response field of the wrong type): a backend that trims every field is one finding, whichever field a seed
 *   caught it on.
 * Never generated values, ids, timestamps, lanes, seeds or counts, so the same bug on the same backend gets the
 * same fingerprint across seeds, runs, lanes and --runs. A failure (a shrunk counterexample) belongs to the
 * finding of each of its violations' fingerprints; a finding is every failure of the run sharing one.
 */
import type { DiagnosisKind } from '../core/diagnosis.ts';
import type { Exchange } from '../core/exchange.ts';
import type { Violation } from '../core/failure.ts';
import { fingerprintOfViolation } from '../core/finding.ts';
import type { Scenario } from './scenarios/scenario.ts';
import type { WrittenValues } from './written-values.ts';
import { isNoAnswer } from './checks/no-server-error.ts';

/**
 * The part of a fingerprint that says what happened to a value: the diagnosis's kind (core/diagnosis.ts), never
 * its text, so rewording a diagnosis changes no fingerprint. A cut at a column size names the size, which is
 * the bug's own (a VARCHAR(50) is not a VARCHAR(255)); a cut no column size explains is plain `truncated`.
 */
export function diagnosisPart(kind: DiagnosisKind | undefined): string {
  if (kind === undefined) return 'changed';
  switch (kind.kind) {
    case 'truncated':
      return kind.limit === undefined ? 'truncated' : `truncated-${kind.limit}`;
    case 'normalized':
      return `normalized-${kind.form.toLowerCase()}`;
    case 'wrong-type':
      return `${kind.sent}-as-${kind.got}`;
    default:
      return kind.kind;
  }
}

/** Lower-case words joined by hyphens, numbers dropped: a title or label as a fingerprint part. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[0-9]+/g, ' ')
    .replace(/[^a-z]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The class of an id spelling (id-spellings.ts): one collation or decoder bug shows in several spellings. */
function spellingClass(name: string): string {
  if (/case/.test(name)) return 'case';
  if (/space|tab/.test(name)) return 'space';
  if (/accent|combining/.test(name)) return 'accent';
  if (/^uuid/.test(name)) return 'uuid-form';
  if (/^number/.test(name)) return 'number-form';
  return slug(name);
}

/** The class of a body case's value, from its label (`phone is a number`, `email holds U+0000`, …). */
function caseClass(rule: string, label: string): string {
  if (rule === 'B4') {
    if (/holds U\+/.test(label)) return 'control';
    if (/surrogate/.test(label)) return 'surrogate';
    if (/longer than/.test(label)) return 'long';
    if (/shorter than|is empty/.test(label)) return 'short';
    if (/not an address/.test(label)) return 'not-address';
    return slug(label.split(' ').slice(1).join(' '));
  }
  if (rule === 'B6') {
    if (/look-alike/.test(label)) return 'look-alike';
    if (/response-only/.test(label)) return 'response-only';
    return 'unknown';
  }
  if (rule === 'B7') return 'content-type';
  if (rule === 'B5') return slug(label.replace(/^body (is )?/, ''));
  // B1, B2: `<field> is a number`: the kind of wrong value, not the field (a coercing backend coerces them all).
  const what = / is (?:an? )?(.+)$/.exec(label)?.[1];
  return what ? slug(what) : '';
}

/** What kind of case the scenario is: the part of a fingerprint that says what triggered the bug. */
export function trigger(scenario: Scenario): string {
  switch (scenario.kind) {
    case 'update': {
      if (scenario.auth !== 'valid') return `auth-${scenario.auth}`;
      const { rule, label, outcome } = scenario.case;
      // A valid body is B2 when it holds a null, B3 otherwise (generators/envelope-string.ts).
      if (outcome === 'MUST-ACCEPT') return rule === 'B2' ? 'valid-body-with-null' : 'valid-body';
      const cls = caseClass(rule, label);
      return cls ? `${rule}-${cls}` : rule;
    }
    case 'id-spelling':
      return `spelling-${spellingClass(scenario.spelling)}`;
    default:
      return scenario.kind;
  }
}

/** The status class of an answer: 2xx, 3xx, 4xx, 5xx, or none. */
function statusClass(exchange: Exchange | undefined): string {
  const status = exchange?.response?.status;
  return status === undefined ? 'none' : `${Math.floor(status / 100)}xx`;
}

/** `@create`, `@read` for a violation shown by a companion operation; nothing for the PUT under test. */
function operation(exchange: Exchange | undefined): string {
  const op = exchange?.spec.op;
  return op === undefined || op === 'update' ? '' : `@${op}`;
}

/** Roles of the requests a scenario is about (status-in-expected-set.ts's main roles). */
const MAIN_ROLES = new Set(['update', 'first', 'second', 'burst']);

function statusKind(v: Violation, exchange: Exchange | undefined): string {
  const cls = statusClass(exchange);
  if (v.title === 'Valid body not accepted') return `refused-${cls}`;
  if (cls === '2xx') return 'accepted';
  return `status-${cls}`;
}

/** A scenario's case value, when it is a JSON object: which properties the body carried. */
function sentProperties(scenario: Scenario): string[] {
  if (!('case' in scenario)) return [];
  const value = scenario.case.value;
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
}

/** How an invalid request was invalid, coarsely: a partial write before a 400 shows under B1, B2 and B5 alike. */
function rejectedFor(scenario: Scenario): string {
  if (scenario.kind === 'update' && scenario.auth !== 'valid' && scenario.auth !== 'valid-lowercase-scheme')
    return 'auth';
  if (scenario.kind === 'unknown-id' || scenario.kind === 'id-spelling') return 'id';
  return 'invalid-body';
}

/** Top-level name of a response pointer: `/data/phone` → `data.phone`, `/data/tags/0` → `data.tags`. */
function responsePlace(pointer: string | undefined): string {
  const parts = (pointer ?? '').split('/').filter((p) => p !== '' && !/^\d+$/.test(p));
  return parts.slice(0, 2).join('.') || 'body';
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const ASTRAL = /[\u{10000}-\u{10FFFF}]/u;

/** What a request body holds that a backend may trip on, most telling first. */
function bodyFeatures(text: string | undefined, skip: string | undefined): string[] {
  if (text === undefined || text === '') return ['empty-body'];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return ['unparseable-body'];
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return ['non-object-body'];
  const found = new Set<string>();
  for (const [name, v] of Object.entries(value)) {
    if (name === skip) continue;
    if (v === null) continue;
    if (typeof v !== 'string') found.add('non-string');
    else {
      if (ASTRAL.test(v)) found.add('astral');
      if (LONE_SURROGATE.test(v)) found.add('surrogate');
      if (CONTROL.test(v)) found.add('control');
      if (v.length > 255) found.add('long');
    }
  }
  // Not null nor the empty string: shrinking leaves them behind in fields that played no part (fast-check
  // shrinks an optional string towards null, and a string towards '').
  return ['astral', 'surrogate', 'control', 'long', 'non-string'].filter((f) => found.has(f));
}

/** The features a case puts in its body on purpose (its class), as bodyFeatures names them. */
function ownFeatures(scenario: Scenario): string[] {
  const t = trigger(scenario);
  const own: Record<string, string[]> = {
    'B4-control': ['control'],
    'B4-surrogate': ['surrogate'],
    'B4-long': ['long'],
    'B4-short': ['empty-string'],
    'B1-null': ['null'],
    'B1-missing': [],
    'B5-empty': ['empty-body'],
  };
  if (own[t]) return own[t];
  if (/^B[12]-/.test(t)) return ['non-string', 'null'];
  if (/^B5-/.test(t)) return ['unparseable-body', 'non-object-body', 'empty-body'];
  return [];
}

/** Whether the case's own class is a null (a required field sent null): a crash on it is that case's finding. */
export const nullIsTheCase = (scenario: Scenario): boolean => ownFeatures(scenario).includes('null');

/**
 * What a 5xx or a missing answer to a case's request was about. A shrunk case keeps what it needs to fail: its
 * own class (a control character in a B4 case) and whatever else the backend trips on. So a feature of the body
 * the case's class does not explain (an emoji in the valid part of a B4 case) is the cause; otherwise the class is.
 */
function crashCause(scenario: Scenario, exchange: Exchange | undefined): string {
  if (scenario.kind === 'update' || scenario.kind === 'repeat' || scenario.kind === 'burst') {
    const own = ownFeatures(scenario);
    // The case's own field holds its class (an over-long string may well hold an emoji): only the rest counts.
    const pointer = 'case' in scenario ? scenario.case.pointer : '';
    const skip = pointer === '' ? undefined : pointer.slice(1);
    const other = bodyFeatures(exchange?.spec.body, skip).filter((f) => !own.includes(f));
    if (other[0] !== undefined && !(scenario.kind === 'update' && scenario.auth !== 'valid')) return other[0];
  }
  return trigger(scenario);
}

/** The rules a broken echo is blamed on in an edge case (echo.ts) name the case; the transformation is the bug. */
const PLAIN_TRANSFORMATIONS = new Set([
  'trimmed',
  'trimmed-collapsed',
  'case-folded',
  'normalized-nfc',
  'normalized-nfd',
  'normalized-nfkc',
  'normalized-nfkd',
  'spaces-collapsed',
  'astral-replaced',
  'astral-dropped',
  // A field stored with another's value (columns swapped) is never about the edge value a case sent.
  'value-of-another-field',
]);

/** Plain transformations, and a cut at a column size: the same bug whether a valid or an edge case showed it. */
const isPlain = (kind: string): boolean => PLAIN_TRANSFORMATIONS.has(kind) || /^truncated-\d+$/.test(kind);

/**
 * A GET that showed a value other than what was stored (read_after_write after a PUT, rejection_is_atomic after a
 * rejected one) and not again when its case was played alone: which request it followed and what the value resembled
 * are chance (a replica one write behind shows whatever came before), so it is one finding, `S4/changed@read`.
 */
const unconfirmedRead = (v: Violation): boolean =>
  v.cameBack === false && (v.check === 'read_after_write' || v.check === 'rejection_is_atomic');

/** The rule part of a fingerprint: a plain transformation of a value is S1's (S4's) in any case that shows it. */
export function findingRule(v: Violation): string {
  // Refused alone as plain JSON too: the body's refusal (B3), or its null's (B2), whichever case carried it.
  if (v.refusedFor) return v.refusedFor === 'null' ? 'B2' : 'B3';
  // Not where echo.ts blamed B6 or B7 on evidence (an extra property's value stored, the whole body ignored): that
  // is the bug, whatever the value happens to resemble.
  const blamedOnEvidence = v.rule === 'B6' || v.rule === 'B7';
  if (v.check === 'echoes_sent_values' && isPlain(diagnosisPart(v.diagnosisKind)) && !blamedOnEvidence)
    return 'S1';
  // A GET after a rejected request that showed a change not seen again alone: a read, not the rejected write.
  if (unconfirmedRead(v)) return 'S4';
  return v.rule;
}

function parts(v: Violation, scenario: Scenario, exchange: Exchange | undefined): string[] {
  // A valid body refused for itself: one finding, whether a plain case, a repeat, a burst or a set-up write carried it.
  if (v.refusedFor)
    return [
      `refused-${statusClass(exchange)}`,
      v.refusedFor === 'null' ? 'valid-body-with-null' : 'valid-body',
    ];
  switch (v.check) {
    case 'no_server_error': {
      const what = isNoAnswer(v) ? 'no-answer' : '5xx';
      // Gone when its case was played again alone: what that request happened to carry is not the cause.
      if (v.cameBack === false) return [what, 'intermittent'];
      // Gone when the request's nulls were plain strings: the null, whichever case a seed put it in.
      if (v.nullCaused) return [what, 'null'];
      const role = exchange?.role;
      const on = role !== undefined && !MAIN_ROLES.has(role) ? slug(role) : crashCause(scenario, exchange);
      return [what, on];
    }
    case 'status_in_expected_set':
    case 'baseline_accepted':
      return [statusKind(v, exchange), v.check === 'baseline_accepted' ? 'baseline' : trigger(scenario)];
    case 'echoes_sent_values':
    case 'read_after_write':
      // echo.ts blames B7 only when the whole body was ignored: what each field then shows is a coincidence.
      if (v.rule === 'B7') return ['body-ignored'];
      // A GET showing a value from elsewhere that did not come back: what it resembled is chance, not the bug.
      if (unconfirmedRead(v)) return ['changed'];
      return [diagnosisPart(v.diagnosisKind)];
    case 'response_matches_schema':
      if (v.title === 'Wrong content type') return ['content-type'];
      if (v.title === 'Response is not JSON') return ['not-json'];
      return ['schema', responsePlace(v.pointer)];
    case 'read_only_fields_unchanged': {
      const field = responsePlace(v.pointer).replace(/^data\./, '');
      // Sent in the body (mass assignment) is one bug whichever field a seed sent; changed by itself, the field's own.
      return sentProperties(scenario).includes(field) ? ['mass-assigned'] : ['changed', field];
    }
    case 'rejection_is_atomic': {
      if (unconfirmedRead(v)) return ['changed'];
      // A value the rejected request did not send came from another write (another lane's, to the wrong
      // customer): a leak seen here, not the rejected request's own partial write.
      const field = responsePlace(v.pointer).replace(/^data\./, '');
      const sent =
        'case' in scenario ? (scenario.case.value as Record<string, unknown> | undefined) : undefined;
      const value = sent !== null && typeof sent === 'object' ? sent[field] : undefined;
      // A backend may store a mistyped value as text (5 as "5"): still the request's own write.
      const own =
        v.got === undefined || (value !== undefined && (value === v.got || String(value) === v.got));
      return own || v.got === null
        ? ['changed', `after-${rejectedFor(scenario)}`]
        : ['changed-by-another-write'];
    }
    case 'spelled_id_not_found':
      return [trigger(scenario), v.title.includes('found a customer') ? 'found' : 'not-404'];
    case 'spelled_id_leaves_customer':
      return [trigger(scenario), slug(v.title).includes('unreadable') ? 'unreadable' : 'changed'];
    case 'other_customer_untouched':
    case 'lane_customers_hold_last_write':
      // The same write to the wrong customer shows after a case or at the end of the run: one finding.
      return [/unreadable/i.test(v.title) ? 'unreadable' : 'other-customer-changed'];
    default:
      return [slug(v.title)];
  }
}

/** The finding of a write that changed another customer (S6), however it was seen. */
const LEAK = 'S6/other-customer-changed@read';

/** The fingerprint of one violation, judged in `scenario` whose requests are `exchanges`. */
export function fingerprintOf(v: Violation, scenario: Scenario, exchanges: readonly Exchange[]): string {
  // A value another customer was sent: one leak, whichever check read it and whatever it resembled there.
  if (v.fromAnotherCustomer !== undefined) return LEAK;
  const exchange = v.exchangeSeq === undefined ? undefined : exchanges.find((e) => e.seq === v.exchangeSeq);
  const op = scenario.kind === 'setup' ? `@${exchange?.spec.op ?? 'create'}` : operation(exchange);
  return `${[findingRule(v), ...parts(v, scenario, exchange)].filter(Boolean).join('/')}${op}`;
}

/** Each violation with its fingerprint set (the judge calls this on every violation it returns). */
export function withFingerprints(
  violations: Violation[],
  scenario: Scenario,
  exchanges: readonly Exchange[],
): Violation[] {
  return violations.map((v) => ({ ...v, fingerprint: fingerprintOf(v, scenario, exchanges) }));
}

/**
 * Each violation of a failing case, marked with whether its finding came back when the case was played again at
 * once, alone (`cameBack`, suites/comes-back.ts), and fingerprinted again. What did not come back was not the case's
 * own doing, or not every time: a value another fixture customer was sent in that field, null included, came from
 * that write (`written`: the leak's finding, S6); see fingerprintOf for what else changes.
 */
export function markedByReplay(
  violations: Violation[],
  cameBack: ReadonlySet<string>,
  scenario: Scenario,
  exchanges: readonly Exchange[],
  written?: WrittenValues,
): Violation[] {
  return violations.map((seen) => {
    // Every one fingerprinted again: one that came back may since be known to be a null's or a body's
    // (cause-probes.ts); one that did not is marked, and perhaps a leak's.
    const unconfirmed = (): Violation => {
      const marked: Violation = { ...seen, cameBack: false };
      return written ? written.attributeUnconfirmed(marked, exchanges) : marked;
    };
    const v = cameBack.has(fingerprintOfViolation(seen)) ? seen : unconfirmed();
    return { ...v, fingerprint: fingerprintOf(v, scenario, exchanges) };
  });
}
