/** How long a throttled request waits: at least what Retry-After asks, plus a random share that grows with tries. */
import { describe, expect, it } from 'vitest';
import { retryWaitMs } from '../../http/api-client.ts';

describe('retryWaitMs', () => {
  it('waits at least what Retry-After asks, and at most half as long again', () => {
    expect(retryWaitMs('2', 0, () => 0)).toBe(2000);
    expect(retryWaitMs('2', 0, () => 1)).toBe(3000);
  });

  it('spreads requests told "Retry-After: 0" at the same moment, more on each try', () => {
    const first = [0, 0.25, 0.5, 0.75, 1].map((r) => retryWaitMs('0', 0, () => r));
    expect(new Set(first).size).toBe(first.length);
    expect(Math.max(...first)).toBeGreaterThanOrEqual(25);
    expect(retryWaitMs('0', 3, () => 1)).toBeGreaterThan(retryWaitMs('0', 0, () => 1));
  });

  it('backs off without a Retry-After, with the same random share on top', () => {
    expect(retryWaitMs(undefined, 0, () => 0)).toBe(250);
    expect(retryWaitMs(undefined, 2, () => 0)).toBe(1000);
    expect(retryWaitMs(undefined, 2, () => 1)).toBe(1500);
  });
});
