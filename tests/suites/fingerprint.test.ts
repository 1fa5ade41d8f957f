/**
 * A finding's identity (suites/fingerprint.ts): the same bug gets the same fingerprint whatever value, field,
 * id or case showed it; two bugs a developer fixes separately get different ones.
 */
import { describe, expect, it } from 'vitest';
import type { Exchange, Operation } from '../../core/exchange.ts';
import type { Violation } from '../../core/failure.ts';
import { diagnose, diagnosed } from '../../suites/diagnose.ts';
import { fingerprintOf, markedByReplay } from '../../suites/fingerprint.ts';
import type { Scenario } from '../../suites/scenarios/scenario.ts';

function update(
  rule: string,
  label: string,
  value: unknown,
  outcome = 'MAY-EITHER',
  auth = 'valid',
): Scenario {
  return {
    kind: 'update',
    baseline: {},
    auth,
    case: { outcome, rule, pointer: '', label, body: JSON.stringify(value), value },
  } as Scenario;
}

function exchange(seq: number, op: Operation, body: unknown, status: number, role = 'update'): Exchange {
  return {
    seq,
    role,
    spec: { op, auth: 'valid', ...(body === undefined ? {} : { body: JSON.stringify(body) }) },
    request: { method: op === 'read' ? 'GET' : op === 'create' ? 'POST' : 'PUT', path: '/x', headers: {} },
    response: { status, headers: {}, text: '' },
    durationMs: 1,
  };
}

const echo = (rule: string, field: string, sent: string, got: string): Violation => ({
  rule: rule as Violation['rule'],
  check: 'echoes_sent_values',
  title: 'Sent value not echoed',
  received: `data.${field} = ${JSON.stringify(got)}`,
  expected: 'as sent',
  pointer: `/data/${field}`,
  ...diagnosed(diagnose(sent, got)),
  exchangeSeq: 2,
});

const crash = (seq: number): Violation => ({
  rule: 'R2',
  check: 'no_server_error',
  title: 'Server error',
  received: 'status 500',
  expected: 'no 5xx',
  exchangeSeq: seq,
});

const valid = update('B3', 'valid body', { email: 'a@b.co', name: 'A' }, 'MUST-ACCEPT');

