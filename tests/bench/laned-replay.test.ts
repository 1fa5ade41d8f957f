import { describe, expect, it } from 'vitest';
import { lanedPlan, playLaned, planGroups } from '../../bench/lib/laned-replay.ts';

const log = [
  { role: 'preflight' },
  { role: 'fixture-create-A' },
  { role: 'fixture-read-A' },
  { role: 'baseline', lane: 0 },
  { role: 'baseline', lane: 1 },
  { role: 'update', lane: 0 },
  { role: 'burst', lane: 1 },
  { role: 'burst', lane: 1 },
  { role: 'burst', lane: 1 },
  { role: 'readback', lane: 0 },
  { role: 'final-read', lane: 1 },
  { role: 'fixture-reset-A' },
];

describe('lanedPlan', () => {
  it("splits the suites' requests by lane, keeps each lane's order and its bursts, set-up and clean-up apart", () => {
    expect(lanedPlan(log)).toEqual({
      before: [0, 1, 2],
      lanes: [
        [[3], [5], [9]],
        [[4], [6, 7, 8], [10]],
      ],
      after: [11],
    });
  });

  it('covers every request exactly once', () => {
    const all = planGroups(lanedPlan(log))
      .flat()
      .sort((a, b) => a - b);
    expect(all).toEqual(log.map((_, i) => i));
  });
});

describe('playLaned', () => {
  const plan = lanedPlan(log);
  const timed = async (cap: number, ms = 5) => {
    let inFlight = 0;
    let most = 0;
    const order: number[] = [];
    const answers = await playLaned(
      plan,
      async (index) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, ms));
        inFlight--;
        order.push(index);
        return index * 10;
      },
      cap,
    );
    return { answers, most, order };
  };

  it('runs the lanes at once and a burst at once, up to the cap', async () => {
    const { most, answers } = await timed(16);
    expect(most).toBe(4); // lane 1's burst of 3 beside lane 0's update: no lane waits on another
    expect([...answers.entries()].sort((a, b) => a[0] - b[0])).toEqual(log.map((_, i) => [i, i * 10]));
  });

  it('never has more requests in flight than the cap', async () => {
    expect((await timed(1)).most).toBe(1);
    expect((await timed(2)).most).toBe(2);
  });

  it('keeps each lane in its order and set-up before, clean-up after', async () => {
    const { order } = await timed(16);
    expect(order.slice(0, 3)).toEqual([0, 1, 2]);
    expect(order.at(-1)).toBe(11);
    const position = (i: number) => order.indexOf(i);
    expect(position(3)).toBeLessThan(position(5));
    expect(position(5)).toBeLessThan(position(9));
    for (const burst of [6, 7, 8]) {
      expect(position(4)).toBeLessThan(position(burst));
      expect(position(burst)).toBeLessThan(position(10));
    }
  });
});
