/**
 * A failure that came back is probed for its cause (suites/cause-probes.ts), so that what a seed's case happened to
 * carry does not rename the bug: a crash on a null is `R2/5xx/null` whichever case carried the null, and a valid
 * body refused for itself is `B3/refused-4xx/valid-body` (or B2's, for its null) whichever case carried it.
 */
import { describe, expect, it } from 'vitest';
import type { Exchange, RequestSpec } from '../../core/exchange.ts';
import type { Violation } from '../../core/failure.ts';
import type { ApiClient } from '../../http/api-client.ts';
import { withCauses } from '../../suites/cause-probes.ts';
import { fingerprintOf, markedByReplay } from '../../suites/fingerprint.ts';
import type { Scenario } from '../../suites/scenarios/scenario.ts';

/** A backend answering `status(spec)` through a fake client that records what it was sent. */
function backend(status: (spec: RequestSpec, body: Record<string, unknown>) => number) {
  const sent: RequestSpec[] = [];
  const client = {
    alone: <T>(task: () => Promise<T>) => task(),
    send: async (spec: RequestSpec) => {
      sent.push(spec);
      const body = JSON.parse(spec.body ?? '{}') as Record<string, unknown>;
      return { response: { status: status(spec, body), headers: {}, text: '' } } as Exchange;
    },
  } as unknown as ApiClient;
  return { client, sent };
}

function exchange(
  seq: number,
  role: string,
  body: Record<string, unknown>,
  status: number,
  spec: Partial<RequestSpec> = {},
): Exchange {
  const text = JSON.stringify(body);
  return {
    seq,
    role,
    spec: { op: 'update', auth: 'valid', body: text, target: { fixture: 'A' }, ...spec },
    request: { method: 'PUT', path: '/c/1', headers: {}, body: text },
    response: { status, headers: {}, text: '' },
    durationMs: 1,
  };
}

type UpdateScenario = Extract<Scenario, { kind: 'update' }>;
const updateCase = (
  rule: string,
  label: string,
  value: Record<string, unknown>,
  extra = {},
): UpdateScenario =>
  ({
    kind: 'update',
    baseline: {},
    auth: 'valid',
    case: {
      outcome: rule === 'B4' ? 'MAY-EITHER' : 'MUST-ACCEPT',
      rule,
      pointer: '',
      label,
      body: '',
      value,
      ...extra,
    },
  }) as UpdateScenario;

/** Fingerprinted as first seen, probed, then fingerprinted again as run-check.ts does. */
async function probed(
  v: Violation,
  scenario: Scenario,
  exchanges: Exchange[],
  client: ApiClient,
  cameBack = true,
  nullIsTheCase = false,
): Promise<{ before: string; after: Violation }> {
  const before = fingerprintOf(v, scenario, exchanges);
  const seen = { ...v, fingerprint: before };
  const back = new Set(cameBack ? [before] : []);
  const marked = await withCauses([seen], back, exchanges, client, nullIsTheCase);
  return { before, after: markedByReplay(marked, back, scenario, exchanges)[0] as Violation };
}

const crash: Violation = {
  rule: 'R2',
  check: 'no_server_error',
  title: 'Server error',
  received: 'status 500',
  expected: 'no 5xx',
  exchangeSeq: 2,
};

describe('a crash', () => {
  const nullPhone = { email: 'a@b.co', name: 'A\u0000', phone: null };
  const scenario = updateCase('B4', 'name holds U+0000', nullPhone, { pointer: '/name' });

  it('that goes away with the nulls replaced is the null’s, whatever case carried it', async () => {
    const { client, sent } = backend((_, body) => (body['phone'] === null ? 500 : 200));
    const { before, after } = await probed(crash, scenario, [exchange(2, 'update', nullPhone, 500)], client);
    expect(before).toBe('R2/5xx/B4-control');
    expect(sent.map((s) => s.body)).toEqual([JSON.stringify({ ...nullPhone, phone: 'Probe 7' })]);
    expect(after.fingerprint).toBe('R2/5xx/null');
  });

  it('stays as it was when it stays, did not come back, or its case’s class is the null', async () => {
    const exchanges = [exchange(2, 'update', nullPhone, 500)];
    const onControl = backend((_, body) => (String(body['name']).includes('\u0000') ? 500 : 200));
    expect((await probed(crash, scenario, exchanges, onControl.client)).after.fingerprint).toBe(
      'R2/5xx/B4-control',
    );
    const onNull = backend((_, body) => (body['phone'] === null ? 500 : 200));
    const notBack = await probed(crash, scenario, exchanges, onNull.client, false);
    const nullCase = await probed(crash, scenario, exchanges, onNull.client, true, true);
    expect([notBack.after.nullCaused, nullCase.after.nullCaused, onNull.sent]).toEqual([
      undefined,
      undefined,
      [],
    ]);
  });
});

const refusal = (rule: Violation['rule'], seq = 2): Violation => ({
  rule,
  check: 'status_in_expected_set',
  title: 'Valid body not accepted',
  received: 'status 422',
  expected: '200',
  exchangeSeq: seq,
});

