/**
 * A state violation names the request after which the changed value is first seen (S3, A1, S4, S6), and the
 * reports use it: the summary line, the failure block, the curl line and report.html. Traces are made by
 * playing scenarios against broken variants, judged by the registered checks.
 */
import { describe, expect, it } from 'vitest';
import { serve } from '../../backend/http-server.ts';
import type { ReferenceOptions } from '../../backend/reference-backend.ts';
import type { Handler } from '../../backend/types.ts';
import { findVariant } from '../../backend/variants/catalogue.ts';
import { loadContract } from '../../contracts/load.ts';
import { testClient } from '../support/test-client.ts';
import type { Counterexample } from '../../core/failure.ts';
import { formatSummary } from '../../reporting/console-summary.ts';
import { formatFailure } from '../../reporting/format-failure.ts';
import { toHtml } from '../../reporting/html.ts';
import { createFixtures } from '../../runner/fixtures.ts';
import { judge } from '../../suites/judge.ts';
import { play } from '../../suites/scenarios/play.ts';
import type { UpdateScenario } from '../../suites/scenarios/scenario.ts';
import { makeResult } from '../reporting/fixtures.ts';

const contract = loadContract();
const TOKEN = 'tok-changed-after-test';

const BASELINE = Object.fromEntries(contract.fields.updatable.map((f) => [f, `${f} baseline`]));
BASELINE['email'] = 'baseline@example.com';

function scenario(auth: UpdateScenario['auth'], body: Record<string, unknown>): UpdateScenario {
  const valid = auth === 'valid';
  return {
    kind: 'update',
    baseline: BASELINE,
    auth,
    case: {
      outcome: valid ? 'MUST-ACCEPT' : 'MUST-REJECT',
      rule: valid ? 'B3' : 'A2',
      pointer: '',
      label: 'a test case',
      body: JSON.stringify(body),
      value: body,
    },
  };
}

async function judged(build: (options: ReferenceOptions) => Handler, s: UpdateScenario) {
  const server = await serve(build({ contract, token: TOKEN }), 0);
  try {
    const base = testClient(server.origin, TOKEN, contract);
    const fixtures = await createFixtures(base, contract, 1);
    const trace = await play(s, base.withFixtures(fixtures.ids));
    const { violations } = judge(trace, s, { contract, semantics: 'merge', initial: fixtures.initial });
    return { trace, violations };
  } finally {
    await server.close();
  }
}

const build = (id: string) => {
  const variant = findVariant(id);
  if (!variant) throw new Error(`no variant ${id}`);
  return variant.build;
};

const roleOf = (trace: { exchanges: { seq: number; role: string }[] }, seq: number | undefined) =>
  trace.exchanges.find((e) => e.seq === seq)?.role;

describe('the request a state violation names', () => {
  it('S3: the baseline PUT that rewrote a read-only field, not the 401 after it', async () => {
    const { trace, violations } = await judged(
      build('is-active-flips'),
      scenario('wrong-token', { email: 'a@a.co', name: 'a' }),
    );
    const s3 = violations.filter((v) => v.rule === 'S3');
    expect(s3.map((v) => v.pointer)).toEqual(['/data/is_active']);
    expect(roleOf(trace, s3[0]?.exchangeSeq)).toBe('baseline');
    expect(roleOf(trace, s3[0]?.changedAfterSeq)).toBe('baseline');
  });

  it('S3: the case PUT whose body carried a mass-assigned value', async () => {
    const { trace, violations } = await judged(
      build('source-system-from-body'),
      scenario('valid', { email: 'a@a.co', name: 'a', source_system: 'evil' }),
    );
    const s3 = violations.find((v) => v.rule === 'S3');
    expect(roleOf(trace, s3?.changedAfterSeq)).toBe('update');
  });

  it('A1: the rejected request, seen changed in the read-back after it', async () => {
    const { trace, violations } = await judged(
      build('writes-despite-401'),
      scenario('wrong-token', { email: 'a@a.co', name: 'written anyway' }),
    );
    const a1 = violations.find((v) => v.rule === 'A1');
    expect(roleOf(trace, a1?.exchangeSeq)).toBe('readback');
    expect(roleOf(trace, a1?.changedAfterSeq)).toBe('update');
  });

  it('S6: the write whose body carries the leaked value, between the two reads of the other customer', async () => {
    const { trace, violations } = await judged(
      build('leaks-name-to-next-customer'),
      scenario('wrong-token', { email: 'a@a.co', name: 'refused' }),
    );
    const s6 = violations.find((v) => v.rule === 'S6');
    expect(s6?.got).toBe(BASELINE['name']);
    expect(roleOf(trace, s6?.exchangeSeq)).toBe('other');
    expect(roleOf(trace, s6?.changedAfterSeq)).toBe('baseline');
  });

  it('is what the summary line, the failure block, the curl line and report.html name', async () => {
    const s = scenario('wrong-token', { email: 'a@a.co', name: 'a' });
    const { trace, violations } = await judged(build('is-active-flips'), s);
    const failure: Counterexample = {
      checkId: 'auth-updates',
      rule: 'S3',
      outcome: 'MUST-REJECT',
      violations: violations.filter((v) => v.rule === 'S3'),
      scenario: s,
      exchanges: trace.exchanges,
      seed: 1,
      numRuns: 1,
      numShrinks: 0,
      putSemantics: 'merge',
    };
    const baseline = trace.exchanges.find((e) => e.role === 'baseline');
    const named = `request #${baseline?.seq} (baseline PUT)`;
    const result = makeResult([
      {
        id: 'auth-updates',
        title: 'auth',
        suite: 'auth',
        rules: ['S3'],
        cases: { S3: 1 },
        failures: [failure],
        durationMs: 1,
      },
    ]);
    const line = formatSummary(result)
      .split('\n')
      .find((l) => l.startsWith('    x S3'));
    expect(line).toContain(`changed after ${named}; body {"email":"baseline@example.com"`);
    const block = formatFailure(failure, { baseUrl: 'http://127.0.0.1:1/api/v1' });
    expect(block).toContain(`Changed after ${named}: PUT /unified/customer/`);
    const curl = block.split('\n').filter((l) => l.includes('curl -i'));
    expect(curl[0]).toContain('baseline@example.com');
    expect(curl.join('\n')).not.toContain('wrong');
    expect(toHtml(result, new Map())).toContain(`<dt>Changed after</dt><dd>${named}`);
  });
});
