/**
 * The suite's requests as a bare loop would send them with the suite's own concurrency: each lane's requests in
 * the lane's order (a burst's requests at once, as the suite sent them), every lane at the same time, and one cap
 * on the requests in flight over all lanes (the suite's --concurrency). Set-up before and clean-up after go one by
 * one, in the log's order (so the fresh backend hands out the same ids); they are outside the timed phase anyway.
 * No barrier between the suite's checks or files: waiting on a slow lane there is the suite's own cost.
 */
import { isCleanup, isSetup, steps } from './exchange-file.ts';

/** Indices into the log. */
export interface LanedPlan {
  before: number[];
  /** Per lane, its steps in order; a step is one request, or a burst sent at once. */
  lanes: number[][][];
  after: number[];
}

export function lanedPlan(log: { role: string; lane?: number }[]): LanedPlan {
  let first = 0;
  while (first < log.length && isSetup(log[first]?.role ?? '')) first++;
  let last = log.length - 1;
  while (last >= first && isCleanup(log[last]?.role ?? '')) last--;
  const byLane = new Map<number, { role: string; index: number }[]>();
  for (let index = first; index <= last; index++) {
    const entry = log[index];
    if (!entry) continue;
    // A suite request with no lane (none today) is a lane of its own: still in order, still capped.
    const lane = entry.lane ?? -1;
    const list = byLane.get(lane) ?? [];
    list.push({ role: entry.role, index });
    byLane.set(lane, list);
  }
  const range = (from: number, to: number) =>
    Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
  return {
    before: range(0, first),
    lanes: [...byLane.keys()]
      .sort((a, b) => a - b)
      .map((lane) => steps(byLane.get(lane) ?? []).map((step) => step.map((e) => e.index))),
    after: range(last + 1, log.length),
  };
}

/** A counting semaphore: at most `cap` holders at once, the others waiting in arrival order. */
function limiter(cap: number): <R>(task: () => Promise<R>) => Promise<R> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (active >= cap) await new Promise<void>((resolve) => waiting.push(resolve));
    else active++;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}

/** Plays the plan: `send(index)` for every request, lanes at once under the cap. Resolves with each answer by index. */
export async function playLaned<R>(
  plan: LanedPlan,
  send: (index: number) => Promise<R>,
  cap: number,
): Promise<Map<number, R>> {
  const answers = new Map<number, R>();
  const one = async (index: number) => answers.set(index, await send(index));
  for (const index of plan.before) await one(index);
  const limit = limiter(cap);
  await Promise.all(
    plan.lanes.map(async (lane) => {
      for (const step of lane) await Promise.all(step.map((index) => limit(() => one(index))));
    }),
  );
  for (const index of plan.after) await one(index);
  return answers;
}

/** The plan's groups (each request alone, or a burst), for comparing answers as multisets. */
export const planGroups = (plan: LanedPlan): number[][] => [
  ...plan.before.map((i) => [i]),
  ...plan.lanes.flat(),
  ...plan.after.map((i) => [i]),
];
