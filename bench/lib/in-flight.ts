/**
 * Requests in flight over time, from an exchange log (each request's send time and duration): the average
 * over the span from the first request sent to the last answered, how long the cap was full, and the time
 * spent with only a few in flight (lanes idling while others finish), so the gap to the floor is visible.
 */
export interface Interval {
  sentAt: number;
  durationMs: number;
}

export interface InFlight {
  spanMs: number;
  /** Time-weighted mean of requests in flight over the span. */
  average: number;
  /** Time with `cap` or more in flight. */
  atCapMs: number;
  /** Time with fewer than a quarter of `cap` in flight (one lane's tail, a lane-0-only check, set-up). */
  lowMs: number;
  /** Time (ms) spent at each count in flight, index = count. */
  histogramMs: number[];
}

export function inFlight(intervals: Interval[], cap: number): InFlight {
  const events: [number, number][] = [];
  for (const { sentAt, durationMs } of intervals) {
    events.push([sentAt, 1], [sentAt + durationMs, -1]);
  }
  // Ends before starts at the same instant: a request answered as the next is sent is not two in flight.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const histogramMs: number[] = [];
  let current = 0;
  let last = events[0]?.[0] ?? 0;
  for (const [at, change] of events) {
    histogramMs[current] = (histogramMs[current] ?? 0) + (at - last);
    current += change;
    last = at;
  }
  const filled = Array.from(histogramMs, (ms) => ms ?? 0);
  const spanMs = filled.reduce((sum, ms) => sum + ms, 0);
  const weighted = filled.reduce((sum, ms, count) => sum + ms * count, 0);
  return {
    spanMs,
    average: spanMs > 0 ? weighted / spanMs : 0,
    atCapMs: filled.slice(cap).reduce((sum, ms) => sum + ms, 0),
    lowMs: filled.slice(0, Math.max(1, Math.floor(cap / 4))).reduce((sum, ms) => sum + ms, 0),
    histogramMs: filled,
  };
}
