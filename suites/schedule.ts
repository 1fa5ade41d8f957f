/**
 * Checks overlap on the lanes: a lane that has played its share of one check goes on with its share of the
 * next checks while the first still waits for its slowest lane, instead of idling at every check boundary. Every
 * check of the run is declared in one vitest file (conformance.suite.ts), so the schedule sees them all from the
 * start and the overlap goes on across groups. Each check is still one vitest test, judged and reported on its own.
 *
 * The promises of the lanes hold because every use of a lane takes a turn in that lane's queue, and turns run
 * one at a time in the order they were taken: a lane's customers serve one case at a time. The order is the
 * same on every run of a seed (so each lane sends the same requests in the same order), because turns are
 * taken only at moments fixed by the order of the tests, never by how fast the backend answers:
 * - when a check is launched (at its own test, or up to WINDOW tests earlier), it takes one turn on every lane
 *   at once, for its first pass over the lanes;
 * - every later use (another round after a failure, a failing case played again) is asked for in the check's
 *   own order and taken only once the check's own test has begun (then, before the checks launched by that
 *   test); a failure is still shrunk on its own lane, within the turn of the pass that found it.
 * Only checks whose lane use goes through these turns (propertyCheck, fixedCheck) are launched early; any
 * other check (the end-of-run isolation read) runs alone, after every check before it has ended. Under --bail
 * nothing is launched early: the checks after a violation send nothing, as before.
 */
/** How many checks after the current one may be launched early. */
export const WINDOW = 2;

/** A place in one lane's queue: `ready` once every turn taken before it on the lane is released. */
export interface Turn {
  ready: Promise<void>;
  release(): void;
}

/** One lane's queue: work on the lane runs one turn at a time, in the order the turns were taken. */
export class LaneQueue {
  private tail: Promise<void> = Promise.resolve();

  take(): Turn {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const ready = this.tail;
    this.tail = ready.then(() => released);
    return { ready, release };
  }
}

/** One check's claim on the lanes. */
export class CheckScope {
  private started = false;
  private pending: (() => void)[] = [];
  private readonly held = new Set<Turn>();
  /** The turns of the first pass, taken at launch, lane by lane. */
  private first: Map<number, Turn> | undefined;

  constructor(private readonly queues: LaneQueue[]) {
    this.first = new Map(queues.map((queue, lane) => [lane, this.keep(queue.take())]));
  }

  /** The check's own test has begun: its later turns are taken, in the order the check asked for them. */
  start(): void {
    if (this.started) return;
    this.started = true;
    const pending = this.pending;
    this.pending = [];
    for (const take of pending) take();
  }

  /** One turn on each of `lanes` (indices), for one pass over them. */
  turns(lanes: number[]): Turn[] {
    const first = this.first;
    if (first) {
      this.first = undefined;
      // The lanes the first pass does not use are free at once.
      for (const [lane, turn] of first) if (!lanes.includes(lane)) this.release(turn);
      return lanes.map((lane) => first.get(lane) ?? this.later(lane));
    }
    return lanes.map((lane) => this.later(lane));
  }

  /** Gives a turn back (any turn `turns` gave, taken yet or not; twice is once). */
  release(turn: Turn): void {
    turn.release();
  }

  /** The check is over: whatever it still holds is free. */
  end(): void {
    this.first = undefined;
    this.start();
    for (const turn of [...this.held]) turn.release();
  }

  /** A turn the scope holds until it is released, or until the check ends. */
  private keep(taken: Turn): Turn {
    const turn: Turn = {
      ready: taken.ready,
      release: () => {
        if (this.held.delete(turn)) taken.release();
      },
    };
    this.held.add(turn);
    return turn;
  }

  private later(lane: number): Turn {
    const queue = this.queues[lane];
    if (!queue) throw new Error(`no lane ${lane}`);
    if (this.started) return this.keep(queue.take());
    let taken!: (turn: Turn) => void;
    const turn = new Promise<Turn>((resolve) => (taken = resolve));
    this.pending.push(() => taken(this.keep(queue.take())));
    // Released before it was taken (the check ended first): given back as soon as it is taken.
    return {
      ready: turn.then((t) => t.ready),
      release: () => void turn.then((t) => t.release()),
    };
  }
}

/**
 * Which check a lanes array belongs to: each check gets its own array of the run's lanes, marked with its scope,
 * and spread and onLane take their turns in that scope. (Passed along with the lanes rather than through
 * AsyncLocalStorage, whose promise hooks would slow every await of the run.)
 */
const scopes = new WeakMap<readonly object[], CheckScope>();

/** Marks `lanes` (a check's own array) as the check's: its passes take turns in `scope`. */
export function withScope<T extends readonly object[]>(lanes: T, scope: CheckScope | undefined): T {
  if (scope) scopes.set(lanes, scope);
  return lanes;
}

/** The scope of the check these lanes were handed to, if the schedule launched it. */
export const scopeOf = (lanes: readonly object[]): CheckScope | undefined => scopes.get(lanes);

/** Runs `use` in a turn of lane `lane` of the check's `lanes` (one use of one lane outside a pass over all). */
export async function onLane<T>(lanes: readonly object[], lane: number, use: () => Promise<T>): Promise<T> {
  const scope = scopeOf(lanes);
  if (!scope) return use();
  const [turn] = scope.turns([lane]) as [Turn];
  try {
    await turn.ready;
    return await use();
  } finally {
    scope.release(turn);
  }
}

interface Entry<T> {
  /** The check; `scope` is undefined for one that runs alone. */
  body: (scope: CheckScope | undefined) => Promise<T>;
  /** Whether all its lane use goes through turns (so it may overlap other checks). */
  schedulable: boolean;
  scope?: CheckScope;
  running?: Promise<T>;
}

/** The checks of the run in the order their tests run, and which of them are under way. */
export class CheckSchedule<T> {
  private readonly entries: Entry<T>[] = [];

  add(body: (scope: CheckScope | undefined) => Promise<T>, schedulable: boolean): Entry<T> {
    const entry: Entry<T> = { body, schedulable };
    this.entries.push(entry);
    return entry;
  }

  /**
   * The check's test has begun: launches it (unless launched already), then up to WINDOW checks after it
   * (`overlap` false: none), then lets it take its later turns. Resolves to its result.
   */
  begin(entry: Entry<T>, queues: () => LaneQueue[], overlap: boolean): Promise<T> {
    if (!entry.schedulable) return entry.body(undefined);
    this.launch(entry, queues);
    if (overlap) {
      const at = this.entries.indexOf(entry);
      for (const next of this.entries.slice(at + 1, at + 1 + WINDOW)) {
        // A check that does not take turns runs alone: nothing after it is launched before it.
        if (!next.schedulable) break;
        this.launch(next, queues);
      }
    }
    entry.scope?.start();
    return entry.running as Promise<T>;
  }

  /** Waits until a check launched early has ended (its test is skipped: the run was stopped). */
  async settle(entry: Entry<T>): Promise<void> {
    await entry.running?.catch(() => undefined);
  }

  private launch(entry: Entry<T>, queues: () => LaneQueue[]): void {
    if (entry.running) return;
    const scope = new CheckScope(queues());
    entry.scope = scope;
    entry.running = entry.body(scope).finally(() => scope.end());
    // Its test awaits it later; a check stopped before then (an outage) is no unhandled rejection.
    entry.running.catch(() => undefined);
  }
}
