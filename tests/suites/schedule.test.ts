/**
 * The schedule of checks on the lanes (suites/schedule.ts): a lane that is done with one check goes on with the
 * next while the first waits for its slowest lane; a lane's customers serve one case at a time; the order of
 * work on each lane does not depend on how fast the backend answers; a check that does not take turns runs
 * alone; nothing starts early when overlap is off (--bail).
 */
import { describe, expect, it } from 'vitest';
import { CheckSchedule, LaneQueue, onLane, withScope, type CheckScope } from '../../suites/schedule.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A check as the run plays it: passes over the lanes (as spread does), each lane's share taking `ms(lane)`. */
function world(lanes: number, delays: (check: string, lane: number) => number) {
  const queues = Array.from({ length: lanes }, () => new LaneQueue());
  const log: string[] = [];
  /** Per lane: what it is busy with now (two at once would be two cases on one lane's customers). */
  const busy: (string | undefined)[] = Array.from({ length: lanes }, () => undefined);
  const use = async (lane: number, what: string) => {
    expect(busy[lane], `lane ${lane} busy with ${busy[lane]} when ${what} started`).toBeUndefined();
    busy[lane] = what;
    log.push(`${lane} ${what}`);
    await sleep(delays(what, lane));
    busy[lane] = undefined;
  };
  /** The lanes as a check sees them: marked with its scope (as harness.ts hands them to it). */
  const lanesOf = (scope: CheckScope | undefined) =>
    withScope(
      queues.map(() => ({})),
      scope,
    );
  const pass = async (scope: CheckScope | undefined, what: string) => {
    const turns = scope?.turns(queues.map((_, lane) => lane));
    await Promise.all(
      queues.map(async (_, lane) => {
        const turn = turns?.[lane];
        if (turn) await turn.ready;
        try {
          await use(lane, what);
        } finally {
          if (turn) scope?.release(turn);
        }
      }),
    );
  };
  const perLane = (lane: number) => log.filter((l) => l.startsWith(`${lane} `)).map((l) => l.slice(2));
  return { queues, log, use, pass, perLane, lanesOf };
}

/** Runs `checks` as their tests would: one test after another, each awaiting its own check. */
async function runTests(
  schedule: CheckSchedule<void>,
  entries: ReturnType<CheckSchedule<void>['add']>[],
  queues: LaneQueue[],
  overlap = true,
  onTest?: (index: number) => void,
): Promise<void> {
  for (const [index, entry] of entries.entries()) {
    onTest?.(index);
    await schedule.begin(entry, () => queues, overlap);
  }
}

