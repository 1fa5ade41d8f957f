/**
 * How many requests may be in flight: at most --concurrency, and fewer while the backend throttles. On a 429
 * the limit halves (once per round of requests in flight, so one burst of 429s is one step down) and no
 * request starts before Retry-After has passed; each run of 2 x limit (at least 8) answers without a 429 lets one
 * more request in (additive increase, multiplicative decrease: it backs off fast and creeps back). One limiter
 * serves every lane.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface ThrottleState {
  /** 429 answers met. */
  throttled: number;
  /** The limit now, the lowest it went, and the most allowed (--concurrency). */
  limit: number;
  lowest: number;
  max: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Marks the requests of the task that has the backend to itself (`alone`), however deep they are sent from. */
const owner = new AsyncLocalStorage<symbol>();

export class AdaptiveLimit {
  private active = 0;
  /** The task running alone, if one is: every other request waits until it ends. */
  private soleTask: symbol | undefined;
  private readonly waiting: (() => void)[] = [];
  private limitNow: number;
  private lowest: number;
  private throttled = 0;
  private pausedUntil = 0;
  /** Requests that were in flight when the limit last halved: their 429s are the same round's. */
  private roundLeft = 0;
  /** Answers without a 429 since the limit last changed. */
  private calm = 0;

  constructor(
    private readonly max: number,
    private readonly onChange?: (state: ThrottleState) => void,
  ) {
    this.limitNow = max;
    this.lowest = max;
  }

  state(): ThrottleState {
    return { throttled: this.throttled, limit: this.limitNow, lowest: this.lowest, max: this.max };
  }

  /** Runs a task when a slot is free and no Retry-After pause is on. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    for (;;) {
      const pause = this.pausedUntil - Date.now();
      if (pause > 0) await sleep(pause);
      else if (this.active >= this.limitNow || this.heldBack()) await this.nextChange();
      else break;
    }
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.wake();
    }
  }

  /**
   * Runs `task` with no other request in flight: it waits for those in flight to end, and holds back every request
   * not sent from within it until it ends. A failure played again this way cannot be a value another lane's write
   * (through a leak between customers) happened to put there.
   */
  async alone<T>(task: () => Promise<T>): Promise<T> {
    // Already alone (a burst inside a case played again alone): nothing else is in flight to wait for.
    if (this.soleTask !== undefined && owner.getStore() === this.soleTask) return task();
    while (this.soleTask !== undefined) await this.nextChange();
    const key = Symbol('alone');
    this.soleTask = key;
    try {
      while (this.active > 0) await this.nextChange();
      return await owner.run(key, task);
    } finally {
      this.soleTask = undefined;
      this.wake();
    }
  }

  private heldBack(): boolean {
    return this.soleTask !== undefined && owner.getStore() !== this.soleTask;
  }

  private nextChange(): Promise<void> {
    return new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /** A 429: halve the limit (once per round in flight) and pause every request for `retryAfterMs`. */
  throttle(retryAfterMs: number): void {
    this.throttled++;
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + retryAfterMs);
    if (this.roundLeft > 0) this.roundLeft--;
    else {
      this.limitNow = Math.max(1, Math.floor(this.limitNow / 2));
      this.lowest = Math.min(this.lowest, this.limitNow);
      // The others in flight were sent under the old limit: their 429s say nothing new.
      this.roundLeft = Math.max(0, this.active - 1);
      this.calm = 0;
    }
    this.onChange?.(this.state());
  }

  /** An answer that was not a 429: after 2 x limit (at least 8) of them in a row, one more may be in flight. */
  answered(): void {
    if (this.roundLeft > 0) this.roundLeft--;
    if (this.limitNow >= this.max || ++this.calm < Math.max(8, 2 * this.limitNow)) return;
    this.calm = 0;
    this.limitNow++;
    this.onChange?.(this.state());
    this.wake();
  }

  private wake(): void {
    const waiting = this.waiting.splice(0);
    for (const resolve of waiting) resolve();
  }
}
