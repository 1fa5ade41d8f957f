/**
 * S7 on hand-made bursts: a stored row or an answer that mixes the bodies is a violation; a backend whose own
 * transformation (two columns swapped, a null ignored) makes a value look like another body's is not interleaving,
 * and a burst whose PUTs were all refused left the row as it was.
 */
import { describe, expect, it } from 'vitest';
import { loadContract } from '../../contracts/load.ts';
import type { Exchange } from '../../core/exchange.ts';
import { burstLeavesOneBody } from '../../suites/checks/burst-leaves-one-body.ts';
import type { JudgeContext } from '../../suites/checks/check.ts';
import type { BurstScenario, FullBody } from '../../suites/scenarios/scenario.ts';

const contract = loadContract();
const ctx: JudgeContext = { contract, semantics: 'merge', initial: {} };
const fields = contract.fields.updatable;

/** A full body whose every value names its origin (`B0 name`), with `change` applied. */
const body = (tag: string, change: FullBody = {}): FullBody => ({
  ...Object.fromEntries(
    fields.map((f) => [f, f === 'email' ? `${tag.toLowerCase()}@example.com` : `${tag} ${f}`]),
  ),
  ...change,
});

function exchange(seq: number, role: string, status: number, data?: FullBody): Exchange {
  return {
    seq,
    role,
    spec: { op: role === 'readback' ? 'read' : 'update', target: { fixture: 'A' }, auth: 'valid' },
    request: { method: 'PUT', path: '/unified/customer/cus_1', headers: {} },
    response: { status, headers: {}, text: '', ...(data ? { json: { data } } : {}) },
    durationMs: 1,
  };
}

/** The titles S7 gives a burst of `bodies`, answered `answers` (status, data), that left `stored`. */
function judge(
  bodies: FullBody[],
  answers: [number, FullBody | undefined][],
  stored: FullBody,
  baseline = body('B'),
): string[] {
  const scenario: BurstScenario = { kind: 'burst', baseline, bodies };
  const trace = {
    exchanges: [
      exchange(1, 'baseline', 200, baseline),
      ...answers.map(([status, data], i) => exchange(2 + i, 'burst', status, data)),
      exchange(2 + answers.length, 'readback', 200, stored),
    ],
  };
  expect(burstLeavesOneBody.applies(trace, scenario, ctx)).toBe(true);
  return burstLeavesOneBody.run(trace, scenario, ctx).map((v) => v.title);
}

const one = body('P1');
const two = body('P2');
const swap = (b: FullBody): FullBody => ({
  ...b,
  address_city: b['address_state'] ?? null,
  address_state: b['address_city'] ?? null,
});

describe('S7 burst_leaves_one_body', () => {
  it('passes one body stored whole, and flags a stored row or an answer that mixes two', () => {
    expect(
      judge(
        [one, two],
        [
          [200, one],
          [200, two],
        ],
        two,
      ),
    ).toEqual([]);
    const mixed = { ...two, name: one['name'] ?? null };
    expect(
      judge(
        [one, two],
        [
          [200, one],
          [200, two],
        ],
        mixed,
      ),
    ).toEqual(['Concurrent PUTs left a mix']);
    expect(
      judge(
        [one, two],
        [
          [200, one],
          [200, mixed],
        ],
        two,
      ),
    ).toEqual(["Concurrent PUT answered with another request's values"]);
  });

  it('does not take two columns swapped for a mix, even where the swapped value is another body’s', async () => {
    // PUT #2's state is PUT #1's city (shared values are common in a burst): swapped, it looks like #1's city.
    const second = body('P2', { address_state: one['address_city'] ?? null });
    expect(
      judge(
        [one, second],
        [
          [200, swap(one)],
          [200, swap(second)],
        ],
        swap(second),
      ),
    ).toEqual([]);
  });

  it('does not take a null ignored (the value before kept) for a mix', async () => {
    const second = body('P2', { address_line2: null });
    const kept = { ...second, address_line2: one['address_line2'] ?? null };
    expect(
      judge(
        [one, second],
        [
          [200, one],
          [200, kept],
        ],
        kept,
      ),
    ).toEqual([]);
  });

  it('judges no stored row when every PUT was refused, and reports each refusal', async () => {
    // The row an earlier case left (this burst's set-up PUT was refused too) shares a value with each body.
    const before = body('OLD', { name: one['name'] ?? null, phone: two['phone'] ?? null });
    expect(
      judge(
        [one, two],
        [
          [422, undefined],
          [422, undefined],
        ],
        before,
      ),
    ).toEqual(['Concurrent PUT refused', 'Concurrent PUT refused']);
  });
});