describe('fingerprintOf', () => {
  it('one finding for one bug, whichever field, value and suite showed it', () => {
    const onPhone = fingerprintOf(echo('S1', 'phone', '  0123 ', '0123'), valid, []);
    const onLine2 = fingerprintOf(
      echo('B4', 'address_line2', ' x'.repeat(200), ' x'.repeat(200).trim()),
      update('B4', 'address_line2 is longer than 255', {}),
      [],
    );
    const leadingOnly = fingerprintOf(echo('S1', 'name', '   Ada', 'Ada'), valid, []);
    expect(onPhone).toBe('S1/trimmed');
    expect(onLine2).toBe('S1/trimmed');
    expect(leadingOnly).toBe('S1/trimmed');
    // A VARCHAR(50) is one finding whatever length was sent; another column size is another finding.
    const cut50 = fingerprintOf(echo('S1', 'name', 'n'.repeat(80), 'n'.repeat(50)), valid, []);
    expect(cut50).toBe(fingerprintOf(echo('S1', 'name', 'm'.repeat(200), 'm'.repeat(50)), valid, []));
    expect(cut50).not.toBe(fingerprintOf(echo('B4', 'name', 'm'.repeat(300), 'm'.repeat(255)), valid, []));
  });

  it('two bugs, two findings: trimming against case-folding, NFC against NFD', () => {
    const trimmed = fingerprintOf(echo('S1', 'name', ' Ada ', 'Ada'), valid, []);
    const folded = fingerprintOf(echo('S1', 'email', 'Ada@X.io', 'ada@x.io'), valid, []);
    const nfc = fingerprintOf(echo('S1', 'name', 'e\u0301', '\u00e9'), valid, []);
    const nfd = fingerprintOf(echo('S1', 'name', '\u00e9', 'e\u0301'), valid, []);
    expect(new Set([trimmed, folded, nfc, nfd]).size).toBe(4);
    expect([folded, nfc, nfd]).toEqual(['S1/case-folded', 'S1/normalized-nfc', 'S1/normalized-nfd']);
  });

  it('a 500 on U+0000 is not a 500 on an over-long string, nor on an emoji in the valid part of an edge case', () => {
    const nul = { email: 'a@b.co', name: 'A\u0000' };
    const long = { email: 'a@b.co', name: 'x'.repeat(300) };
    const emojiInEdge = { email: 'a@b.co', name: 'A\u0000', phone: '😀' };
    const onNul = fingerprintOf(crash(2), update('B4', 'name holds U+0000', nul), [
      exchange(2, 'update', nul, 500),
    ]);
    const onLong = fingerprintOf(crash(2), update('B4', 'name is longer than 255', long), [
      exchange(2, 'update', long, 500),
    ]);
    const onEmoji = fingerprintOf(crash(2), update('B4', 'name holds U+0000', emojiInEdge), [
      exchange(2, 'update', emojiInEdge, 500),
    ]);
    expect(onNul).toBe('R2/5xx/B4-control');
    expect(onLong).toBe('R2/5xx/B4-long');
    expect(onEmoji).toBe('R2/5xx/astral');
    const emojiInValid = { email: 'a@b.co', name: 'Zoë 😀' };
    expect(fingerprintOf(crash(2), valid, [exchange(2, 'update', emojiInValid, 500)])).toBe('R2/5xx/astral');
  });

  it('a 5xx that did not come back when its case was played again alone is intermittent, whatever it carried', () => {
    const emoji = [exchange(2, 'update', { email: 'a@b.co', name: 'Zoë 😀' }, 500)];
    const baseline = [exchange(2, 'update', { email: 'a@b.co', name: 'Zoë' }, 500, 'baseline')];
    expect(markedByReplay([crash(2)], new Set(), valid, emoji)[0]?.fingerprint).toBe('R2/5xx/intermittent');
    expect(markedByReplay([crash(2)], new Set(), valid, baseline)[0]?.fingerprint).toBe(
      'R2/5xx/intermittent',
    );
    // One that came back keeps its cause.
    const seen = { ...crash(2), fingerprint: fingerprintOf(crash(2), valid, emoji) };
    expect(markedByReplay([seen], new Set(['R2/5xx/astral']), valid, emoji)[0]?.fingerprint).toBe(
      'R2/5xx/astral',
    );
  });

  it('a rule broken on create is not the same finding as on PUT', () => {
    const setup = { kind: 'setup', of: 'A', body: '{}' } as Scenario;
    const shape: Violation = {
      rule: 'R1',
      check: 'response_matches_schema',
      title: 'Response does not match the schema',
      received: '/data/is_primary must be boolean',
      expected: 'valid',
      pointer: '/data/is_primary',
      exchangeSeq: 1,
    };
    const onCreate = fingerprintOf(shape, setup, [exchange(1, 'create', {}, 201, 'create-A')]);
    const onPut = fingerprintOf(shape, valid, [exchange(1, 'update', {}, 200)]);
    expect(onCreate).toBe('R1/schema/data.is_primary@create');
    expect(onPut).toBe('R1/schema/data.is_primary');
  });

  it('a wrong credential accepted names the credential, not the token or the body', () => {
    const accepted: Violation = {
      rule: 'A2',
      check: 'status_in_expected_set',
      title: 'Request not rejected as it must be',
      received: 'status 200',
      expected: '401',
      exchangeSeq: 2,
    };
    const scenario = update('B3', 'valid body', {}, 'MUST-ACCEPT', 'wrong-token');
    expect(fingerprintOf(accepted, scenario, [exchange(2, 'update', {}, 200)])).toBe(
      'A2/accepted/auth-wrong-token',
    );
    const none = update('B3', 'valid body', {}, 'MUST-ACCEPT', 'none');
    expect(fingerprintOf(accepted, none, [exchange(2, 'update', {}, 200)])).toBe('A2/accepted/auth-none');
  });

  it('an id spelling names its class: a case-insensitive collation is not a PAD SPACE one', () => {
    const found: Violation = {
      rule: 'I1',
      check: 'spelled_id_not_found',
      title: 'Another spelling of an id found a customer',
      received: 'GET answered 200',
      expected: '404',
      exchangeSeq: 3,
    };
    const spelled = (spelling: string, id: string) =>
      fingerprintOf(found, { kind: 'id-spelling', on: 'A', spelling, id, case: {} } as unknown as Scenario, [
        exchange(3, 'read', undefined, 200, 'spelled-read'),
      ]);
    expect(spelled('case-flipped', 'ABC')).toBe(spelled('one-letter-case-flipped', 'aBc'));
    expect(spelled('case-flipped', 'ABC')).toBe('I1/spelling-case/found@read');
    expect(spelled('trailing-space', 'abc ')).toBe('I1/spelling-space/found@read');
  });

  it('an S4 diagnosis the replay did not confirm is no part of the identity: a leaked value resembles by chance', () => {
    const read = (sent: unknown, got: unknown): Violation => ({
      rule: 'S4',
      check: 'read_after_write',
      title: 'GET after PUT returns another value',
      received: `GET data.phone = ${JSON.stringify(got)}`,
      expected: 'as the PUT answered',
      pointer: '/data/phone',
      ...diagnosed(diagnose(sent, got)),
      exchangeSeq: 3,
    });
    const shown = [exchange(2, 'update', {}, 200), exchange(3, 'read', undefined, 200, 'readback')];
    const emptied = read('0123', '');
    const appended = read('01', '0123');
    const trimmed = read(' 0123 ', '0123');
    expect([emptied, appended, trimmed].map((v) => fingerprintOf(v, valid, shown))).toEqual([
      'S4/emptied@read',
      'S4/characters-appended@read',
      'S4/trimmed@read',
    ]);
    const unconfirmed = markedByReplay([emptied, appended, trimmed], new Set(), valid, shown);
    expect(unconfirmed.map((v) => v.fingerprint)).toEqual([
      'S4/changed@read',
      'S4/changed@read',
      'S4/changed@read',
    ]);
    // The text still says what was seen; other checks' violations keep their fingerprints.
    expect(unconfirmed[0]?.diagnosis).toBe(emptied.diagnosis);
    const echoed = echo('S1', 'name', ' Ada ', 'Ada');
    expect(markedByReplay([echoed], new Set(), valid, shown)[0]?.fingerprint).toBe(
      fingerprintOf(echoed, valid, shown),
    );
    // Each finding is confirmed on its own: the one that came back keeps its kind, the others do not.
    const withFingerprint = (v: Violation) => ({ ...v, fingerprint: fingerprintOf(v, valid, shown) });
    const partly = markedByReplay(
      [emptied, trimmed].map(withFingerprint),
      new Set(['S4/trimmed@read']),
      valid,
      shown,
    );
    expect(partly.map((v) => v.fingerprint)).toEqual(['S4/changed@read', 'S4/trimmed@read']);
  });

  it('a swapped column is S1’s in any case; a look-alike property’s value stored in the field stays B6’s', () => {
    const other = (rule: string): Violation => ({
      ...echo(rule, 'name', 'Ada', 'Grace'),
      diagnosisKind: { kind: 'value-of-another-field' },
    });
    const shown = [exchange(2, 'update', {}, 200)];
    expect(fingerprintOf(other('B4'), valid, shown)).toBe('S1/value-of-another-field');
    expect(fingerprintOf(other('S1'), valid, shown)).toBe('S1/value-of-another-field');
    expect(fingerprintOf(other('B6'), valid, shown)).toBe('B6/value-of-another-field');
    // Nor the whole body ignored (B7), whatever its fields' values resemble.
    expect(fingerprintOf({ ...other('B7'), diagnosisKind: { kind: 'trimmed' } }, valid, shown)).toBe(
      'B7/body-ignored',
    );
  });

  it('a change after a rejected request that did not come back alone is a read’s, whatever it showed', () => {
    // A replica one write behind shows, after a 401, whatever came before the set-up PUT: null or another value.
    const changed = (got: unknown): Violation => ({
      rule: 'A1',
      check: 'rejection_is_atomic',
      title: 'Rejected request changed the customer',
      received: `after a 401, data.phone = ${JSON.stringify(got)}`,
      expected: '"0123", as before the request',
      pointer: '/data/phone',
      sent: '0123',
      got,
      exchangeSeq: 3,
    });
    const noToken = update('B3', 'valid body', { phone: '0999' }, 'MUST-ACCEPT', 'none');
    const shown = [exchange(2, 'update', {}, 401), exchange(3, 'read', undefined, 200, 'readback')];
    const seen = [changed(null), changed('0456')];
    expect(seen.map((v) => fingerprintOf(v, noToken, shown))).toEqual([
      'A1/changed/after-auth@read',
      'A1/changed-by-another-write@read',
    ]);
    expect(markedByReplay(seen, new Set(), noToken, shown).map((v) => v.fingerprint)).toEqual([
      'S4/changed@read',
      'S4/changed@read',
    ]);
    // One that came back is the rejected request's own write.
    const back = seen.map((v) => ({ ...v, fingerprint: fingerprintOf(v, noToken, shown) }));
    expect(
      markedByReplay(back, new Set(['A1/changed/after-auth@read']), noToken, shown)[0]?.fingerprint,
    ).toBe('A1/changed/after-auth@read');
  });
});
