/**
 * A valid body refused under application/json with parameters is B7's finding only when plain application/json
 * is accepted: refused as plain JSON too, it is the body's (B3), whichever case a seed put it in.
 */
import { describe, expect, it } from 'vitest';
import type { Exchange, RequestSpec } from '../../core/exchange.ts';
import type { Violation } from '../../core/failure.ts';
import type { ApiClient } from '../../http/api-client.ts';
import { fingerprintOf, markedByReplay } from '../../suites/fingerprint.ts';
import { withRefusalCauses } from '../../suites/refusal-cause.ts';
import type { Scenario } from '../../suites/scenarios/scenario.ts';

/** A backend answering 422 when `refuses` says so, through a fake client that records what it was sent. */
function backend(refuses: (spec: RequestSpec) => boolean) {
  const sent: RequestSpec[] = [];
  const client = {
    alone: <T>(task: () => Promise<T>) => task(),
    send: async (spec: RequestSpec) => {
      sent.push(spec);
      return { response: { status: refuses(spec) ? 422 : 200, headers: {}, text: '' } } as Exchange;
    },
  } as unknown as ApiClient;
  return { client, sent };
}

const body = JSON.stringify({ email: 'a@b.co', name: 'A' });
const refused: Exchange = {
  seq: 2,
  role: 'update',
  spec: {
    op: 'update',
    auth: 'valid',
    body,
    contentType: 'application/json; charset=utf-8',
    target: { fixture: 'A' },
  },
  request: { method: 'PUT', path: '/c/1', headers: {}, body },
  response: { status: 422, headers: {}, text: '' },
  durationMs: 1,
};
const scenario = {
  kind: 'update',
  baseline: {},
  auth: 'valid',
  case: {
    outcome: 'MUST-ACCEPT',
    rule: 'B7',
    pointer: '',
    label: 'valid body sent as application/json; charset=utf-8',
    body,
    value: JSON.parse(body) as unknown,
    contentType: 'application/json; charset=utf-8',
  },
} as Scenario;
const violation: Violation = {
  rule: 'B7',
  check: 'status_in_expected_set',
  title: 'Valid body not accepted',
  received: '422',
  expected: '200',
  exchangeSeq: 2,
};
const seen = { ...violation, fingerprint: fingerprintOf(violation, scenario, [refused]) };

describe('withRefusalCauses', () => {
  it('a body refused as plain application/json too is the body’s refusal (B3), not the content type’s', async () => {
    expect(seen.fingerprint).toBe('B7/refused-4xx/valid-body');
    const { client, sent } = backend(() => true);
    const probed = await withRefusalCauses([seen], new Set([seen.fingerprint]), [refused], client);
    expect(sent.map((s) => [s.contentType, s.body])).toEqual([['application/json', body]]);
    const [marked] = markedByReplay(probed, new Set([seen.fingerprint]), scenario, [refused]);
    expect(marked?.fingerprint).toBe('B3/refused-4xx/valid-body');
  });

  it('stays B7 when plain application/json is accepted, and probes nothing that did not come back', async () => {
    const onParameters = backend((spec) => spec.contentType !== 'application/json');
    const probed = await withRefusalCauses(
      [seen],
      new Set([seen.fingerprint]),
      [refused],
      onParameters.client,
    );
    expect(markedByReplay(probed, new Set([seen.fingerprint]), scenario, [refused])[0]?.fingerprint).toBe(
      'B7/refused-4xx/valid-body',
    );
    const always = backend(() => true);
    const notBack = await withRefusalCauses([seen], new Set(), [refused], always.client);
    expect([notBack[0]?.refusedAsPlainJson, always.sent]).toEqual([undefined, []]);
  });
});
