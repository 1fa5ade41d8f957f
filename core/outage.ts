/** The backend stopped answering mid-run: where it went silent, as data the runner and the reports format. */
import type { Exchange } from './exchange.ts';

export interface Outage {
  /** Requests in a row that got no answer when the suite stopped sending. */
  unanswered: number;
  /** The last request the backend answered before it went silent (absent when none of the suites' was). */
  lastAnswered?: Exchange;
  /** The first request that got no answer: in flight when the backend went silent, and may have crashed it. */
  inFlight: Exchange;
}
