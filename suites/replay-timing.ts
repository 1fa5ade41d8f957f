/**
 * The timing of a played case, and how a replay keeps it: the customer as old as it was when the case was
 * first played (a bug may show only a second or more after creation), and the same spacing between steps.
 * A replay can only wait, never hurry: a step that comes later than recorded is not a shortfall.
 */
import type { Exchange } from '../core/exchange.ts';
import type { CaseTiming } from '../core/failure-file.ts';
import { stepsOf } from './scenarios/play.ts';
import type { Alias, Scenario } from './scenarios/scenario.ts';

export type CreatedAt = Partial<Record<Alias, number>>;

const ALIASES: Alias[] = ['A', 'B'];

/** The timing of a case from its exchanges; undefined when they carry no send times. */
export function caseTiming(
  scenario: Scenario,
  exchanges: Exchange[],
  createdAt: CreatedAt | undefined,
  hasB: boolean,
): CaseTiming | undefined {
  const starts = stepsOf(scenario, hasB).map((step) => {
    const times = exchanges.filter((e) => e.role === step.role).map((e) => e.sentAt);
    return times.every((t): t is number => t !== undefined) && times.length > 0
      ? Math.min(...times)
      : undefined;
  });
  const first = starts[0];
  if (first === undefined || starts.some((t) => t === undefined)) return undefined;
  const timing: CaseTiming = { stepOffsetsMs: starts.map((t) => (t as number) - first) };
  const ages = ALIASES.flatMap((alias) => {
    const created = createdAt?.[alias];
    return created === undefined ? [] : [[alias, first - created] as const];
  });
  if (ages.length > 0) timing.ageMs = Object.fromEntries(ages);
  return timing;
}

export interface PaceOptions {
  /** When the replay's fixtures were created (absent: their age is unknown). */
  createdAt: CreatedAt | undefined;
  /** Most the replay waits in one try, age and spacing together. */
  maxWaitMs: number;
  /** Told before each wait that is worth telling (a second or more). */
  onWait?: ((line: string) => void) | undefined;
  sleep?: ((ms: number) => Promise<void>) | undefined;
  now?: (() => number) | undefined;
}

export interface Pacer {
  /** Awaited before step `index` of the case. */
  pace(index: number): Promise<void>;
  /** The recorded conditions this try could not rebuild, in words. */
  shortfalls(): string[];
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
/** A customer older than recorded by more than this is reported: a bug that shows only early may hide. */
const AGE_SLACK_MS = 1000;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function pacer(timing: CaseTiming | undefined, options: PaceOptions): Pacer {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const shortfalls: string[] = [];
  let budget = options.maxWaitMs;
  let startedAt = 0;

  async function wait(ms: number, why: string, cut: (waited: number) => string): Promise<void> {
    if (ms <= 0) return;
    const waited = Math.min(ms, Math.max(0, budget));
    if (waited < ms) shortfalls.push(cut(waited));
    if (waited >= 1000) options.onWait?.(`waiting ${seconds(waited)} ${why}`);
    budget -= waited;
    if (waited > 0) await sleep(waited);
  }

  async function ageFirst(): Promise<void> {
    const recorded = timing?.ageMs;
    if (!timing || !recorded) {
      if (timing) shortfalls.push('the run used existing customers (--customer-id), whose age is unknown');
      return;
    }
    let needed = 0;
    let oldest = 0;
    for (const alias of ALIASES) {
      const age = recorded[alias];
      if (age === undefined) continue;
      const created = options.createdAt?.[alias];
      if (created === undefined) {
        shortfalls.push(
          `customer ${alias} was ${seconds(age)} old, and the replay's customer has no known age`,
        );
        continue;
      }
      const current = now() - created;
      needed = Math.max(needed, age - current);
      if (current - age > AGE_SLACK_MS) {
        shortfalls.push(
          `customer ${alias} was ${seconds(current)} old, older than the ${seconds(age)} recorded`,
        );
      }
      oldest = Math.max(oldest, age);
    }
    await wait(
      needed,
      `so the customer is ${seconds(oldest)} old, as when the case was first played`,
      (waited) =>
        `the customer was ${seconds(oldest)} old when the case was first played; the replay waited only ${seconds(waited)} of the ${seconds(needed)} needed (--max-wait)`,
    );
  }

  return {
    async pace(index) {
      if (index === 0) {
        await ageFirst();
        startedAt = now();
        return;
      }
      const offset = timing?.stepOffsetsMs[index];
      if (offset === undefined) return;
      await wait(
        startedAt + offset - now(),
        `to keep the recorded spacing of step ${index + 1}`,
        (waited) =>
          `step ${index + 1} was sent ${seconds(offset)} into the case; the replay waited only ${seconds(waited)} more (--max-wait)`,
      );
    },
    shortfalls: () => [...new Set(shortfalls)],
  };
}