describe('the check schedule', () => {
  it('lets a lane done with a check start the next while the check waits for its slowest lane', async () => {
    // Lane 0 is slow in check 1: lanes 1 and 2 go on with check 2 (and 3) meanwhile.
    const w = world(3, (what, lane) => (what === 'c1' && lane === 0 ? 60 : 5));
    const schedule = new CheckSchedule<void>();
    const entries = ['c1', 'c2', 'c3'].map((c) => schedule.add((scope) => w.pass(scope, c), true));
    let c2TestAt = -1;
    await runTests(schedule, entries, w.queues, true, (index) => {
      if (index === 1) c2TestAt = w.log.length;
    });
    // Before check 2's test began, lanes 1 and 2 had played check 2 already.
    const early = w.log.slice(0, c2TestAt);
    expect(early).toContain('1 c2');
    expect(early).toContain('2 c2');
    for (const lane of [0, 1, 2]) expect(w.perLane(lane)).toEqual(['c1', 'c2', 'c3']);
  });

  it('plays nothing early when overlap is off (--bail)', async () => {
    const w = world(3, (what, lane) => (what === 'c1' && lane === 0 ? 40 : 5));
    const schedule = new CheckSchedule<void>();
    const entries = ['c1', 'c2'].map((c) => schedule.add((scope) => w.pass(scope, c), true));
    let c2TestAt = -1;
    await runTests(schedule, entries, w.queues, false, (index) => {
      if (index === 1) c2TestAt = w.log.length;
    });
    expect(w.log.slice(0, c2TestAt).every((l) => l.endsWith('c1'))).toBe(true);
  });

  it('keeps the same order on every lane whatever the timing: later rounds after the checks launched early', async () => {
    const orders: string[][][] = [];
    for (const slow of [0, 1, 2]) {
      // Check 1 needs a second round and plays a failing case again on lane 1 (as runFixed does).
      const w = world(3, (what, lane) => (lane === slow ? 30 : 2 + ((lane * 7 + what.length) % 5)));
      const schedule = new CheckSchedule<void>();
      const c1 = schedule.add(async (scope) => {
        await w.pass(scope, 'c1 round 1');
        await w.pass(scope, 'c1 round 2');
        await onLane(w.lanesOf(scope), 1, () => w.use(1, 'c1 again'));
      }, true);
      const rest = ['c2', 'c3', 'c4'].map((c) => schedule.add((scope) => w.pass(scope, c), true));
      await runTests(schedule, [c1, ...rest], w.queues);
      orders.push([0, 1, 2].map((lane) => w.perLane(lane)));
    }
    expect(orders[1]).toEqual(orders[0]);
    expect(orders[2]).toEqual(orders[0]);
    // The first passes launched by check 1's test (c2, c3) come before its second round on every lane.
    expect(orders[0]?.[1]).toEqual(['c1 round 1', 'c2', 'c3', 'c1 round 2', 'c1 again', 'c4']);
  });

  it('frees each round of a check launched early that needs more rounds before its own test begins', async () => {
    // Check 2 finds something in its first round while check 1 is still running: its further rounds wait for
    // its test, and each one frees the lanes for the next (a round never waits on its own check's last one).
    const w = world(2, (what, lane) => (what === 'c1' && lane === 0 ? 40 : 3));
    const schedule = new CheckSchedule<void>();
    const c1 = schedule.add((scope) => w.pass(scope, 'c1'), true);
    const c2 = schedule.add(async (scope) => {
      for (const round of [1, 2, 3]) await w.pass(scope, `c2 round ${round}`);
      await onLane(w.lanesOf(scope), 1, () => w.use(1, 'c2 again'));
    }, true);
    await runTests(schedule, [c1, c2], w.queues);
    expect(w.perLane(1)).toEqual(['c1', 'c2 round 1', 'c2 round 2', 'c2 round 3', 'c2 again']);
  });

  it('runs a check that takes no turns alone, after every check before it has ended', async () => {
    const w = world(2, (what, lane) => (what === 'c1' && lane === 1 ? 40 : 5));
    const schedule = new CheckSchedule<void>();
    const c1 = schedule.add((scope) => w.pass(scope, 'c1'), true);
    const end = schedule.add(async () => {
      // The end-of-run read: it uses the lanes without turns, so nothing else may be playing.
      await Promise.all([0, 1].map((lane) => w.use(lane, 'end')));
    }, false);
    const after = schedule.add((scope) => w.pass(scope, 'after'), true);
    await runTests(schedule, [c1, end, after], w.queues);
    expect(w.perLane(0)).toEqual(['c1', 'end', 'after']);
    expect(w.perLane(1)).toEqual(['c1', 'end', 'after']);
  });

  it('gives back the turns of a check that failed, so the checks after it still run', async () => {
    const w = world(2, () => 5);
    const schedule = new CheckSchedule<void>();
    const broken = schedule.add(() => Promise.reject(new Error('the check itself failed')), true);
    const next = schedule.add((scope) => w.pass(scope, 'next'), true);
    await expect(schedule.begin(broken, () => w.queues, true)).rejects.toThrow('the check itself failed');
    await schedule.begin(next, () => w.queues, true);
    expect(w.perLane(0)).toEqual(['next']);
  });
});
