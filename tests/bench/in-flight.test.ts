/** Requests in flight over time (bench/lib/in-flight.ts): the average while sending, time at the cap, time nearly idle. */
import { describe, expect, it } from 'vitest';
import { inFlight } from '../../bench/lib/in-flight.ts';

describe('requests in flight over time', () => {
  it('weights each count by how long it lasted, from the first request sent to the last answered', () => {
    // 0–10 ms: one request; 10–20: three; 20–40: one; a gap with none in flight is counted at zero.
    const profile = inFlight(
      [
        { sentAt: 0, durationMs: 40 },
        { sentAt: 10, durationMs: 10 },
        { sentAt: 10, durationMs: 10 },
        { sentAt: 50, durationMs: 10 },
      ],
      3,
    );
    expect(profile.spanMs).toBe(60);
    expect(profile.histogramMs).toEqual([10, 40, 0, 10]);
    expect(profile.average).toBeCloseTo((40 * 1 + 10 * 3) / 60);
    expect(profile.atCapMs).toBe(10);
    // Under a quarter of a cap of 3 is under 1: the gap.
    expect(profile.lowMs).toBe(10);
  });

  it('does not count a request answered as the next is sent as two in flight', () => {
    const profile = inFlight(
      [
        { sentAt: 0, durationMs: 10 },
        { sentAt: 10, durationMs: 10 },
      ],
      2,
    );
    expect(profile.atCapMs).toBe(0);
    expect(profile.average).toBe(1);
  });
});
