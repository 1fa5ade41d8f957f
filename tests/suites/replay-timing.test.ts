/**
 * How a replay keeps a case's timing, on a fake clock: it waits until the customer is as old as recorded, keeps
 * the recorded spacing, says what it waits for, and names each condition it could not rebuild.
 */
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../core/exchange.ts';
import { caseTiming, pacer } from '../../suites/replay-timing.ts';
import type { UpdateScenario } from '../../suites/scenarios/scenario.ts';

function clock(start: number) {
  let now = start;
  const waits: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      waits.push(ms);
      now += ms;
    },
    advance: (ms: number) => (now += ms),
    waits,
  };
}

const scenario: UpdateScenario = {
  kind: 'update',
  baseline: { email: 'a@a.co', name: 'a' },
  auth: 'wrong-token',
  case: { outcome: 'MUST-REJECT', rule: 'A2', pointer: '', label: 'x', body: '{}', value: {} },
};

const exchange = (role: string, sentAt: number): Exchange => ({
  seq: 0,
  role,
  spec: { op: 'read', auth: 'valid' },
  request: { method: 'GET', path: '/', headers: {} },
  durationMs: 1,
  sentAt,
});

describe('caseTiming', () => {
  it('records each customer age at the first request and each step after it', () => {
    const exchanges = ['other-before', 'baseline', 'update', 'readback', 'other'].map((role, i) =>
      exchange(role, 10_000 + i * 5),
    );
    expect(caseTiming(scenario, exchanges, { A: 7_600, B: 7_610 }, true)).toEqual({
      stepOffsetsMs: [0, 5, 10, 15, 20],
      ageMs: { A: 2_400, B: 2_390 },
    });
  });

  it('records no age for customers it did not create, and no timing without send times', () => {
    const exchanges = ['other-before', 'baseline', 'update', 'readback', 'other'].map((role) =>
      exchange(role, 5),
    );
    expect(caseTiming(scenario, exchanges, undefined, true)).toEqual({ stepOffsetsMs: [0, 0, 0, 0, 0] });
    const untimed = exchanges.map(({ sentAt: _, ...rest }) => rest);
    expect(caseTiming(scenario, untimed, { A: 1 }, true)).toBeUndefined();
  });
});

describe('pacer', () => {
  it('waits until the customer is as old as recorded, says why, then keeps the spacing', async () => {
    const c = clock(100_000);
    const said: string[] = [];
    const p = pacer(
      { ageMs: { A: 2_500 }, stepOffsetsMs: [0, 40, 90] },
      { createdAt: { A: 99_900 }, maxWaitMs: 30_000, onWait: (line) => said.push(line), ...c },
    );
    await p.pace(0);
    c.advance(10);
    await p.pace(1);
    c.advance(60);
    await p.pace(2);
    expect(c.waits).toEqual([2_400, 30]);
    expect(said).toEqual(['waiting 2.4 s so the customer is 2.5 s old, as when the case was first played']);
    expect(p.shortfalls()).toEqual([]);
  });

  it('names a wait cut short by --max-wait', async () => {
    const c = clock(0);
    const p = pacer(
      { ageMs: { A: 40_000 }, stepOffsetsMs: [0] },
      { createdAt: { A: 0 }, maxWaitMs: 30_000, ...c },
    );
    await p.pace(0);
    expect(c.waits).toEqual([30_000]);
    expect(p.shortfalls()).toEqual([
      'the customer was 40.0 s old when the case was first played; the replay waited only 30.0 s of the 40.0 s needed (--max-wait)',
    ]);
  });

  it('names an age it cannot rebuild', async () => {
    const c = clock(0);
    const unknown = pacer({ stepOffsetsMs: [0] }, { createdAt: { A: 0 }, maxWaitMs: 30_000, ...c });
    await unknown.pace(0);
    expect(unknown.shortfalls()).toEqual([
      'the run used existing customers (--customer-id), whose age is unknown',
    ]);
    const older = pacer(
      { ageMs: { A: 500 }, stepOffsetsMs: [0] },
      { createdAt: { A: -4_000 }, maxWaitMs: 30_000, ...c },
    );
    await older.pace(0);
    expect(older.shortfalls()).toEqual(['customer A was 4.0 s old, older than the 0.5 s recorded']);
  });

  it('does not wait at all for a file with no timing', async () => {
    const c = clock(0);
    const p = pacer(undefined, { createdAt: { A: 0 }, maxWaitMs: 30_000, ...c });
    await p.pace(0);
    await p.pace(1);
    expect(c.waits).toEqual([]);
    expect(p.shortfalls()).toEqual([]);
  });
});
