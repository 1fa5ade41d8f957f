/**
 * Lanes: independent pairs of fixture customers worked on at once. This module owns which customers a case may
 * touch: case i of a check runs on lane i mod N, alone on that lane, its requests in order, addressing only the
 * lane's A and B. So the same seed puts the same cases on the same lanes in the same order; only the
 * interleaving between lanes varies. A lane also keeps what it last saw of each of its customers, for the
 * end-of-run isolation check (S6 across lanes).
 */
import type { Exchange } from '../core/exchange.ts';
import type { ApiClient } from '../http/api-client.ts';
import type { JudgeContext } from './checks/check.ts';
import { dataOf, differing } from './checks/values.ts';
import { scopeOf } from './schedule.ts';
import { play, type Trace } from './scenarios/play.ts';
import type { Alias, Scenario } from './scenarios/scenario.ts';

/** What a lane last read stored in one of its customers, and the request of its own that last wrote it. */
export interface LastSeen {
  data: Record<string, unknown>;
  seen: Exchange;
  written?: Exchange;
}

/** Two reads of a lane's customer, with no write of the lane's own between them, that differ. */
export interface Drift {
  alias: Alias;
  before: LastSeen;
  after: Exchange;
}

export class Lane {
  /**
   * Per customer: the last GET that showed it, while no write of the lane's own has been sent since (any write,
   * answered or not, may have changed it: the next read is the new reference).
   */
  readonly lastSeen: Partial<Record<Alias, LastSeen>> = {};
  /** The first time a customer changed between two reads with no write of this lane between: another's PUT. */
  drift: Drift | undefined;
  /** Per customer: the lane's own last write to it. */
  readonly lastWrite: Partial<Record<Alias, Exchange>> = {};
  /** The last scenario the lane played. */
  lastScenario: Scenario | undefined;
  readonly client: ApiClient;

  constructor(
    readonly index: number,
    client: ApiClient,
    readonly ctx: JudgeContext,
  ) {
    // Every exchange on this lane passes through observe, whoever sends it (cases, shrinks, probes, replays).
    this.client = client.forLane({
      fixtures: client.options.fixtures,
      lane: index,
      onExchanges: (exchanges) => this.observe(exchanges),
    });
  }

  async play(scenario: Scenario): Promise<Trace> {
    this.lastScenario = scenario;
    return play(scenario, this.client);
  }

  private observe(exchanges: Exchange[]): void {
    for (const exchange of exchanges) {
      const target = exchange.spec.target;
      if (!target || !('fixture' in target)) continue;
      const alias = target.fixture;
      if (exchange.spec.op !== 'read') {
        // Whatever it was answered, it may have changed the customer: nothing to compare with until read again.
        delete this.lastSeen[alias];
        if (exchange.spec.op === 'update') this.lastWrite[alias] = exchange;
        continue;
      }
      const data = dataOf(exchange);
      if (exchange.response?.status !== 200 || !data) continue;
      const previous = this.lastSeen[alias];
      if (previous && !this.drift && changed(previous.data, data, this.ctx)) {
        this.drift = { alias, before: previous, after: exchange };
      }
      const written = this.lastWrite[alias];
      this.lastSeen[alias] = { data, seen: exchange, ...(written ? { written } : {}) };
    }
  }
}

/** Whether a customer differs between two reads, in what the suite does not expect the server to manage. */
function changed(a: Record<string, unknown>, b: Record<string, unknown>, ctx: JudgeContext): boolean {
  const { fields } = ctx.contract;
  return differing(a, b, fields.kept, fields.updatable).length > 0;
}

/**
 * Plays `count` cases over the lanes: lane k takes cases k, k+N, ... in order, one at a time, until `each`
 * says stop. Every lane is waited for, also when one throws (then the others stop at their next case); the
 * first error is thrown. Within a check launched by the schedule, each lane's share waits for its turn on
 * the lane, so another check's case never runs on the lane at the same time.
 */
export async function spread(
  count: number,
  lanes: Lane[],
  each: (lane: Lane, index: number) => Promise<boolean>,
  onLaneEnd?: (lane: Lane) => void,
): Promise<void> {
  let failed = false;
  // A turn on every lane, taken at once (schedule.ts): a lane plays its share once the checks before are done with it.
  const scope = scopeOf(lanes);
  const turns = scope?.turns(lanes.map((lane) => lane.index));
  const ends = await Promise.allSettled(
    lanes.map(async (lane, k) => {
      const turn = turns?.[k];
      try {
        if (turn) await turn.ready;
        for (let index = lane.index; index < count && !failed; index += lanes.length) {
          if (!(await each(lane, index))) return;
        }
      } catch (error) {
        failed = true;
        throw error;
      } finally {
        onLaneEnd?.(lane);
        if (turn) scope?.release(turn);
      }
    }),
  );
  const rejected = ends.find((end): end is PromiseRejectedResult => end.status === 'rejected');
  if (rejected) throw rejected.reason;
}

/**
 * Which lane's failure is reported in a round: the one of the lowest case index, as a run on one lane would
 * have found first. A lane that fails waits until no other lane can still fail below its index.
 */
export class FirstFailure {
  private readonly at: number[];
  private readonly failedAt: (number | undefined)[];
  private waiting: (() => void)[] = [];

  constructor(lanes: number) {
    this.at = Array.from({ length: lanes }, () => -1);
    this.failedAt = Array.from({ length: lanes }, () => undefined);
  }

  starting(lane: number, index: number): void {
    this.at[lane] = index;
    this.wake();
  }

  ended(lane: number): void {
    if (this.failedAt[lane] === undefined) this.at[lane] = Infinity;
    this.wake();
  }

  /** Records a lane's failure at `index`; resolves true when it is the round's first failure. */
  async failed(lane: number, index: number): Promise<boolean> {
    this.failedAt[lane] = index;
    this.wake();
    while (!this.settled(index)) await new Promise<void>((resolve) => this.waiting.push(resolve));
    return Math.min(...this.failedAt.map((i) => i ?? Infinity)) === index;
  }

  private settled(index: number): boolean {
    return this.at.every((at, lane) => this.failedAt[lane] !== undefined || at > index);
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }
}