describe('a valid body refused', () => {
  const long = { email: 'a@b.co', name: 'A'.repeat(255), phone: null };
  const refuses255 = (_: RequestSpec, body: Record<string, unknown>) =>
    Object.values(body).some((v) => typeof v === 'string' && v.length >= 255) ? 422 : 200;
  const refusesNull = (_: RequestSpec, body: Record<string, unknown>) =>
    Object.values(body).includes(null) ? 422 : 200;

  it('for itself is B3’s, even in a body holding a null, with the null replaced by a value its field accepts', async () => {
    const withEmailNull = { ...long, email: null };
    const { client, sent } = backend(refuses255);
    const scenario = updateCase('B2', 'valid body with email null', withEmailNull);
    const { before, after } = await probed(
      refusal('B2'),
      scenario,
      [exchange(2, 'update', withEmailNull, 422, { contentType: 'application/json' })],
      client,
    );
    expect(before).toBe('B2/refused-4xx/valid-body-with-null');
    // Already plain JSON with the valid credential: only the nulls are replaced.
    expect(sent.map((s) => JSON.parse(s.body ?? '') as unknown)).toEqual([
      { ...withEmailNull, email: 'probe7@example.com', phone: 'Probe 7' },
    ]);
    expect([after.refusedFor, after.fingerprint]).toEqual(['body', 'B3/refused-4xx/valid-body']);
  });

  it('for its null is B2’s, whichever case carried it (a repeat here)', async () => {
    const { client } = backend(refusesNull);
    const scenario = {
      kind: 'repeat',
      baseline: {},
      case: updateCase('B2', 'x', long).case,
    } as unknown as Scenario;
    const first = exchange(2, 'first', long, 422, { contentType: 'application/json' });
    const second = exchange(3, 'second', long, 422, { contentType: 'application/json' });
    const v2 = refusal('B2', 2);
    const v3 = refusal('B2', 3);
    expect(fingerprintOf(v2, scenario, [first, second])).toBe('B2/refused-4xx/repeat');
    const back = new Set(['B2/refused-4xx/repeat']);
    const seen = [v2, v3].map((v) => ({ ...v, fingerprint: 'B2/refused-4xx/repeat' }));
    const marked = await withCauses(seen, back, [first, second], client, false);
    // The second PUT, refused with the same body as the first, takes the first's cause.
    expect(markedByReplay(marked, back, scenario, [first, second]).map((v) => v.fingerprint)).toEqual([
      'B2/refused-4xx/valid-body-with-null',
      'B2/refused-4xx/valid-body-with-null',
    ]);
  });

  it('under a content type or in a burst is the case’s own when its body alone, as plain JSON, is accepted', async () => {
    const plain = { email: 'a@b.co', name: 'Ada' };
    const b7 = updateCase('B7', 'valid body sent as application/json; charset=utf-8', plain);
    const onParameters = backend((spec) => (spec.contentType === 'application/json' ? 200 : 422));
    const viaCharset = exchange(2, 'update', plain, 422, { contentType: 'application/json; charset=utf-8' });
    const kept = await probed(refusal('B7'), b7, [viaCharset], onParameters.client);
    expect([kept.before, kept.after.fingerprint]).toEqual([
      'B7/refused-4xx/valid-body',
      'B7/refused-4xx/valid-body',
    ]);
    expect(onParameters.sent.map((s) => [s.contentType, s.auth])).toEqual([['application/json', 'valid']]);
    // The same request refused as plain JSON too: the body's.
    const always = backend(() => 422);
    expect((await probed(refusal('B7'), b7, [viaCharset], always.client)).after.fingerprint).toBe(
      'B3/refused-4xx/valid-body',
    );
    // A burst's PUT refused under concurrency only stays S7's.
    const burst = { kind: 'burst', baseline: {}, bodies: [plain] } as unknown as Scenario;
    const inBurst = exchange(4, 'burst', plain, 409, { contentType: 'application/json' });
    const concurrent: Violation = {
      rule: 'S7',
      check: 'burst_leaves_one_body',
      title: 'Concurrent PUT refused',
      received: 'status 409',
      expected: '200',
      exchangeSeq: 4,
    };
    const accepting = backend(() => 200);
    const s7 = await probed(concurrent, burst, [inBurst], accepting.client);
    expect([s7.before, s7.after.fingerprint]).toEqual([
      'S7/concurrent-put-refused',
      'S7/concurrent-put-refused',
    ]);
    const refusing = backend(() => 409);
    expect((await probed(concurrent, burst, [inBurst], refusing.client)).after.fingerprint).toBe(
      'B3/refused-4xx/valid-body',
    );
  });

  it('is not probed when it did not come back, nor on the second of two PUTs when the first was accepted', async () => {
    const { client, sent } = backend(() => 422);
    const b3 = updateCase('B3', 'valid body', long);
    const notBack = await probed(refusal('B3'), b3, [exchange(2, 'update', long, 422)], client, false);
    const repeat = { kind: 'repeat', baseline: {}, case: b3.case } as unknown as Scenario;
    const second = await probed(
      refusal('B3', 3),
      repeat,
      [exchange(2, 'first', long, 200), exchange(3, 'second', long, 422)],
      client,
    );
    expect([notBack.after.refusedFor, second.after.refusedFor, second.after.fingerprint, sent]).toEqual([
      undefined,
      undefined,
      'B3/refused-4xx/repeat',
      [],
    ]);
  });
});
