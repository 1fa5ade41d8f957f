/**
 * A crash on a null is one finding (`R2/5xx/null`) whichever case a seed put the null in: the crashing request is
 * sent again with plain strings for its nulls (suites/crash-cause.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Exchange, RequestSpec } from '../../core/exchange.ts';
import type { Violation } from '../../core/failure.ts';
import type { ApiClient } from '../../http/api-client.ts';
import { withCrashCauses } from '../../suites/crash-cause.ts';
import { fingerprintOf, markedByReplay } from '../../suites/fingerprint.ts';
import type { Scenario } from '../../suites/scenarios/scenario.ts';

/** A backend that crashes on `crashesOn` (a null phone, or an emoji anywhere), answering through a fake client. */
function backend(crashesOn: (body: Record<string, unknown>) => boolean) {
  const sent: string[] = [];
  const client = {
    alone: <T>(task: () => Promise<T>) => task(),
    send: async (spec: RequestSpec) => {
      sent.push(spec.body ?? '');
      const status = crashesOn(JSON.parse(spec.body ?? '{}') as Record<string, unknown>) ? 500 : 200;
      return { response: { status, headers: {}, text: '' } } as Exchange;
    },
  } as unknown as ApiClient;
  return { client, sent };
}

function crashing(body: Record<string, unknown>): Exchange {
  const text = JSON.stringify(body);
  return {
    seq: 2,
    role: 'update',
    spec: { op: 'update', auth: 'valid', body: text, target: { fixture: 'A' } },
    request: { method: 'PUT', path: '/c/1', headers: {}, body: text },
    response: { status: 500, headers: {}, text: '' },
    durationMs: 1,
  };
}

const crash: Violation = {
  rule: 'R2',
  check: 'no_server_error',
  title: 'Server error',
  received: 'status 500',
  expected: 'no 5xx',
  exchangeSeq: 2,
};

const edgeCase = (value: Record<string, unknown>): Scenario =>
  ({
    kind: 'update',
    baseline: {},
    auth: 'valid',
    case: {
      outcome: 'MAY-EITHER',
      rule: 'B4',
      pointer: '/name',
      label: 'name holds U+0000',
      body: JSON.stringify(value),
      value,
    },
  }) as Scenario;

describe('withCrashCauses', () => {
  const nullPhone = { email: 'a@b.co', name: 'A\u0000', phone: null };

  it('a 5xx that goes away with the nulls replaced is the null’s, whatever case carried it', async () => {
    const { client, sent } = backend((body) => body['phone'] === null);
    const exchanges = [crashing(nullPhone)];
    const scenario = edgeCase(nullPhone);
    const seen = { ...crash, fingerprint: fingerprintOf(crash, scenario, exchanges) };
    expect(seen.fingerprint).toBe('R2/5xx/B4-control');
    const probed = await withCrashCauses([seen], new Set([seen.fingerprint]), exchanges, client, false);
    expect(sent).toEqual([JSON.stringify({ email: 'a@b.co', name: 'A\u0000', phone: 'Probe 7' })]);
    const [marked] = markedByReplay(probed, new Set([seen.fingerprint]), scenario, exchanges);
    expect(marked?.fingerprint).toBe('R2/5xx/null');
  });

  it('leaves a crash that stays, one that did not come back, and a case whose class is the null', async () => {
    const onControl = backend((body) => String(body['name']).includes('\u0000'));
    const exchanges = [crashing(nullPhone)];
    const seen = { ...crash, fingerprint: 'R2/5xx/B4-control' };
    const stays = await withCrashCauses(
      [seen],
      new Set([seen.fingerprint]),
      exchanges,
      onControl.client,
      false,
    );
    expect(stays[0]?.nullCaused).toBeUndefined();
    const onNull = backend((body) => body['phone'] === null);
    const notBack = await withCrashCauses([seen], new Set(), exchanges, onNull.client, false);
    const nullCase = await withCrashCauses(
      [seen],
      new Set([seen.fingerprint]),
      exchanges,
      onNull.client,
      true,
    );
    expect([notBack[0]?.nullCaused, nullCase[0]?.nullCaused, onNull.sent]).toEqual([
      undefined,
      undefined,
      [],
    ]);
  });
});
