/** The limiter behind --concurrency: 429s lower how many requests are in flight, Retry-After holds them all, calm answers raise it again. */
import { describe, expect, it } from 'vitest';
import { AdaptiveLimit } from '../../http/adaptive-limit.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A backend that can take `capacity` requests at once and answers 429 to any beyond. */
function throttlingBackend(capacity: number) {
  let inFlight = 0;
  const seen = { most: 0, mostAfterFirst429: 0, first429: false };
  return {
    seen,
    async request(): Promise<number> {
      inFlight++;
      seen.most = Math.max(seen.most, inFlight);
      const status = inFlight > capacity ? 429 : 200;
      await sleep(5);
      inFlight--;
      return status;
    },
  };
}

describe('AdaptiveLimit', () => {
  it('halves on 429 until the backend stops throttling, and settles below --concurrency', async () => {
    const limit = new AdaptiveLimit(16);
    const backend = throttlingBackend(3);
    // 16 workers, each sending 20 requests one after another, retrying a 429.
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        for (let sent = 0; sent < 20;) {
          const status = await limit.run(() => backend.request());
          if (status === 429) {
            limit.throttle(0);
            continue;
          }
          limit.answered();
          sent++;
        }
      }),
    );
    const state = limit.state();
    expect(state.throttled).toBeGreaterThan(0);
    expect(state.lowest).toBeLessThanOrEqual(4);
    expect(state.limit).toBeLessThan(16);
    // It did not keep hammering at 16 in flight: 320 requests went through with far fewer 429s than answers.
    expect(state.throttled).toBeLessThan(160);
  });

  it('starts nothing before Retry-After has passed', async () => {
    const limit = new AdaptiveLimit(4);
    await limit.run(async () => limit.throttle(150));
    const asked = Date.now();
    const started = await Promise.all([1, 2, 3].map(() => limit.run(async () => Date.now())));
    for (const at of started) expect(at - asked).toBeGreaterThanOrEqual(140);
  });

  it('one round of 429s is one step down, and calm answers let the limit grow back to the maximum', async () => {
    const limit = new AdaptiveLimit(8);
    const gates: (() => void)[] = [];
    // Eight requests in flight all answered 429: the limit halves once, not eight times.
    const inFlight = Array.from({ length: 8 }, () =>
      limit.run(() => new Promise<void>((resolve) => gates.push(resolve))),
    );
    await sleep(0);
    for (let i = 0; i < 8; i++) limit.throttle(0);
    gates.forEach((open) => open());
    await Promise.all(inFlight);
    expect(limit.state().limit).toBe(4);
    for (let i = 0; i < 100; i++) limit.answered();
    expect(limit.state()).toMatchObject({ limit: 8, lowest: 4, throttled: 8 });
  });

  it('alone: waits for the requests in flight, holds back every other one, and lets its own through together', async () => {
    const limit = new AdaptiveLimit(8);
    const log: string[] = [];
    const request = (name: string, ms: number) =>
      limit.run(async () => {
        log.push(`${name}+`);
        await sleep(ms);
        log.push(`${name}-`);
      });
    const before = request('before', 30);
    await sleep(0);
    const sole = limit.alone(async () => {
      log.push('alone+');
      // Its own requests run together, however many.
      await Promise.all([request('own1', 20), request('own2', 20)]);
      log.push('alone-');
    });
    await sleep(0);
    const others = [request('other1', 1), request('other2', 1)];
    await Promise.all([before, sole, ...others]);
    expect(log.slice(0, 4)).toEqual(['before+', 'before-', 'alone+', 'own1+']);
    expect(log.indexOf('own2+')).toBeLessThan(log.indexOf('own1-'));
    const ended = log.indexOf('alone-');
    expect(log.indexOf('other1+')).toBeGreaterThan(ended);
    expect(log.indexOf('other2+')).toBeGreaterThan(ended);
  });

  it('alone inside alone runs at once (a burst in a case played again alone)', async () => {
    const limit = new AdaptiveLimit(4);
    const inner = await Promise.race([
      limit.alone(() => limit.alone(() => limit.run(async () => 'ran'))),
      sleep(500).then(() => 'deadlocked'),
    ]);
    expect(inner).toBe('ran');
  });
});
