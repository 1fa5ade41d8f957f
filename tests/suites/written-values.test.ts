/**
 * A value one customer shows that only another fixture customer was sent came from that customer's write (a
 * leak, S6): one finding whichever check read it (suites/written-values.ts, suites/fingerprint.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../core/exchange.ts';
import type { Violation } from '../../core/failure.ts';
import { fingerprintOf, markedByReplay } from '../../suites/fingerprint.ts';
import type { Scenario } from '../../suites/scenarios/scenario.ts';
import { WrittenValues } from '../../suites/written-values.ts';

const A = '/unified/customer/cus_1';
const B = '/unified/customer/cus_2';
const C = '/unified/customer/cus_3';

function put(seq: number, path: string, body: Record<string, unknown>, role = 'update'): Exchange {
  const text = JSON.stringify(body);
  return {
    seq,
    role,
    spec: { op: 'update', auth: 'valid', body: text },
    request: { method: 'PUT', path, headers: {}, body: text },
    response: { status: 200, headers: {}, text: '' },
    durationMs: 1,
  };
}

function get(seq: number, path: string, data: Record<string, unknown> = {}): Exchange {
  const text = JSON.stringify({ data });
  return {
    seq,
    role: 'readback',
    spec: { op: 'read', auth: 'valid' },
    request: { method: 'GET', path, headers: {} },
    response: { status: 200, headers: {}, text, json: { data } },
    durationMs: 1,
  };
}

/** A check's violation about what `path` showed in `phone` (what S4, A1, S2 and others write). */
const shows = (check: string, rule: Violation['rule'], got: unknown, seq: number): Violation => ({
  rule,
  check,
  title: 'changed',
  received: `data.phone = ${JSON.stringify(got)}`,
  expected: 'as written',
  pointer: '/data/phone',
  got,
  exchangeSeq: seq,
});

const scenario = {
  kind: 'update',
  baseline: {},
  auth: 'valid',
  case: { outcome: 'MUST-ACCEPT', rule: 'B3', pointer: '', label: 'valid body', body: '{}', value: {} },
} as Scenario;

function registry(): WrittenValues {
  const written = new WrittenValues();
  written.addCustomer([A], { phone: 'initial A' });
  written.addCustomer([B], { phone: 'initial B' });
  written.addCustomer([C]);
  return written;
}

