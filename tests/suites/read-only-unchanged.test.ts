/** S3 holds null like any other value: a read-only field that was null stays null, one that had a value keeps it. */
import { describe, expect, it } from 'vitest';
import { loadContract } from '../../contracts/load.ts';
import type { Exchange } from '../../core/exchange.ts';
import type { Violation } from '../../core/failure.ts';
import { readOnlyFieldsUnchanged } from '../../suites/checks/read-only-unchanged.ts';
import type { JudgeContext } from '../../suites/checks/check.ts';
import type { Scenario } from '../../suites/scenarios/scenario.ts';

const contract = loadContract();

const BEFORE: Record<string, unknown> = {
  id: 'cus_1',
  source_system: null,
  source_system_img_url: null,
  source_id: 'sf_98765',
  external_system_provider_id: null,
  external_system_config_id: 'config_1',
  external_system_data: null,
  supporting_data_definition_id: null,
  source_data_created_at: '2024-01-01T12:00:00Z',
  is_primary: false,
  local_was_deleted: false,
  is_active: true,
  email: 'ada@example.com',
  name: 'Ada',
};

const body = JSON.stringify({ email: 'ada@example.com', name: 'Ada' });
const scenario: Scenario = {
  kind: 'update',
  baseline: { email: 'ada@example.com', name: 'Ada' },
  case: {
    outcome: 'MUST-ACCEPT',
    rule: 'S1',
    pointer: '',
    label: 'required only',
    body,
    value: JSON.parse(body),
  },
  auth: 'valid',
};
const ctx: JudgeContext = { contract, semantics: 'merge', initial: { A: BEFORE } };

/** S3's verdict on a PUT answered with the fixture as it was, changed by `change`. */
function judge(change: Record<string, unknown>): Violation[] {
  const exchange: Exchange = {
    seq: 1,
    role: 'update',
    spec: { op: 'update', target: { fixture: 'A' }, auth: 'valid', body },
    request: { method: 'PUT', path: '/unified/customer/cus_1', headers: {}, body },
    response: { status: 200, headers: {}, text: '', json: { data: { ...BEFORE, ...change } } },
    durationMs: 1,
  };
  const trace = { exchanges: [exchange] };
  expect(readOnlyFieldsUnchanged.applies(trace, scenario, ctx)).toBe(true);
  return readOnlyFieldsUnchanged.run(trace, scenario, ctx);
}

describe('S3 read_only_fields_unchanged, with null source metadata', () => {
  it('passes when every field that was null is still null', () => {
    expect(judge({})).toEqual([]);
  });

  it('flags a null that became a value', () => {
    const violations = judge({ source_system: 'api' });
    expect(violations.map((v) => [v.rule, v.pointer, v.got, v.sent])).toEqual([
      ['S3', '/data/source_system', 'api', null],
    ]);
    expect(violations[0]?.expected).toBe('null, as it was before the run');
  });

  it('flags a value that became null, a date-time included', () => {
    const violations = judge({ source_id: null, source_data_created_at: null });
    expect(violations.map((v) => v.pointer)).toEqual(['/data/source_id', '/data/source_data_created_at']);
  });

  it('flags an object where there was null, and an empty string where there was null', () => {
    const violations = judge({ external_system_data: {}, external_system_provider_id: '' });
    expect(violations.map((v) => v.pointer).sort()).toEqual([
      '/data/external_system_data',
      '/data/external_system_provider_id',
    ]);
  });

  it('still compares date-times by instant when both are there', () => {
    expect(judge({ source_data_created_at: '2024-01-01T12:00:00.000Z' })).toEqual([]);
    expect(judge({ source_data_created_at: '2024-01-01T12:00:01Z' })).toHaveLength(1);
  });
});