describe('WrittenValues', () => {
  it('names the customer a value came from, and every check that read it reports one leak', () => {
    const written = registry();
    written.record(B, JSON.stringify({ phone: 'only sent to B 7f3k' }));
    const own = [put(1, A, { phone: 'sent to A' }), get(2, A)];
    const seen = [
      shows('read_after_write', 'S4', 'only sent to B 7f3k', 2),
      shows('rejection_is_atomic', 'A1', 'only sent to B 7f3k', 2),
      shows('spelled_id_leaves_customer', 'A1', 'only sent to B 7f3k', 2),
      shows('omitted_fields_follow_semantics', 'S2', 'only sent to B 7f3k', 2),
    ];
    const attributed = written.attribute(seen, own);
    expect(attributed.map((v) => v.fromAnotherCustomer)).toEqual([B, B, B, B]);
    expect(new Set(attributed.map((v) => fingerprintOf(v, scenario, own)))).toEqual(
      new Set(['S6/other-customer-changed@read']),
    );
  });

  it('leaves alone what this customer was ever sent, null, and what the case itself sent elsewhere', () => {
    const written = registry();
    written.record(B, JSON.stringify({ phone: 'sent to both', name: 'B name' }));
    written.record(A, JSON.stringify({ phone: 'sent to both' }));
    written.record(B, JSON.stringify({ phone: null }));
    // The case's own PUT to another spelling of A's id: a backend folding the spelling writes A (A1, not S6).
    written.record(`${A}.`, JSON.stringify({ phone: 'sent to a spelling' }));
    written.record(B, JSON.stringify({ phone: 'sent to a spelling' }));
    const own = [put(1, `${A}.`, { phone: 'sent to a spelling' }, 'spelled'), get(2, A)];
    const seen = [
      shows('read_after_write', 'S4', 'sent to both', 2),
      shows('read_after_write', 'S4', 'initial A', 2),
      shows('read_after_write', 'S4', null, 2),
      shows('spelled_id_leaves_customer', 'A1', 'sent to a spelling', 2),
      // Sent to B only, but in another field: a value of another field, not this one's leak.
      shows('read_after_write', 'S4', 'B name', 2),
    ];
    expect(written.attribute(seen, own).map((v) => v.fromAnotherCustomer)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('leaves a value the diagnosis explains as this customer’s own, transformed, though another was sent it', () => {
    const written = registry();
    written.record(A, JSON.stringify({ name: 'Zoe\u0301' }));
    written.record(B, JSON.stringify({ name: 'Zoé' }));
    const own = [put(1, A, { name: 'Zoe\u0301' }), get(2, A)];
    const normalized: Violation = {
      ...shows('echoes_sent_values', 'S1', 'Zoé', 2),
      pointer: '/data/name',
      diagnosisKind: { kind: 'normalized', form: 'NFC' },
    };
    const unexplained: Violation = { ...normalized, diagnosisKind: { kind: 'changed' } };
    expect(written.attribute([normalized, unexplained], own).map((v) => v.fromAnotherCustomer)).toEqual([
      undefined,
      B,
    ]);
  });

  it('knows a customer by each path that addresses it, and a value by the customer its request went to', () => {
    const written = new WrittenValues();
    written.addCustomer(['/c/1', '/c/1/edit']);
    written.addCustomer(['/c/2', '/c/2/edit']);
    written.record('/c/2/edit', JSON.stringify({ phone: 'written through the update path' }));
    written.record('/c/1/edit', JSON.stringify({ phone: 'A’s own' }));
    expect(written.cameFrom('/c/1', 'phone', 'written through the update path', [])).toBe('/c/2');
    expect(written.cameFrom('/c/1', 'phone', 'A’s own', [])).toBeUndefined();
    // A path that is no fixture customer's (an unknown id) is never blamed: nothing says which customer it is.
    written.record('/c/unknown', JSON.stringify({ phone: 'sent to an unknown id' }));
    expect(written.cameFrom('/c/1', 'phone', 'sent to an unknown id', [])).toBeUndefined();
  });

  it('blames null on another customer only when the failure did not come back alone and another was sent it', () => {
    const written = registry();
    written.record(B, JSON.stringify({ phone: null }));
    const own = [get(1, A, { phone: 'sent to A' }), put(2, A, { name: 'phone omitted' }), get(3, A)];
    const omitted = { ...shows('omitted_fields_follow_semantics', 'S2', null, 2), fingerprint: 'S2/changed' };
    const nulled: Violation = {
      ...shows('read_after_write', 'S4', null, 3),
      diagnosisKind: { kind: 'null' },
      fingerprint: 'S4/null@read',
    };
    const notBack = markedByReplay([omitted, nulled], new Set(), scenario, own, written);
    expect(notBack.map((v) => [v.fingerprint, v.fromAnotherCustomer])).toEqual([
      ['S6/other-customer-changed@read', B],
      ['S6/other-customer-changed@read', B],
    ]);
    // Came back alone: the case's own doing (a backend clearing omitted fields), whatever another customer was sent.
    const back = markedByReplay(
      [omitted, nulled],
      new Set(['S2/changed', 'S4/null@read']),
      scenario,
      own,
      written,
    );
    expect(back.map((v) => v.fingerprint)).toEqual(['S2/changed', 'S4/null@read']);
    // A value the case saw there before (a stale read of the customer's own earlier value) is not a leak.
    const earlier = [get(1, A, { phone: null }), put(2, A, { phone: 'new' }), get(3, A)];
    const stale = {
      ...shows('read_after_write', 'S4', null, 3),
      diagnosisKind: { kind: 'old-value-kept' as const },
    };
    expect(markedByReplay([stale], new Set(), scenario, earlier, written)[0]?.fingerprint).toBe(
      'S4/changed@read',
    );
    // Nobody else was sent this value: no leak to blame.
    const unexplained = {
      ...shows('omitted_fields_follow_semantics', 'S2', 'x', 2),
      fingerprint: 'S2/changed',
    };
    expect(markedByReplay([unexplained], new Set(), scenario, own, written)[0]?.fingerprint).toBe(
      'S2/changed',
    );
  });
});
